import { z } from "zod";
import { isRealIsoDay } from "../dates";
import { ZPageParam } from "../paging";
import { OBSERVATION_STATUSES, PRODUCER_TYPES, type ObservationStatus, type ProducerType } from "../schemas/enums";
import { isStorableText } from "../schemas/storable-text";

// The editor's figure list keeps its whole state in the address (a GET form), so anyone can craft
// it: every parameter is read on its own, and one that does not parse is ignored (and named on the
// page) rather than failing the whole list. No database import: the page and its form build links
// with these names.

export const FIGURE_FILTER_KEYS = ["q", "indicator", "producer", "type", "status", "from", "to", "batch", "author", "source"] as const;
export type FigureFilterKey = (typeof FIGURE_FILTER_KEYS)[number];

export type FigureFilters = {
  /** Words looked for in the value, producer, source address and publisher, notes and attribution. */
  q?: string;
  /** Indicator slug. */
  indicator?: string;
  /** Producer, source, import batch and author ids. */
  producer?: string;
  source?: string;
  batch?: string;
  author?: string;
  type?: ProducerType;
  /** Without it, every figure except the superseded proposals (kept only as history). */
  status?: ObservationStatus;
  /** The figure's period (asOf), first and last day included, YYYY-MM-DD. */
  from?: string;
  to?: string;
};

// An absent parameter is an empty one; a repeated one counts once.
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value) ?? "";
const text = (max: number) =>
  z.preprocess(
    first,
    z
      .string()
      .trim()
      .max(max)
      .refine(isStorableText)
      .transform((value) => value || undefined),
  );
const id = text(100).pipe(
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
);
const day = text(10).pipe(z.string().refine(isRealIsoDay).optional());

const PARSERS = {
  // A search box gives one line; a line break crafted into the address is a space (the search reads
  // its texts joined by line feeds, lib/observations/figure-list.ts).
  q: text(200).transform((value) => value?.replace(/[\r\n]+/g, " ")),
  indicator: text(100).pipe(
    z
      .string()
      .regex(/^[a-z0-9_-]+$/)
      .optional(),
  ),
  producer: id,
  source: id,
  batch: id,
  author: id,
  type: text(40).pipe(z.enum(PRODUCER_TYPES).optional()),
  status: text(40).pipe(z.enum(OBSERVATION_STATUSES).optional()),
  from: day,
  to: day,
} satisfies Record<FigureFilterKey, z.ZodType>;

export type ParsedFigureQuery = { filters: FigureFilters; page: number; ignored: FigureFilterKey[] };

/** The list's filters and page from `searchParams`; malformed values are left out and listed in `ignored`. */
export function parseFigureQuery(params: Record<string, string | string[] | undefined>): ParsedFigureQuery {
  const filters: Record<string, string> = {};
  const ignored: FigureFilterKey[] = [];
  for (const key of FIGURE_FILTER_KEYS) {
    const parsed = PARSERS[key].safeParse(params[key]);
    if (!parsed.success) ignored.push(key);
    else if (parsed.data !== undefined) filters[key] = parsed.data;
  }
  // A range given backwards is read the way it was meant.
  if (filters.from && filters.to && filters.from > filters.to) [filters.from, filters.to] = [filters.to, filters.from];
  return { filters: filters as FigureFilters, page: ZPageParam.parse(params.page), ignored };
}

/** The query string of a list address (the filters, then the page unless it is the first). */
export function figureQuery(filters: FigureFilters, page = 1): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of FIGURE_FILTER_KEYS) {
    const value = filters[key];
    if (value) query[key] = value;
  }
  if (page > 1) query.page = String(page);
  return query;
}

/** What a reader would type for a number with a decimal comma ("10,4") is looked for as stored ("10.4"). */
export function valueSearchText(q: string): string | null {
  const number = /^-?\d+([.,]\d+)?$/.exec(q.trim());
  return number ? q.trim().replace(",", ".") : null;
}

/** `q` as an ILIKE pattern matching it anywhere, its own % and _ (and the escape) taken literally. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
