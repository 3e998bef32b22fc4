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
/**
 * focusInside: opened with Enter or Space, the box takes the focus; otherwise it only shows beside the point.
 * anchor: what the box is placed beside; owner: what the reader went to (a marked point, or a dense
 * series whose figure the cursor shows), which gets the focus back. dense: the figure shown of a dense
 * series, and whether a click or a tap chose it (pinned: the mouse passing over other dots on its way
 * to the details' links leaves it).
 */
type Active = {
  points: { id: string; title: string }[];
  anchor: Element;
  owner: Element;
  focusInside: boolean;
  dense: { series: string; index: number; pinned: boolean } | null;
};
type Placed = { left: number; top: number };

const POINT = "[data-observation]";
const DENSE_SERIES = "[data-dense-series]";

/** Each drawn point's centre on screen (points of a hidden variant of the chart have no size and are left out). */
function pointsOnScreen(frame: HTMLElement) {
  return [...frame.querySelectorAll(POINT)].flatMap((element) => {
    const box = (element.querySelector(".chart-hit") ?? element).getBoundingClientRect();
    const id = element.getAttribute("data-observation");
    if (!id || !(box.width > 0)) return [];
    return [{ id, element, x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 }];
  });
}

/** A figure of a dense series and where its dot is drawn (the wide layout's coordinates). */
type Dot = { id: string; x: number; y: number };

/** What the reader asked for before the details arrived. */
type Waiting =
  | { kind: "point"; point: Element; focusInside: boolean }
  | { kind: "series"; series: Element; focusInside: boolean }
  | { kind: "spot"; x: number; y: number; tap: boolean };

/**
 * The dots of each dense series, in the order drawn: where each is comes from the series' dots path
 * ("M x,y h0" a figure), which figure it is from the details (the series and the dot's place in it).
 */
function dotsBySeries(frame: HTMLElement, details: Record<string, PointDetail>): Map<string, Dot[]> {
  const ids = new Map<string, string[]>();
  for (const [id, { dot }] of Object.entries(details)) {
    if (!dot) continue;
    const list = ids.get(dot.series) ?? [];
    list[dot.index] = id;
    ids.set(dot.series, list);
  }
  const bySeries = new Map<string, Dot[]>();
  for (const series of frame.querySelectorAll(DENSE_SERIES)) {
    const key = series.getAttribute("data-dense-series") ?? "";
    const path = series.querySelector(".chart-dots")?.getAttribute("d") ?? "";
    const at = [...path.matchAll(/M(-?[\d.]+),(-?[\d.]+)h0/g)].map((match) => ({ x: Number(match[1]), y: Number(match[2]) }));
    const seriesIds = ids.get(key) ?? [];
    // Drawn for another state than the details describe (they should not differ): nothing to point at.
    if (seriesIds.length !== at.length) continue;
    bySeries.set(
      key,
      at.map((spot, index) => ({ id: seriesIds[index]!, ...spot })),
    );
  }
  return bySeries;
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
  const waiting = useRef<Waiting | null>(null);
  /** Set while the focus is given back to a point, so that focus does not open its details again. */
  const returningFocus = useRef(false);

  /** The dense series' dots, read once the details are here (from the page, so only in handlers). */
  const dotsRead = useRef<{ from: Record<string, PointDetail>; dots: Map<string, Dot[]> } | null>(null);
  const dotsOf = () => {
    if (!details || !frame.current) return null;
    if (dotsRead.current?.from !== details) dotsRead.current = { from: details, dots: dotsBySeries(frame.current, details) };
    return dotsRead.current.dots;
  };

  /** Reads every drawn figure's details once; what was asked for meanwhile waits for them. */
  const load = (asked: Waiting) => {
    waiting.current = asked;
    if (loading.current) return;
    loading.current = true;
    import("./load-point-details").then(({ loadPointDetails }) => loadPointDetails(detailsUrl)).then(setDetails, () => setDetails({}));
  };

  const open = (point: Element | null | undefined, focusInside = false) => {
    const id = point?.getAttribute("data-observation");
    if (!point || !id || !frame.current) return;
    if (!details) return load({ kind: "point", point, focusInside });
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
    setActive({ points, anchor: point, owner: point, focusInside, dense: null });
  };

  /** Shows one figure of a dense series: the cursor moves onto its dot and the box opens beside it. */
  const openDot = (series: Element, index: number, focusInside = false, pinned = false) => {
    const id = series.getAttribute("data-dense-series") ?? "";
    const dot = dotsOf()?.get(id)?.[index];
    const cursor = frame.current?.querySelector<SVGGElement>(".chart-cursor");
    if (!dot || !cursor) return;
    const same = active?.dense?.series === id && active.dense.index === index;
    if (same && (active.focusInside || !focusInside) && (active.dense!.pinned || !pinned)) return;
    for (const path of cursor.querySelectorAll("path")) path.setAttribute("d", `M${dot.x},${dot.y}h0`);
    cursor.removeAttribute("display");
    setPlaced(null);
    setActive({
      points: [{ id: dot.id, title: "" }],
      anchor: cursor,
      owner: series,
      focusInside,
      dense: { series: id, index, pinned: pinned || focusInside },
    });
  };

  /** A dense series that takes the focus shows its latest figure, or keeps the one it shows. */
  const openSeries = (series: Element, focusInside = false) => {
    if (!details) return load({ kind: "series", series, focusInside });
    const id = series.getAttribute("data-dense-series") ?? "";
    const count = dotsOf()?.get(id)?.length ?? 0;
    if (!count) return;
    const index = active?.dense?.series === id ? active.dense.index : count - 1;
    openDot(series, index, focusInside);
  };

  /** The dense series' dot nearest to a spot on screen, if one is within reach. */
  const dotNear = (x: number, y: number, reach: number) => {
    // The drawn layout may be moved and stretched (the phone's): dots reach the screen through the cursor's transform.
    const matrix = frame.current?.querySelector<SVGGElement>(".chart-cursor")?.getScreenCTM();
    const dots = dotsOf();
    if (!matrix || !dots || !frame.current) return null;
    let best: { series: Element; index: number; distance: number } | null = null;
    for (const series of frame.current.querySelectorAll(DENSE_SERIES)) {
      const seriesDots = dots.get(series.getAttribute("data-dense-series") ?? "") ?? [];
      for (const [index, dot] of seriesDots.entries()) {
        const spot = new DOMPoint(dot.x, dot.y).matrixTransform(matrix);
        const distance = Math.hypot(spot.x - x, spot.y - y);
        if (distance <= reach && (!best || distance < best.distance)) best = { series, index, distance };
      }
    }
    return best;
  };

  /** A spot the pointer is on or a finger tapped: the nearest marked point or dense figure within reach opens. */
  const openNear = (x: number, y: number, tap: boolean) => {
    if (!frame.current) return;
    const hasDense = frame.current.querySelector(DENSE_SERIES) !== null;
    if (hasDense && !details) return load({ kind: "spot", x, y, tap });
    const reach = tap ? 24 : 12;
    const dot = hasDense ? dotNear(x, y, reach) : null;
    const point = tap ? nearestPoint(pointsOnScreen(frame.current), x, y, reach) : null;
    if (point && (!dot || Math.hypot(point.x - x, point.y - y) <= dot.distance)) open(point.element);
    else if (dot) openDot(dot.series, dot.index, false, tap);
  };

  // The details have arrived: open what the reader asked for meanwhile, if it is still where the reader is.
  useEffect(() => {
    const asked = waiting.current;
    if (!details || !asked) return;
    waiting.current = null;
    if (asked.kind === "point" && asked.point.isConnected) open(asked.point, asked.focusInside);
    if (asked.kind === "series" && asked.series.isConnected) openSeries(asked.series, asked.focusInside);
    if (asked.kind === "spot") openNear(asked.x, asked.y, asked.tap);
    // Only the details' arrival opens what waited; the openers change on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [details]);

  const close = (returnFocus: boolean) => {
    const owner = active?.owner;
    if (active?.dense) frame.current?.querySelector(".chart-cursor")?.setAttribute("display", "none");
    setActive(null);
    if (!returnFocus || !(owner instanceof SVGElement)) return;
    returningFocus.current = true;
    try {
      owner.focus();
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
    if (point) return open(point);
    const series = (event.target as Element).closest?.(DENSE_SERIES);
    if (series) openSeries(series);
  };
  // The focus leaving the chart and its details closes what the keyboard opened.
  const onBlur = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (!active || (next && frame.current?.contains(next))) return;
    if (frame.current?.contains(active.owner) && (active.owner === event.target || box.current?.contains(event.target))) close(false);
  };

  const onPointerOver = (event: PointerEvent) => {
    if (event.pointerType === "mouse") open((event.target as Element).closest?.(POINT));
  };
  // A dense series has no element per figure: the mouse shows the figure whose dot it comes near, until a click pins one.
  const onPointerMove = (event: PointerEvent) => {
    const target = event.target as Element;
    if (event.pointerType !== "mouse" || active?.dense?.pinned) return;
    if (target.closest?.(POINT) || !target.closest?.("svg") || box.current?.contains(target)) return;
    if (frame.current?.querySelector(DENSE_SERIES)) openNear(event.clientX, event.clientY, false);
  };
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element;
    if (box.current?.contains(target)) return;
    const point = target.closest?.(POINT);
    if (point) return open(point);
    // A finger is wider than a marker: a tap on the chart opens the point or dense figure nearest to it.
    if (target.closest?.("svg")) openNear(event.clientX, event.clientY, true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && active) {
      event.preventDefault();
      close(true);
      return;
    }
    const series = (event.target as Element).closest?.(DENSE_SERIES);
    if (series && !box.current?.contains(event.target as Node)) return onDenseKey(event, series);
    if (event.key !== "Enter" && event.key !== " ") return;
    const point = (event.target as Element).closest?.(POINT);
    if (!point || box.current?.contains(point)) return;
    event.preventDefault();
    open(point, true);
  };

  // On a focused dense series the arrow keys, Home and End go through its figures; Enter or Space opens the one shown.
  const onDenseKey = (event: KeyboardEvent, series: Element) => {
    const count = dotsOf()?.get(series.getAttribute("data-dense-series") ?? "")?.length ?? 0;
    const at = active?.dense && active.owner === series ? active.dense.index : count - 1;
    const step: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 };
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (!count) return openSeries(series, true);
      return openDot(series, at, true);
    }
    const index = event.key === "Home" ? 0 : event.key === "End" ? count - 1 : step[event.key] !== undefined ? at + step[event.key]! : null;
    if (index === null) return;
    event.preventDefault();
    if (count) openDot(series, Math.min(count - 1, Math.max(0, index)));
  };

  const shown: Shown[] = active ? active.points.map(({ id, title }) => ({ id, detail: details?.[id] ?? null, title })) : [];
  const sourceText = sourceLinkText(labels.source);
  return (
    <div
      ref={frame}
      className="chart-interactive"
      onPointerOver={onPointerOver}
      onPointerMove={onPointerMove}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {children}
      {/* The arrow keys move through a dense series without moving the focus: what they reach is read out. */}
      <p className="visually-hidden" aria-live="polite">
        {active?.dense && shown[0]?.detail ? `${shown[0].detail.figure}, ${shown[0].detail.date}, ${shown[0].detail.producer}` : ""}
      </p>
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
