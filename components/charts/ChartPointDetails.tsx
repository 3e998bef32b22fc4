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
import { SourceLink, sourceLinkText, type LinkedSource, type PlainSourceLinkText } from "@/components/sources/SourceLink";
import { FigureDetailsLink } from "@/components/indicator/FigureDetailsLink";

export type PointDetail = {
  figure: string;
  date: string;
  producer: string;
  source: LinkedSource;
  sourceLabel: string;
  /** The day the source's link broke, formatted for the page (null while the link works). */
  brokenDay: string | null;
  hedge: string | null;
  /** The figure's own page. */
  detailsHref: string;
};

type Labels = { close: string; details: string; several: string; source: PlainSourceLinkText; figureDetails: string };
/** focusInside: opened with Enter or Space, the box takes the focus; otherwise it only shows beside the point. */
type Active = { ids: string[]; anchor: Element; focusInside: boolean };
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

// The chart itself is server-rendered SVG (each point carries its <title>, so it reads without
// JavaScript); this island adds a details box with clickable sources beside the point that was
// hovered, clicked, tapped or focused. A point that takes the keyboard focus shows its details beside
// it while the focus stays on the point (Tab goes on to the next point); Enter or Space moves the focus
// into the details (their source links), and Escape closes them and gives the focus back to the point.
// Points drawn on top of each other are listed together, so each one can be reached.
export function ChartPointDetails({
  details,
  children,
  labels,
}: {
  details: Record<string, PointDetail>;
  children: ReactNode;
  labels: Labels;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Active | null>(null);
  const [placed, setPlaced] = useState<Placed | null>(null);
  /** Set while the focus is given back to a point, so that focus does not open its details again. */
  const returningFocus = useRef(false);

  const open = (point: Element | null | undefined, focusInside = false) => {
    const id = point?.getAttribute("data-observation");
    if (!point || !id || !details[id] || !frame.current) return;
    // Points whose touch areas overlap the activated one's cannot be told apart by a click: list them together.
    const reach = Math.max(12, (point.querySelector(".chart-hit") ?? point).getBoundingClientRect().width);
    const ids = pointsNear(pointsOnScreen(frame.current), id, reach)
      .map((near) => near.id)
      .filter((near) => details[near]);
    if (active && active.anchor === point && active.ids.join() === ids.join() && (active.focusInside || !focusInside)) return;
    setPlaced(null);
    setActive({ ids: ids.length ? ids : [id], anchor: point, focusInside });
  };

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

  const shown = active ? active.ids.map((id) => [id, details[id]!] as const) : [];
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
          {shown.map(([id, detail]) => (
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
          ))}
        </div>
      ) : null}
    </div>
  );
}
