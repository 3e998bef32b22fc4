"use client";

import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import { nearestPoint, placeBeside, pointsNear } from "./tooltip-placement";
import { SourceLink, sourceLinkText, type PlainSourceLinkText } from "@/components/sources/SourceLink";
import { FigureDetailsLink } from "@/components/indicator/FigureDetailsLink";
import type { PointDetail } from "./point-details-schema";

type Labels = { close: string; details: string; several: string; source: PlainSourceLinkText; figureDetails: string };
/** focusInside: opened with Enter or Space, the box takes the focus; otherwise it only shows beside the point. */
type Active = { points: { id: string; title: string }[]; anchor: Element; focusInside: boolean };
type Placed = { left: number; top: number };

const POINT = "[data-observation]";

/** Each drawn point's centre on screen (points of a hidden variant of the chart have no size and are left out). */
function pointsOnScreen(frame: HTMLElement) {
  return [...frame.querySelectorAll(POINT)].flatMap((element) => {
    const box = (element.querySelector(".chart-hit") ?? element).getBoundingClientRect();
    const id = element.getAttribute("data-observation");
    if (!id || !(box.width > 0)) return [];
    return [{ id, element, x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 }];
  });
}

/** Until the details arrive, or if they cannot: the point's own <title> and its figure's page. */
type Shown = { id: string; detail: PointDetail | null; title: string };

// The chart itself is server-rendered SVG (each point carries its <title>, so it reads without
// JavaScript); this island adds a details box with clickable sources beside the point that was
// hovered, clicked, tapped or focused. A point that takes the keyboard focus shows its details beside
// it while the focus stays on the point (Tab goes on to the next point); Enter or Space moves the focus
// into the details (their source links), and Escape closes them and gives the focus back to the point.
// Points drawn on top of each other are listed together, so each one can be reached. The details of
// every drawn point are read from `detailsUrl` when the first point is opened (the page does not carry
// them); should that fail, the box shows each point's title and the link to its figure's page.
export function ChartPointDetails({
  detailsUrl,
  figurePathPrefix,
  children,
  labels,
}: {
  detailsUrl: string;
  /** A figure's page is this followed by its id ("/en/figures/"). */
  figurePathPrefix: string;
  children: ReactNode;
  labels: Labels;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Active | null>(null);
  const [placed, setPlaced] = useState<Placed | null>(null);
  /** Null until the first point is opened and its details have arrived (empty when they could not be read). */
  const [details, setDetails] = useState<Record<string, PointDetail> | null>(null);
  const loading = useRef(false);
  /** The point asked for while the details were on their way. */
  const waiting = useRef<{ point: Element; focusInside: boolean } | null>(null);
  /** Set while the focus is given back to a point, so that focus does not open its details again. */
  const returningFocus = useRef(false);

  const open = (point: Element | null | undefined, focusInside = false) => {
    const id = point?.getAttribute("data-observation");
    if (!point || !id || !frame.current) return;
    if (!details) {
      waiting.current = { point, focusInside };
      if (!loading.current) {
        loading.current = true;
        import("./load-point-details").then(({ loadPointDetails }) => loadPointDetails(detailsUrl)).then(setDetails, () => setDetails({}));
      }
      return;
    }
    // Points whose touch areas overlap the activated one's cannot be told apart by a click: list them together.
    const reach = Math.max(12, (point.querySelector(".chart-hit") ?? point).getBoundingClientRect().width);
    const near = pointsNear(pointsOnScreen(frame.current), id, reach);
    const points = (near.length ? near.map((each) => each.element) : [point]).map((element) => ({
      id: element.getAttribute("data-observation") ?? "",
      title: element.querySelector(":scope > title")?.textContent ?? "",
    }));
    const same = active && active.points.map((each) => each.id).join() === points.map((each) => each.id).join();
    if (active && active.anchor === point && same && (active.focusInside || !focusInside)) return;
    setPlaced(null);
    setActive({ points, anchor: point, focusInside });
  };

  // The details have arrived: open the point the reader asked for meanwhile, if it is still where the reader is.
  useEffect(() => {
    const asked = waiting.current;
    if (!details || !asked) return;
    waiting.current = null;
    if (asked.point.isConnected) open(asked.point, asked.focusInside);
    // Only the details' arrival opens the waiting point; open itself changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [details]);

  const close = (returnFocus: boolean) => {
    const anchor = active?.anchor;
    setActive(null);
    if (!returnFocus || !(anchor instanceof SVGElement)) return;
    returningFocus.current = true;
    try {
      anchor.focus();
    } finally {
      returningFocus.current = false;
    }
  };

  useLayoutEffect(() => {
    if (!active || !frame.current || !box.current) return;
    const origin = frame.current.getBoundingClientRect();
    const tip = box.current.getBoundingClientRect();
    const anchor = (active.anchor.querySelector(".chart-hit") ?? active.anchor).getBoundingClientRect();
    const spot = placeBeside(anchor, { width: tip.width, height: tip.height }, { width: window.innerWidth, height: window.innerHeight });
    setPlaced({ left: spot.left - origin.left, top: spot.top - origin.top });
  }, [active]);

  // Opened with Enter or Space, the details take the focus (once placed and visible), so their links come next.
  useEffect(() => {
    if (placed && active?.focusInside && box.current && !box.current.contains(document.activeElement)) box.current.focus();
  }, [placed, active]);

  // A point that takes the focus (Tab, or a tap) shows its details; the focus stays on the point.
  const onFocus = (event: FocusEvent) => {
    if (returningFocus.current || box.current?.contains(event.target)) return;
    const point = (event.target as Element).closest?.(POINT);
    if (point) open(point);
  };
  // The focus leaving the chart and its details closes what the keyboard opened.
  const onBlur = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (!active || (next && frame.current?.contains(next))) return;
    if (frame.current?.contains(active.anchor) && (active.anchor === event.target || box.current?.contains(event.target))) close(false);
  };

  const onPointerOver = (event: PointerEvent) => {
    if (event.pointerType === "mouse") open((event.target as Element).closest?.(POINT));
  };
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element;
    if (box.current?.contains(target)) return;
    const point = target.closest?.(POINT);
    if (point) return open(point);
    // A finger is wider than a marker: a tap on the chart opens the point nearest to it.
    if (frame.current && target.closest?.("svg")) {
      const nearest = nearestPoint(pointsOnScreen(frame.current), event.clientX, event.clientY);
      if (nearest) open(nearest.element);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && active) {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key !== "Enter" && event.key !== " ") return;
    const point = (event.target as Element).closest?.(POINT);
    if (!point || box.current?.contains(point)) return;
    event.preventDefault();
    open(point, true);
  };

  const shown: Shown[] = active ? active.points.map(({ id, title }) => ({ id, detail: details?.[id] ?? null, title })) : [];
  const sourceText = sourceLinkText(labels.source);
  return (
    <div
      ref={frame}
      className="chart-interactive"
      onPointerOver={onPointerOver}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {children}
      {active ? (
        <div
          ref={box}
          className="chart-tooltip"
          style={placed ? { left: placed.left, top: placed.top } : { left: 0, top: 0, visibility: "hidden" }}
          role="dialog"
          aria-label={shown.length > 1 ? labels.several.replace("{count}", String(shown.length)) : labels.details}
          tabIndex={-1}
          data-testid="point-details"
        >
          <button type="button" className="tooltip-close" onClick={() => close(true)} aria-label={labels.close}>
            ×
          </button>
          {shown.length > 1 ? <p className="tooltip-several">{labels.several.replace("{count}", String(shown.length))}</p> : null}
          {shown.map(({ id, detail, title }) =>
            detail ? (
              <div key={id} className="tooltip-figure" data-testid="point-detail">
                <strong>{detail.figure}</strong>
                <div>{detail.date}</div>
                <div data-quoted="">{detail.producer}</div>
                {detail.hedge ? <div className="muted">{detail.hedge}</div> : null}
                <div>
                  <SourceLink source={detail.source} text={sourceText} formatDay={() => detail.brokenDay ?? ""}>
                    {detail.sourceLabel}
                  </SourceLink>
                </div>
                <FigureDetailsLink href={detail.detailsHref} label={labels.figureDetails} context={`${detail.figure}, ${detail.date}`} />
              </div>
            ) : (
              <div key={id} className="tooltip-figure" data-testid="point-detail">
                <div data-quoted="">{title}</div>
                <FigureDetailsLink href={`${figurePathPrefix}${id}`} label={labels.figureDetails} context={title} />
              </div>
            ),
          )}
        </div>
      ) : null}
    </div>
  );
}
