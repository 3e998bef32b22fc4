import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDay, isoDayOrNull } from "../dates";
import { exactNumber } from "../public-api/json";
import type { LinkState, ObservationStatus, SourceClass } from "../schemas/enums";
import type { ObservationSnapshot } from "./snapshot";
import type { ChartObservation, DatePrecision, ProducerType, PublicObservation, Qualifier } from "./types";

// Every shape a figure leaves the database in (public, API, editor, change snapshot) is built here,
// from one select of the columns they share and one function that turns those columns into what
// was said, by whom and from where. A new column of a figure is added to FIGURE_SELECT,
// PUBLIC_OBSERVATION_COLUMNS and figureFacts, and reaches every shape. No database import: the
// queries that use these selects live beside this module.

const FIGURE_LINKS = {
  producer: { select: { name: true, type: true } },
  source: {
    select: {
      url: true,
      publisher: true,
      publishedAt: true,
      retrievedAt: true,
      sourceClass: true,
      archivedUrl: true,
      linkState: true,
      linkBrokenSince: true,
    },
  },
} satisfies Prisma.ObservationInclude;

/** The columns every shape of a figure reads. */
const FIGURE_SELECT = {
  id: true,
  status: true,
  value: true,
  valueMax: true,
  qualifier: true,
  asOf: true,
  datePrecision: true,
  ...FIGURE_LINKS,
  attribution: true,
  noteEn: true,
  noteEs: true,
} satisfies Prisma.ObservationSelect;

type FigureRow = Prisma.ObservationGetPayload<{ select: typeof FIGURE_SELECT }>;

/** What was said, by whom, from where: the part of a figure every shape gives the same way. */
export function figureFacts(row: Omit<FigureRow, "id" | "status">) {
  return {
    /** Exact decimal as stored, e.g. "10.4"; never rounded. */
    value: row.value.toString(),
    valueMax: row.valueMax?.toString() ?? null,
    qualifier: row.qualifier,
    /** First day of the period the figure refers to (YYYY-MM-DD). */
    asOf: isoDay(row.asOf),
    datePrecision: row.datePrecision,
    producer: { name: row.producer.name, type: row.producer.type },
    source: {
      url: row.source.url,
      publisher: row.source.publisher,
      publishedAt: isoDayOrNull(row.source.publishedAt),
      retrievedAt: isoDayOrNull(row.source.retrievedAt),
      class: row.source.sourceClass,
      archivedUrl: row.source.archivedUrl,
      /** Day the link checker first found the page gone, while it stays gone; null otherwise. */
      brokenSince: row.source.linkState === "broken" ? isoDayOrNull(row.source.linkBrokenSince) : null,
    },
    attribution: row.attribution,
    noteEn: row.noteEn,
    noteEs: row.noteEs,
  };
}
export type FigureFacts = ReturnType<typeof figureFacts>;

// --- Change snapshot: what the change log records and the editor's routes answer ---------------

/** Mutations read whole rows (they check versions and writers): this is what they include for a snapshot. */
export const SNAPSHOT_INCLUDE = { indicator: { select: { slug: true } }, ...FIGURE_LINKS } satisfies Prisma.ObservationInclude;
export type SnapshotRow = Prisma.ObservationGetPayload<{ include: typeof SNAPSHOT_INCLUDE }>;
type SnapshotSource = Pick<SnapshotRow, "id" | "status" | "version" | "indicator"> & Omit<FigureRow, "id" | "status">;

/** The figure as the change log records it, whichever path wrote it (form, API or CSV import). */
export function toObservationSnapshot(row: SnapshotSource): ObservationSnapshot {
  const facts = figureFacts(row);
  // The link's health is the checker's finding about an address, not something anyone changed in the figure.
  const { url, publisher, publishedAt, retrievedAt, class: sourceClass } = facts.source;
  const source = { url, publisher, publishedAt, retrievedAt, class: sourceClass };
  return { id: row.id, indicator: row.indicator.slug, ...facts, source, status: row.status, version: row.version };
}

// --- Editor: a figure with its state, as the editor pages show it -----------------------------

export const EDITOR_FIGURE_SELECT = {
  ...FIGURE_SELECT,
  version: true,
  indicator: { select: { slug: true, nameEn: true, nameEs: true } },
} satisfies Prisma.ObservationSelect;

export type EditorFigure = {
  id: string;
  version: number;
  status: ObservationStatus;
  indicator: { slug: string; nameEn: string; nameEs: string };
} & FigureFacts;

export function toEditorFigure(row: Prisma.ObservationGetPayload<{ select: typeof EDITOR_FIGURE_SELECT }>): EditorFigure {
  return { id: row.id, version: row.version, status: row.status, indicator: row.indicator, ...figureFacts(row) };
}

/** A line of an editor list: the figure's number and period, without its source. */
export const FIGURE_SUMMARY_SELECT = {
  id: true,
  indicator: { select: { slug: true, nameEn: true, nameEs: true } },
  value: true,
  valueMax: true,
  qualifier: true,
  asOf: true,
  datePrecision: true,
  producer: { select: { name: true } },
  updatedAt: true,
} satisfies Prisma.ObservationSelect;

export type FigureSummary = Pick<EditorFigure, "id" | "indicator" | "value" | "valueMax" | "qualifier" | "asOf" | "datePrecision"> & {
  producerName: string;
  updatedAt: string;
};

export function toFigureSummary(row: Prisma.ObservationGetPayload<{ select: typeof FIGURE_SUMMARY_SELECT }>): FigureSummary {
  return {
    id: row.id,
    indicator: row.indicator,
    value: row.value.toString(),
    valueMax: row.valueMax?.toString() ?? null,
    qualifier: row.qualifier,
    asOf: isoDay(row.asOf),
    datePrecision: row.datePrecision,
    producerName: row.producer.name,
    updatedAt: row.updatedAt.toISOString(),
  };
}

// --- API: a figure as /api/v1 answers it ------------------------------------------------------

export const API_OBSERVATION_SELECT = {
  ...FIGURE_SELECT,
  version: true,
  updatedAt: true,
  retractionReason: true,
} satisfies Prisma.ObservationSelect;

export type ApiObservationRow = Prisma.ObservationGetPayload<{ select: typeof API_OBSERVATION_SELECT }>;

export function toApiObservation(slug: string, row: ApiObservationRow) {
  const { value, valueMax, noteEn, noteEs, ...facts } = figureFacts(row);
  return {
    id: row.id,
    indicator: slug,
    // Written into the JSON as number literals, digit for digit (./json.ts in lib/public-api).
    value: exactNumber(value),
    valueMax: valueMax === null ? null : exactNumber(valueMax),
    ...facts,
    note: { en: noteEn, es: noteEs },
    status: row.status,
    retractionReason: row.status === "retracted" ? row.retractionReason : null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ApiObservation = ReturnType<typeof toApiObservation>;

// --- Public: a figure as pages read it, picked in SQL ----------------------------------------
// Queries that pick figures in SQL (overview, chart, table pages) read them with these columns and
// joins. `o` is the Observation row.

export const PUBLIC_OBSERVATION_COLUMNS = `o.id, i.slug AS "indicatorSlug", o.value, o."valueMax", o.qualifier::text AS qualifier,
  o."asOf", o."datePrecision"::text AS "datePrecision", o.attribution, o."noteEn", o."noteEs", o.status::text AS status,
  o."retractedAt", o."retractionReason", p.id AS "producerId", p.name AS "producerName", p.type::text AS "producerType",
  s.url AS "sourceUrl", s.publisher AS "sourcePublisher", s."publishedAt" AS "sourcePublishedAt",
  s."retrievedAt" AS "sourceRetrievedAt", s."sourceClass"::text AS "sourceClass", s."archivedUrl" AS "sourceArchivedUrl",
  s."linkState"::text AS "sourceLinkState", s."linkBrokenSince" AS "sourceLinkBrokenSince"`;

export const PUBLIC_OBSERVATION_JOINS = `JOIN "Indicator" i ON i.id = o."indicatorId"
  JOIN "Producer" p ON p.id = o."producerId"
  JOIN "Source" s ON s.id = o."sourceId"`;

export type PublicObservationRow = {
  id: string;
  indicatorSlug: string;
  value: Prisma.Decimal;
  valueMax: Prisma.Decimal | null;
  qualifier: Qualifier;
  asOf: Date;
  datePrecision: DatePrecision;
  attribution: string;
  noteEn: string | null;
  noteEs: string | null;
  status: string;
  retractedAt: Date | null;
  retractionReason: string | null;
  producerId: string;
  producerName: string;
  producerType: ProducerType;
  sourceUrl: string;
  sourcePublisher: string | null;
  sourcePublishedAt: Date | null;
  sourceRetrievedAt: Date | null;
  sourceClass: SourceClass;
  sourceArchivedUrl: string | null;
  sourceLinkState: LinkState | null;
  sourceLinkBrokenSince: Date | null;
};

/** A row read with PUBLIC_OBSERVATION_COLUMNS, with its producer and source nested as Prisma reads them. */
const nestLinks = <Row extends PublicObservationRow>(row: Row) => ({
  ...row,
  producer: { name: row.producerName, type: row.producerType },
  source: {
    url: row.sourceUrl,
    publisher: row.sourcePublisher,
    publishedAt: row.sourcePublishedAt,
    retrievedAt: row.sourceRetrievedAt,
    sourceClass: row.sourceClass,
    archivedUrl: row.sourceArchivedUrl,
    linkState: row.sourceLinkState,
    linkBrokenSince: row.sourceLinkBrokenSince,
  },
});

/** A published or retracted figure with its provenance, from a row read with PUBLIC_OBSERVATION_COLUMNS. */
export function fromPublicObservationRow(row: PublicObservationRow): PublicObservation {
  const retracted = row.status === "retracted";
  const facts = figureFacts(nestLinks(row));
  return {
    id: row.id,
    indicatorSlug: row.indicatorSlug,
    ...facts,
    producer: { id: row.producerId, ...facts.producer },
    status: retracted ? "retracted" : "published",
    retraction: retracted ? { reason: row.retractionReason, at: row.retractedAt?.toISOString() ?? null } : null,
  };
}

/** What an insert in SQL reads back of its figures to record their snapshots (the CSV import). */
export const SNAPSHOT_COLUMNS = `${PUBLIC_OBSERVATION_COLUMNS}, o.version`;
export type SnapshotColumnsRow = PublicObservationRow & { version: number };

export const snapshotFromColumns = (row: SnapshotColumnsRow): ObservationSnapshot =>
  toObservationSnapshot({ ...nestLinks(row), indicator: { slug: row.indicatorSlug }, status: row.status as ObservationStatus });

/** The columns a sparkline point is read with (a subset of PUBLIC_OBSERVATION_COLUMNS). */
export const CHART_OBSERVATION_COLUMNS = `o.id, o.value, o."valueMax", o."asOf", o."datePrecision"::text AS "datePrecision",
  p.id AS "producerId", p.name AS "producerName", p.type::text AS "producerType"`;

export type ChartObservationRow = Pick<
  PublicObservationRow,
  "id" | "value" | "valueMax" | "asOf" | "datePrecision" | "producerId" | "producerName" | "producerType"
>;

/** A published figure as a sparkline draws it. */
export function fromChartObservationRow(row: ChartObservationRow): ChartObservation {
  return {
    id: row.id,
    value: row.value.toString(),
    valueMax: row.valueMax?.toString() ?? null,
    asOf: isoDay(row.asOf),
    datePrecision: row.datePrecision,
    producer: { id: row.producerId, name: row.producerName, type: row.producerType },
    status: "published",
  };
}
