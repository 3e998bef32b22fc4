import { scaleLinear, scaleLog, scaleUtc } from "d3-scale";
import type { ChartState } from "@/lib/charts/chart-state";
import type { PublicEvent } from "@/lib/events/queries";
import { formatNumber, producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { isDenseSeries } from "@/lib/observations/chart-points";
import { periodEnd } from "@/lib/observations/period";
import type { ChartObservation, ProducerType, PublicObservation } from "@/lib/observations/types";
import { fromIsoDay } from "@/lib/dates";
import { PRODUCER_TYPE_DISPLAY_ORDER } from "@/lib/schemas/enums";
import { LINE_HEIGHT, spreadApart, textLine, textWidth, truncate, wrap, wrapKeepingTail, type Box, type TextLine } from "./text-layout";

// Everything the indicator chart draws, computed once from the data and the URL state. The server
// renders it as SVG (readable without JavaScript); exports and tests read the same model.
//
// The chart carries its own key: title, unit, direct labels or a legend, events and the source line
// are laid out here, with approximate text widths, so nothing overlaps and nothing leaves the viewBox
// (the viewBox grows to fit what it holds).

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;
const MARGIN = { top: 40, right: 24, bottom: 36, left: 64 };
const DAY_MS = 86_400_000;

/** A chart laid out with its key: the viewBox width and the plot height; everything else is measured. */
export type LayoutSize = {
  name: "wide" | "narrow";
  width: number;
  plotHeight: number;
  pad: number;
  titleSize: number;
  fontSize: number;
  smallSize: number;
  maxXTicks: number;
  maxYTicks: number;
  /** Widest the direct labels at the lines' ends may be; wider labels make a legend under the plot. */
  maxDirectLabelWidth: number;
};

/**
 * Wide: shown from 600 px up to 1,200 px. Narrow: for phones, drawn at about its display width
 * (343 px on a 375 px screen), so 12-unit text renders at least 11 px tall.
 */
export const CHART_SIZES = {
  wide: {
    name: "wide",
    width: 800,
    plotHeight: 300,
    pad: 12,
    titleSize: 18,
    fontSize: 13,
    smallSize: 12,
    maxXTicks: 11,
    maxYTicks: 5,
    maxDirectLabelWidth: 230,
  },
  narrow: {
    name: "narrow",
    width: 340,
    plotHeight: 230,
    pad: 6,
    titleSize: 15,
    fontSize: 12,
    smallSize: 12,
    maxXTicks: 4,
    maxYTicks: 5,
    maxDirectLabelWidth: 0,
  },
} as const satisfies Record<string, LayoutSize>;

/** A small fixed frame without text (the sparkline): plot inside the margins, no labels. */
export type FixedSize = { width: number; height: number; margin: typeof MARGIN };
export type ChartSize = LayoutSize | FixedSize;

/** The words the chart draws besides the data, in the page's language. */
export type ChartText = {
  locale: Locale;
  /** The indicator's name. */
  title: string;
  /** The indicator's unit, drawn at the top of the y axis. */
  unit: string;
  /** Who produced the figures, where the chart comes from and when it was read. */
  sourceLine: string;
  /** The single label of the renewals band, e.g. "Renewals (12)". */
  renewals: (count: number) => string;
  /** Said when a log axis leaves out figures of zero or less. */
  logOmitted: (count: number) => string;
};

const NO_TEXT: ChartText = {
  locale: "en",
  title: "",
  unit: "",
  sourceLine: "",
  renewals: () => "",
  logOmitted: () => "",
};

export type PointModel<O extends ChartObservation = PublicObservation> = {
  observation: O;
  /** Middle of the covered period in ms since 1970 (what the marker's x stands for). */
  midpointMs: number;
  cx: number;
  cy: number;
  /** Horizontal extent of the period the figure covers (equal to cx for a single day). */
  periodX1: number;
  periodX2: number;
  /** Top of the range, for figures given as "from–to". */
  rangeTopY: number | null;
};

export type SeriesModel<O extends ChartObservation = PublicObservation> = {
  producerId: string;
  producerName: string;
  producerType: ProducerType;
  points: PointModel<O>[];
  path: string;
  /** More figures than the series draws as markers (isDenseSeries): each figure is a dot, and the series is read as a whole. */
  dense: boolean;
};

/** An event on the chart. `number` is its number in the list under the chart, whether or not the chart shows it. */
export type EventModel = {
  event: PublicEvent;
  number: number;
  x1: number;
  x2: number;
  /** The number drawn above the plot; null for renewals (one band) and for events counted in a "+n" marker. */
  label: TextLine | null;
};

/** Events whose numbers did not fit, shown as one "+n" marker. */
export type EventClusterModel = { label: TextLine; numbers: number[] };

export type RenewalsModel = {
  count: number;
  ticks: { x1: number; x2: number }[];
  y1: number;
  y2: number;
  label: TextLine;
};

/** A series named at the end of its line, as Grapher does. */
export type SeriesLabelModel = {
  producerId: string;
  producerType: ProducerType;
  /** Full text, also the label's tooltip. */
  full: string;
  label: TextLine;
  marker: { cx: number; cy: number };
  /** From the line's end to a label that had to move away from it. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
};

/** A legend block under the plot: one row group per producer type (its marker, line and name), then each producer. */
export type LegendItemModel =
  | { kind: "type"; producerType: ProducerType; label: TextLine; marker: { cx: number; cy: number }; sample: { x1: number; x2: number } }
  | { kind: "producer"; producerType: ProducerType; producerId: string; full: string; label: TextLine };

export type ChartModel<O extends ChartObservation = PublicObservation> = {
  size: "wide" | "narrow" | "fixed";
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The years the x axis spans, first and last (whole calendar years). */
  xDomain: { from: number; to: number } | null;
  /** Year boundaries with a grid line, and the labelled years (centred on their year). */
  xTicks: { x: number; year: number; label: TextLine | null }[];
  yTicks: { y: number; value: number; label: TextLine | null }[];
  scale: "linear" | "log";
  /** Drawn values span about two orders of magnitude or more: a log axis would show them better. */
  logScaleUseful: boolean;
  /** Figures of zero or less a log axis cannot draw (left out of the drawing). */
  logOmitted: number;
  logNote: TextLine | null;
  series: SeriesModel<O>[];
  events: EventModel[];
  eventClusters: EventClusterModel[];
  /** Where the event numbers' rows end: event lines run from here to the plot's bottom. */
  eventLineTop: number;
  renewals: RenewalsModel | null;
  title: TextLine[];
  /** The unit, over the y axis. */
  unit: TextLine[];
  sourceLines: TextLine[];
  /** Full texts of what may have been cut, for tooltips. */
  fullText: { title: string; unit: string; sourceLine: string };
  seriesLabels: SeriesLabelModel[];
  legend: LegendItemModel[];
  empty: boolean;
};

const startMs = (iso: string) => fromIsoDay(iso).getTime();
const endMs = (observation: Pick<PublicObservation, "asOf" | "datePrecision">) => startMs(periodEnd(observation)) + DAY_MS;
const yearStart = (year: number) => Date.UTC(year, 0, 1);
const yearOf = (ms: number) => new Date(ms).getUTCFullYear();

export const SERIES_TYPE_ORDER: readonly ProducerType[] = PRODUCER_TYPE_DISPLAY_ORDER;

/** max/min of the drawn positive values from which a log axis is offered (homicide rate: 115.8 → 1.3). */
export const LOG_SCALE_MIN_RATIO = 50;

function overlapsRange(start: number, end: number, state: Pick<ChartState, "from" | "to">): boolean {
  const rangeStart = state.from === null ? -Infinity : yearStart(state.from);
  const rangeEnd = state.to === null ? Infinity : yearStart(state.to + 1);
  return start < rangeEnd && end > rangeStart;
}

/** The published figures a state draws (retracted figures stay in the table but leave the chart). */
export function drawnObservations<O extends ChartObservation>(observations: O[], state: Pick<ChartState, "hidden" | "from" | "to">): O[] {
  return observations.filter(
    (o) => o.status === "published" && overlapsRange(startMs(o.asOf), endMs(o), state) && !state.hidden.includes(o.producer.type),
  );
}

const eventEnd = (event: PublicEvent) =>
  event.endsOn
    ? startMs(event.endsOn) + DAY_MS
    : event.datePrecision === "day"
      ? startMs(event.startsOn)
      : endMs({ asOf: event.startsOn, datePrecision: event.datePrecision });

const isLayout = (size: ChartSize): size is LayoutSize => "plotHeight" in size;

/** Year steps for the x labels: the smallest that keeps them within the count that fits. */
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

export function buildChartModel<O extends ChartObservation>(
  observations: O[],
  events: PublicEvent[],
  state: Pick<ChartState, "hidden" | "from" | "to" | "events"> & Partial<Pick<ChartState, "scale">>,
  size: ChartSize = CHART_SIZES.wide,
  text: ChartText = NO_TEXT,
): ChartModel<O> {
  const layout = isLayout(size) ? size : null;
  const fixed = isLayout(size) ? { margin: MARGIN, height: CHART_HEIGHT } : size;
  const width = size.width;
  const pad = layout?.pad ?? 0;
  const fontSize = layout?.fontSize ?? 12;
  const smallSize = layout?.smallSize ?? 12;
  const locale = text.locale;
  const logRequested = state.scale === "log";

  const visible = drawnObservations(observations, state);
  const positive = visible.filter((o) => Number(o.value) > 0);
  const drawn = logRequested ? positive : visible;
  const logOmitted = visible.length - drawn.length;

  // ---- x domain: the chosen years exactly; otherwise the whole years the figures cover.
  const dataStart = visible.length ? Math.min(...visible.map((o) => startMs(o.asOf))) : yearStart(new Date().getUTCFullYear());
  const dataEnd = visible.length ? Math.max(...visible.map(endMs)) : dataStart + DAY_MS;
  const fromYear = state.from ?? yearOf(dataStart);
  const toYear = Math.max(state.to ?? yearOf(dataEnd - 1), fromYear);
  const xStart = yearStart(fromYear);
  const xEnd = yearStart(toYear + 1);

  // ---- y domain
  const values = drawn.flatMap((o) => [Number(o.value), ...(o.valueMax ? [Number(o.valueMax)] : [])]);
  const positiveValues = positive.flatMap((o) => [Number(o.value), ...(o.valueMax ? [Number(o.valueMax)] : [])]).filter((v) => v > 0);
  const logScaleUseful = positiveValues.length > 1 && Math.max(...positiveValues) / Math.min(...positiveValues) >= LOG_SCALE_MIN_RATIO;
  const maxYTicks = layout?.maxYTicks ?? 5;
  let yTickValues: number[];
  let yScaleDomain: [number, number];
  if (logRequested) {
    const logValues = values.filter((v) => v > 0);
    const low = logValues.length ? Math.min(...logValues) : 1;
    const high = logValues.length ? Math.max(...logValues) : 10;
    const log = scaleLog()
      .domain([low, high === low ? low * 10 : high])
      .nice();
    yScaleDomain = log.domain() as [number, number];
    const all = log.ticks();
    const powers = all.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
    const oneTwoFive = all.filter((v) => [1, 2, 5].includes(Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9))));
    yTickValues = powers.length >= 3 ? powers : oneTwoFive;
    while (yTickValues.length > maxYTicks) yTickValues = yTickValues.filter((_, i) => i % 2 === 0);
  } else {
    const yMax = Math.max(0, ...values);
    const linear = scaleLinear()
      .domain([0, yMax || 1])
      .nice(maxYTicks);
    yScaleDomain = linear.domain() as [number, number];
    yTickValues = linear.ticks(maxYTicks);
    if (yTickValues.length > maxYTicks) yTickValues = linear.ticks(Math.max(2, maxYTicks - 2));
  }
  const yLabelText = (value: number) => formatNumber(String(value), locale);

  // ---- series, grouped by producer (never merged), in the legend's type order
  const byProducer = new Map<string, O[]>();
  for (const observation of drawn) {
    const list = byProducer.get(observation.producer.id);
    if (list) list.push(observation);
    else byProducer.set(observation.producer.id, [observation]);
  }
  const producers = [...byProducer.values()]
    .map((list) => ({ list, first: list[0]! }))
    .sort(
      (a, b) =>
        SERIES_TYPE_ORDER.indexOf(a.first.producer.type) - SERIES_TYPE_ORDER.indexOf(b.first.producer.type) ||
        a.first.producer.name.localeCompare(b.first.producer.name),
    );
  const directTexts = producers.map(({ first }) => `${first.producer.name} (${producerTypeLabel(first.producer.type, locale)})`);

  // ---- horizontal layout: y labels on the left, direct labels (if they fit) on the right
  const yLabelWidth = layout ? Math.max(...yTickValues.map((v) => textWidth(yLabelText(v), fontSize)), 0) : 0;
  const lineGap = LINE_HEIGHT * fontSize;
  const directFits =
    layout !== null &&
    producers.length > 0 &&
    producers.length * (lineGap + 2) <= layout.plotHeight &&
    directTexts.every((label) => textWidth(label, fontSize) + 22 <= layout.maxDirectLabelWidth);
  const directWidth = directFits ? Math.max(...directTexts.map((label) => textWidth(label, fontSize))) + 22 + pad : 0;
  const left = layout ? Math.ceil(pad + yLabelWidth + 8) : fixed.margin.left;
  const right = layout ? width - Math.max(directWidth, pad + 8) : width - fixed.margin.right;
  const x = scaleUtc()
    .domain([new Date(xStart), new Date(xEnd)])
    .range([left, right]);

  // ---- events: renewals in one band; the others numbered in date order, their numbers in up to two rows
  const inView = state.events && visible.length ? events.filter((event) => startMs(event.startsOn) < xEnd && eventEnd(event) > xStart) : [];
  const eventModels: EventModel[] = inView.map((event, index) => ({
    event,
    number: index + 1,
    x1: x(new Date(Math.max(startMs(event.startsOn), xStart))),
    x2: x(new Date(Math.min(eventEnd(event), xEnd))),
    label: null,
  }));
  const numbered = eventModels.filter((model) => model.event.kind !== "renewal");
  const renewalEvents = eventModels.filter((model) => model.event.kind === "renewal");
  // Every slot is as wide as "+99", so a number can turn into a "+n" marker without moving into its neighbour.
  const slotWidth = Math.max(textWidth("+99", smallSize), ...numbered.map((m) => textWidth(String(m.number), smallSize))) + 2;
  const rows: { center: number; owner: EventModel | EventClusterDraft }[][] = [[], []];
  type EventClusterDraft = { center: number; row: number; events: EventModel[] };
  const clusters: EventClusterDraft[] = [];
  const slotPositions = new Map<EventModel, { center: number; row: number }>();
  const minCenter = pad + slotWidth / 2;
  const maxCenter = width - pad - slotWidth / 2;
  for (const model of layout ? numbered : []) {
    const center = Math.min(Math.max((model.x1 + model.x2) / 2, minCenter), maxCenter);
    const free = (row: number) => rows[row]!.every((slot) => Math.abs(slot.center - center) >= slotWidth + 3);
    const row = free(0) ? 0 : free(1) ? 1 : -1;
    if (row >= 0) {
      rows[row]!.push({ center, owner: model });
      slotPositions.set(model, { center, row });
      continue;
    }
    // No room: fold it into the nearest slot, which becomes (or already is) a "+n" marker.
    const nearest = rows
      .flatMap((slots, rowIndex) => slots.map((slot) => ({ slot, rowIndex })))
      .sort((a, b) => Math.abs(a.slot.center - center) - Math.abs(b.slot.center - center))[0]!;
    const owner = nearest.slot.owner;
    if ("events" in owner) owner.events.push(model);
    else {
      const cluster: EventClusterDraft = { center: nearest.slot.center, row: nearest.rowIndex, events: [owner, model] };
      slotPositions.delete(owner);
      nearest.slot.owner = cluster;
      clusters.push(cluster);
    }
  }
  const rowsUsed = rows[1]!.length ? 2 : rows[0]!.length ? 1 : 0;

  // ---- vertical layout, top to bottom
  let y = pad;
  const titleLines: TextLine[] = [];
  if (layout && text.title) {
    for (const line of wrap(text.title, width - 2 * pad, layout.titleSize, 2, true)) {
      titleLines.push(textLine(line, pad, y + 0.95 * layout.titleSize, layout.titleSize, "start", true));
      y += LINE_HEIGHT * layout.titleSize;
    }
    y += 4;
  }
  const smallGap = LINE_HEIGHT * smallSize;
  const rowBaselines = [y + (rowsUsed === 2 ? 2 : 1) * smallGap - 0.27 * smallSize - 1, y + smallGap - 0.27 * smallSize - 1];
  if (rowsUsed) y += rowsUsed * smallGap + 2;
  const eventLineTop = y;
  for (const [model, { center, row }] of slotPositions) {
    model.label = textLine(String(model.number), center, rowBaselines[row]!, smallSize, "middle");
  }
  const eventClusters: EventClusterModel[] = clusters.map((cluster) => ({
    label: textLine(`+${cluster.events.length}`, cluster.center, rowBaselines[cluster.row]!, smallSize, "middle", true),
    numbers: cluster.events.map((model) => model.number).sort((a, b) => a - b),
  }));

  let renewals: RenewalsModel | null = null;
  if (layout && renewalEvents.length) {
    const labelText = text.renewals(renewalEvents.length);
    const labelWidth = textWidth(labelText, smallSize);
    const labelX = Math.min(Math.max(renewalEvents[0]!.x1, pad), width - pad - labelWidth);
    const label = textLine(labelText, labelX, y + 0.95 * smallSize, smallSize, "start");
    y += smallGap;
    renewals = {
      count: renewalEvents.length,
      ticks: renewalEvents.map(({ x1, x2 }) => ({ x1, x2 })),
      y1: y,
      y2: y + 8,
      label,
    };
    y += 12;
  }

  const unitLines: TextLine[] = [];
  if (layout && text.unit) {
    for (const line of wrap(text.unit, width - 2 * pad, fontSize, 2)) {
      unitLines.push(textLine(line, pad, y + 0.95 * fontSize, fontSize, "start"));
      y += lineGap;
    }
  }
  let logNote: TextLine | null = null;
  if (layout && logRequested && logOmitted > 0) {
    const note = truncate(text.logOmitted(logOmitted), width - 2 * pad, smallSize);
    logNote = textLine(note, pad, y + 0.95 * smallSize, smallSize, "start");
    y += smallGap;
  }
  // Room above the plot for half of the top y label.
  const top = layout ? Math.ceil(y + 0.75 * fontSize) : fixed.margin.top;
  const bottom = layout ? top + layout.plotHeight : fixed.height - fixed.margin.bottom;
  const plot = { left, right, top, bottom };
  const yScale = logRequested
    ? scaleLog().domain(yScaleDomain).range([bottom, top])
    : scaleLinear().domain(yScaleDomain).range([bottom, top]);

  // ---- points
  const series = producers.map(({ list, first }): SeriesModel<O> => {
    const points = list
      .map((observation): PointModel<O> => {
        const x1 = x(new Date(startMs(observation.asOf)));
        const x2 = observation.datePrecision === "day" ? x1 : x(new Date(endMs(observation)));
        return {
          observation,
          midpointMs:
            (startMs(observation.asOf) + (observation.datePrecision === "day" ? startMs(observation.asOf) : endMs(observation))) / 2,
          cx: (x1 + x2) / 2,
          cy: yScale(Number(observation.value)),
          periodX1: x1,
          periodX2: x2,
          rangeTopY: observation.valueMax ? yScale(Number(observation.valueMax)) : null,
        };
      })
      .sort((a, b) => a.cx - b.cx);
    return {
      producerId: first.producer.id,
      producerName: first.producer.name,
      producerType: first.producer.type,
      points,
      path: points.map((point, index) => `${index ? "L" : "M"}${point.cx.toFixed(1)},${point.cy.toFixed(1)}`).join(""),
      dense: isDenseSeries(points.length),
    };
  });

  const yTicks = yTickValues.map((value) => {
    const tickY = yScale(value);
    return { value, y: tickY, label: layout ? textLine(yLabelText(value), left - 6, tickY + 0.35 * fontSize, fontSize, "end") : null };
  });

  // ---- direct labels at the lines' ends, pushed apart so none overlaps another
  const seriesLabels: SeriesLabelModel[] = [];
  if (directFits) {
    const wanted = series.map((s) => s.points.at(-1)!.cy);
    const placed = spreadApart(wanted, lineGap + 2, top + 0.6 * fontSize, bottom - 0.6 * fontSize);
    series.forEach((s, index) => {
      const centerY = placed[index]!;
      const moved = Math.abs(centerY - wanted[index]!) > 2;
      seriesLabels.push({
        producerId: s.producerId,
        producerType: s.producerType,
        full: directTexts[index]!,
        label: textLine(directTexts[index]!, right + 20, centerY + 0.35 * fontSize, fontSize, "start"),
        marker: { cx: right + 12, cy: centerY },
        leader: moved ? { x1: right + 1, y1: wanted[index]!, x2: right + 6, y2: centerY } : null,
      });
    });
  }

  // ---- x axis: a line at each labelled year's start, the year centred on its span
  y = bottom;
  const years = toYear - fromYear + 1;
  const plotWidth = right - left;
  const maxXTicks = Math.max(1, Math.min(layout?.maxXTicks ?? 8, Math.floor(plotWidth / 70)));
  const step = YEAR_STEPS.find((candidate) => Math.ceil(years / candidate) <= maxXTicks) ?? 100;
  const xTicks: ChartModel<O>["xTicks"] = [];
  const xLabelY = bottom + 10 + 0.95 * fontSize;
  for (let year = fromYear; year <= toYear; year++) {
    if (step > 1 && year % step !== 0) continue;
    const tickX = x(new Date(yearStart(year)));
    const half = textWidth(String(year), fontSize) / 2;
    const center = Math.min(Math.max((tickX + x(new Date(yearStart(year + 1)))) / 2, left + half), right - half);
    xTicks.push({ year, x: tickX, label: layout ? textLine(String(year), center, xLabelY, fontSize, "middle") : null });
  }
  if (layout) y = bottom + 10 + lineGap;

  // ---- legend under the plot when the direct labels do not fit
  const legend: LegendItemModel[] = [];
  if (layout && !directFits && series.length) {
    y += 6;
    const legendGap = LINE_HEIGHT * fontSize + 3;
    const lineRight = width - pad;
    // Names that do not fit after their type start the next line, under the type's name (further left on a phone).
    const indent = layout.name === "narrow" ? pad + 12 : pad + 30;
    for (const type of SERIES_TYPE_ORDER) {
      const ofType = series.filter((s) => s.producerType === type);
      if (!ofType.length) continue;
      let baseline = y + 0.95 * fontSize + 1;
      const heading = `${producerTypeLabel(type, locale)}:`;
      legend.push({
        kind: "type",
        producerType: type,
        label: textLine(heading, pad + 30, baseline, fontSize, "start", true),
        marker: { cx: pad + 12, cy: baseline - 0.35 * fontSize },
        sample: { x1: pad, x2: pad + 24 },
      });
      let cursor = pad + 30 + textWidth(heading, fontSize, true) + 8;
      ofType.forEach((s, index) => {
        const name = index < ofType.length - 1 ? `${s.producerName} ·` : s.producerName;
        const fullWidth = textWidth(name, fontSize);
        if (cursor + fullWidth > lineRight && cursor > indent) {
          baseline += legendGap;
          cursor = indent;
        }
        const shown = truncate(name, lineRight - cursor, fontSize);
        legend.push({
          kind: "producer",
          producerType: type,
          producerId: s.producerId,
          full: s.producerName,
          label: textLine(shown, cursor, baseline, fontSize, "start"),
        });
        cursor += textWidth(shown, fontSize) + 8;
      });
      y = baseline + 0.27 * fontSize + 5;
    }
  }

  // ---- the source line at the bottom, wrapped rather than cut
  const sourceLines: TextLine[] = [];
  if (layout && text.sourceLine) {
    y += 8;
    for (const line of wrapKeepingTail(text.sourceLine, width - 2 * pad, smallSize, layout.name === "narrow" ? 4 : 3)) {
      sourceLines.push(textLine(line, pad, y + 0.95 * smallSize, smallSize, "start"));
      y += smallGap;
    }
  }
  const height = layout ? Math.ceil(y + pad) : fixed.height;

  return {
    size: layout ? layout.name : "fixed",
    width,
    height,
    plot,
    xDomain: visible.length ? { from: fromYear, to: toYear } : null,
    xTicks,
    yTicks,
    scale: logRequested ? "log" : "linear",
    logScaleUseful,
    logOmitted,
    logNote,
    series,
    events: eventModels,
    eventClusters,
    eventLineTop,
    renewals,
    title: titleLines,
    unit: unitLines,
    sourceLines,
    fullText: { title: text.title, unit: text.unit, sourceLine: text.sourceLine },
    seriesLabels,
    legend,
    empty: visible.length === 0,
  };
}

/** Every piece of text the model places, with the box it covers (for tests and for anyone checking the layout). */
export function placedTexts(model: ChartModel<ChartObservation>): { kind: string; text: string; fontSize: number; box: Box }[] {
  const lines: [string, TextLine | null][] = [
    ...model.title.map((line): [string, TextLine] => ["title", line]),
    ...model.unit.map((line): [string, TextLine] => ["unit", line]),
    ...model.sourceLines.map((line): [string, TextLine] => ["source", line]),
    ["logNote", model.logNote],
    ...model.xTicks.map((tick): [string, TextLine | null] => ["xTick", tick.label]),
    ...model.yTicks.map((tick): [string, TextLine | null] => ["yTick", tick.label]),
    ...model.events.map((event): [string, TextLine | null] => ["event", event.label]),
    ...model.eventClusters.map((cluster): [string, TextLine] => ["eventMore", cluster.label]),
    ["renewals", model.renewals?.label ?? null],
    ...model.seriesLabels.map((label): [string, TextLine] => ["series", label.label]),
    ...model.legend.map((item): [string, TextLine] => [`legend-${item.kind}`, item.label]),
  ];
  return lines.flatMap(([kind, line]) => (line ? [{ kind, text: line.text, fontSize: line.fontSize, box: line.box }] : []));
}
