import { scaleLinear, scaleUtc } from "d3-scale";
import type { ChartState } from "@/lib/charts/chart-state";
import type { PublicEvent } from "@/lib/events/queries";
import { periodEnd } from "@/lib/observations/period";
import type { ChartObservation, ProducerType, PublicObservation } from "@/lib/observations/types";
import { fromIsoDay } from "@/lib/dates";
import { PRODUCER_TYPE_DISPLAY_ORDER } from "@/lib/schemas/enums";

// Everything the indicator chart draws, computed once from the data and the URL state. The server
// renders it as SVG (readable without JavaScript); exports and tests read the same model.

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;
const MARGIN = { top: 40, right: 24, bottom: 36, left: 64 };
const DAY_MS = 86_400_000;

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
};

export type EventModel = { event: PublicEvent; number: number; x1: number; x2: number };

export type ChartModel<O extends ChartObservation = PublicObservation> = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { x: number; year: number }[];
  yTicks: { y: number; value: number }[];
  series: SeriesModel<O>[];
  events: EventModel[];
  empty: boolean;
};

const startMs = (iso: string) => fromIsoDay(iso).getTime();
const endMs = (observation: Pick<PublicObservation, "asOf" | "datePrecision">) => startMs(periodEnd(observation)) + DAY_MS;

export const SERIES_TYPE_ORDER: readonly ProducerType[] = PRODUCER_TYPE_DISPLAY_ORDER;

function overlapsRange(start: number, end: number, state: Pick<ChartState, "from" | "to">): boolean {
  const rangeStart = state.from === null ? -Infinity : Date.UTC(state.from, 0, 1);
  const rangeEnd = state.to === null ? Infinity : Date.UTC(state.to + 1, 0, 1);
  return start < rangeEnd && end > rangeStart;
}

export type ChartSize = { width: number; height: number; margin: typeof MARGIN };
const FULL_SIZE: ChartSize = { width: CHART_WIDTH, height: CHART_HEIGHT, margin: MARGIN };

export function buildChartModel<O extends ChartObservation>(
  observations: O[],
  events: PublicEvent[],
  state: Pick<ChartState, "hidden" | "from" | "to" | "events">,
  size: ChartSize = FULL_SIZE,
): ChartModel<O> {
  const { width, height, margin } = size;
  const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
  // Retracted figures stay in the table but leave the chart.
  const inRange = observations.filter((o) => o.status === "published" && overlapsRange(startMs(o.asOf), endMs(o), state));
  const visible = inRange.filter((o) => !state.hidden.includes(o.producer.type));

  const xStart = Math.min(...visible.map((o) => startMs(o.asOf)));
  const xEnd = Math.max(...visible.map(endMs));
  const x = scaleUtc()
    .domain([new Date(xStart), new Date(xEnd)])
    .range([plot.left, plot.right]);
  const yMax = Math.max(0, ...visible.map((o) => Number(o.valueMax ?? o.value)));
  const y = scaleLinear()
    .domain([0, yMax || 1])
    .nice()
    .range([plot.bottom, plot.top]);

  const byProducer = new Map<string, O[]>();
  for (const observation of visible) {
    const list = byProducer.get(observation.producer.id);
    if (list) list.push(observation);
    else byProducer.set(observation.producer.id, [observation]);
  }
  const series = [...byProducer.values()]
    .map((list): SeriesModel<O> => {
      const points = list
        .map((observation): PointModel<O> => {
          const x1 = x(new Date(startMs(observation.asOf)));
          const x2 = observation.datePrecision === "day" ? x1 : x(new Date(endMs(observation)));
          return {
            observation,
            midpointMs:
              (startMs(observation.asOf) + (observation.datePrecision === "day" ? startMs(observation.asOf) : endMs(observation))) / 2,
            cx: (x1 + x2) / 2,
            cy: y(Number(observation.value)),
            periodX1: x1,
            periodX2: x2,
            rangeTopY: observation.valueMax ? y(Number(observation.valueMax)) : null,
          };
        })
        .sort((a, b) => a.cx - b.cx);
      const first = list[0]!;
      return {
        producerId: first.producer.id,
        producerName: first.producer.name,
        producerType: first.producer.type,
        points,
        path: points.map((point, index) => `${index ? "L" : "M"}${point.cx.toFixed(1)},${point.cy.toFixed(1)}`).join(""),
      };
    })
    .sort(
      (a, b) =>
        SERIES_TYPE_ORDER.indexOf(a.producerType) - SERIES_TYPE_ORDER.indexOf(b.producerType) ||
        a.producerName.localeCompare(b.producerName),
    );

  const eventModels: EventModel[] =
    state.events && visible.length
      ? events
          .filter((event) => {
            const start = startMs(event.startsOn);
            const end = event.endsOn ? startMs(event.endsOn) + DAY_MS : endMs({ asOf: event.startsOn, datePrecision: event.datePrecision });
            return start < xEnd && end > xStart;
          })
          .map((event, index) => {
            const start = startMs(event.startsOn);
            const end = event.endsOn
              ? startMs(event.endsOn) + DAY_MS
              : event.datePrecision === "day"
                ? start
                : endMs({ asOf: event.startsOn, datePrecision: event.datePrecision });
            return { event, number: index + 1, x1: x(new Date(Math.max(start, xStart))), x2: x(new Date(Math.min(end, xEnd))) };
          })
      : [];

  const years = x.ticks(8).map((date) => date.getUTCFullYear());
  const xTicks = [...new Set(years)].map((tickYear) => ({ year: tickYear, x: x(new Date(Date.UTC(tickYear, 0, 1))) }));

  return {
    width,
    height,
    plot,
    xTicks: xTicks.filter((tick) => tick.x >= plot.left - 0.5 && tick.x <= plot.right + 0.5),
    yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
    series,
    events: eventModels,
    empty: visible.length === 0,
  };
}
