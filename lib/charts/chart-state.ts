import { z } from "zod";
import { FIRST_HAND_SOURCE_CLASSES, PRODUCER_TYPES, type ProducerType, type SourceClass } from "../schemas/enums";

// The indicator page's state lives in its URL (?hide=government&from=2019&events=0&view=table&page=2&sources=firsthand) so a
// shared or reloaded link shows the same thing. Parsing is forgiving: an unknown or malformed
// parameter falls back to its default instead of breaking an old link.

export const SORT_KEYS = ["asOf", "value", "producer", "type", "publisher", "publishedAt"] as const;

export type ChartState = {
  hidden: ProducerType[];
  from: number | null;
  to: number | null;
  events: boolean;
  view: "chart" | "table";
  sort: (typeof SORT_KEYS)[number];
  dir: "asc" | "desc";
  /** Page of the figures table (1-based); the chart and the downloads are not paged. */
  page: number;
  /** Y axis scale: "log" suits figures spanning orders of magnitude (homicide rate 138 → 1.3). */
  scale: "linear" | "log";
  /** "firsthand" keeps only figures whose source is the producer's own or an established newsroom's (?sources=firsthand). */
  sources: "all" | "firsthand";
};

export const DEFAULT_CHART_STATE: ChartState = {
  hidden: [],
  from: null,
  to: null,
  events: true,
  view: "chart",
  sort: "asOf",
  dir: "asc",
  page: 1,
  scale: "linear",
  sources: "all",
};

/** The source classes a state keeps, or null when it keeps every class. */
export const keptSourceClasses = (state: Pick<ChartState, "sources">): readonly SourceClass[] | null =>
  state.sources === "firsthand" ? FIRST_HAND_SOURCE_CLASSES : null;

const year = z.coerce.number().int().min(1900).max(2100);
const page = z.coerce.number().int().min(1).max(1_000_000);
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function parseOr<T>(schema: z.ZodType<T>, raw: string | undefined, fallback: T): T {
  if (raw === undefined) return fallback;
  const result = schema.safeParse(raw);
  return result.success ? result.data : fallback;
}

export type SearchParams = Record<string, string | string[] | undefined>;

export function parseChartState(params: SearchParams): ChartState {
  const hidden = (first(params.hide) ?? "")
    .split(",")
    .filter((type): type is ProducerType => (PRODUCER_TYPES as readonly string[]).includes(type));
  let from = parseOr(year.nullable(), first(params.from), null);
  let to = parseOr(year.nullable(), first(params.to), null);
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return {
    hidden: [...new Set(hidden)],
    from,
    to,
    events: first(params.events) !== "0",
    view: first(params.view) === "table" ? "table" : "chart",
    sort: parseOr(z.enum(SORT_KEYS), first(params.sort), DEFAULT_CHART_STATE.sort),
    dir: first(params.dir) === "desc" ? "desc" : "asc",
    page: parseOr(page, first(params.page), DEFAULT_CHART_STATE.page),
    scale: first(params.scale) === "log" ? "log" : "linear",
    sources: first(params.sources) === "firsthand" ? "firsthand" : "all",
  };
}

/** Query string for a state, leaving out defaults so links stay short. */
export function chartStateQuery(state: ChartState): string {
  const params = new URLSearchParams();
  if (state.hidden.length) params.set("hide", [...state.hidden].sort().join(","));
  if (state.from !== null) params.set("from", String(state.from));
  if (state.to !== null) params.set("to", String(state.to));
  if (!state.events) params.set("events", "0");
  if (state.view !== "chart") params.set("view", state.view);
  if (state.sort !== DEFAULT_CHART_STATE.sort) params.set("sort", state.sort);
  if (state.dir !== DEFAULT_CHART_STATE.dir) params.set("dir", state.dir);
  if (state.page !== DEFAULT_CHART_STATE.page) params.set("page", String(state.page));
  if (state.scale !== DEFAULT_CHART_STATE.scale) params.set("scale", state.scale);
  if (state.sources !== DEFAULT_CHART_STATE.sources) params.set("sources", state.sources);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function withChange(state: ChartState, change: Partial<ChartState>): string {
  return chartStateQuery({ ...state, ...change });
}

export function toggleHidden(state: ChartState, type: ProducerType): ProducerType[] {
  return state.hidden.includes(type) ? state.hidden.filter((hidden) => hidden !== type) : [...state.hidden, type];
}
