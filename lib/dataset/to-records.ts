import { createHash } from "node:crypto";
import { splitAttribution } from "./attribution";
import type { Qualifier } from "../schemas/enums";
import type { TCuration, TDataset, TDatasetEvent, TDatasetObservation } from "./schema";

type ProducerType = TDatasetObservation["sourceType"];
type Precision = TDatasetObservation["datePrecision"];

export type SeedProducer = { name: string; type: ProducerType };
export type SeedSource = { url: string; publisher: string | null; publishedAt: string | null; retrievedAt: string };
export type SeedIndicator = {
  slug: string;
  nameEs: string;
  nameEn: string;
  descriptionEs: string;
  descriptionEn: string;
  unit: string;
  unitEs: string;
  theme: TCuration["indicators"][number]["theme"];
  valueKind: TCuration["indicators"][number]["valueKind"];
  sortOrder: number;
};
export type SeedObservation = {
  seedKey: string;
  indicatorSlug: string;
  producer: SeedProducer;
  sourceUrl: string;
  value: string;
  valueMax: string | null;
  qualifier: Qualifier;
  asOf: string;
  datePrecision: Precision;
  attribution: string;
  noteEn: string | null;
  noteEs: string | null;
};
export type SeedFraming = {
  seedKey: string;
  indicatorSlug: string;
  producer: SeedProducer;
  sourceUrl: string;
  summaryEs: string;
  summaryEn: string;
  sortOrder: number;
};
export type SeedEvent = {
  seedKey: string;
  kind: TCuration["events"][number]["kind"];
  startsOn: string;
  datePrecision: Precision;
  dateNoteEs: string | null;
  dateNoteEn: string | null;
  titleEs: string;
  titleEn: string;
  sourceUrl: string;
  /** Slugs of the indicators the event concerns; "all" for every indicator. */
  indicators: "all" | string[];
};
export type SeedRecords = {
  /** The day the file was compiled. */
  compiled: string;
  indicators: SeedIndicator[];
  producers: SeedProducer[];
  sources: SeedSource[];
  observations: SeedObservation[];
  framings: SeedFraming[];
  events: SeedEvent[];
};

const stableKey = (prefix: string, parts: (string | undefined)[]) =>
  `${prefix}:${createHash("sha256")
    .update(parts.map((part) => part ?? "").join("\u0000"))
    .digest("hex")
    .slice(0, 32)}`;

/**
 * A figure's identity across seed runs: what it measures, when, and where it was read. A new source
 * for the same figure is a new key; the source audit links the two (lib/dataset/source-audit.ts).
 */
export const observationSeedKey = (
  record: Pick<TDatasetObservation, "indicator" | "date" | "dateApprox" | "sourceUrl" | "publisher">,
): string => stableKey("obs", [record.indicator, record.date, record.dateApprox, record.sourceUrl, record.publisher]);

export const eventSeedKey = (record: Pick<TDatasetEvent, "date" | "title_en">): string =>
  stableKey("event", [record.date, record.title_en]);

/** First day of the period a dataset date refers to: 2023 → 2023-01-01, month 2023-08 → 2023-08-01. */
export function periodStart(record: Pick<TDatasetEvent, "date" | "dateApprox" | "datePrecision">): string {
  if (record.datePrecision === "day") return record.date;
  if (record.datePrecision === "month") return `${record.dateApprox}-01`;
  return `${record.date}-01-01`;
}

// JSON numbers arrive as doubles; their shortest round-trip form is the literal the file holds.
const exactDecimal = (value: number) => String(value);

const QUALIFIERS = {
  "at least": "at_least",
  "more than": "more_than",
  nearly: "nearly",
  about: "about",
  "up to": "up_to",
} as const;

export function toSeedRecords(dataset: TDataset, curation: TCuration): SeedRecords {
  const retrievedAt = dataset.meta.compiled;
  const producers = new Map<string, SeedProducer>();
  const sources = new Map<string, SeedSource>();
  const addProducer = (producer: SeedProducer) => producers.set(`${producer.type}|${producer.name}`, producer);
  const addSource = (url: string, publisher: string | null, publishedAt: string | null) => {
    const known = sources.get(url);
    if (!known) sources.set(url, { url, publisher, publishedAt, retrievedAt });
    else if (!known.publisher && publisher) sources.set(url, { ...known, publisher, publishedAt: known.publishedAt ?? publishedAt });
  };

  const observations = dataset.observations.map((record): SeedObservation => {
    const { producerName, outlet } = splitAttribution(record.publisher);
    const producer = { name: producerName, type: record.sourceType };
    addProducer(producer);
    addSource(record.sourceUrl, outlet, record.publishedAt);
    return {
      seedKey: observationSeedKey(record),
      indicatorSlug: record.indicator,
      producer,
      sourceUrl: record.sourceUrl,
      value: exactDecimal(record.value),
      valueMax: record.valueMax === undefined ? null : exactDecimal(record.valueMax),
      qualifier: record.qualifier ? QUALIFIERS[record.qualifier] : "exact",
      asOf: periodStart(record),
      datePrecision: record.datePrecision,
      attribution: record.publisher,
      noteEn: record.note || null,
      noteEs: record.note_es || null,
    };
  });

  const order = new Map(curation.indicators.map((entry, index) => [entry.slug, { ...entry, sortOrder: index }]));
  const indicators = dataset.indicators.map((record): SeedIndicator => {
    const classification = order.get(record.slug)!;
    return {
      slug: record.slug,
      nameEs: record.name_es,
      nameEn: record.name_en,
      descriptionEs: record.description_es,
      descriptionEn: record.description_en,
      unit: record.unit,
      unitEs: classification.unitEs,
      theme: classification.theme,
      valueKind: classification.valueKind,
      sortOrder: classification.sortOrder,
    };
  });

  const framings = dataset.indicators.flatMap((indicator) =>
    indicator.framing.map((framing, index): SeedFraming => {
      const producer = { name: framing.actor, type: framing.actorType };
      addProducer(producer);
      addSource(framing.sourceUrl, null, null);
      return {
        seedKey: stableKey("framing", [indicator.slug, framing.actor]),
        indicatorSlug: indicator.slug,
        producer,
        sourceUrl: framing.sourceUrl,
        summaryEs: framing.summary_es,
        summaryEn: framing.summary_en,
        sortOrder: index,
      };
    }),
  );

  const curatedEvents = new Map(curation.events.map((entry) => [`${entry.date}|${entry.title_en}`, entry]));
  const events = dataset.events.map((record): SeedEvent => {
    addSource(record.sourceUrl, null, null);
    const curated = curatedEvents.get(`${record.date}|${record.title_en}`)!;
    return {
      seedKey: eventSeedKey(record),
      kind: curated.kind,
      indicators: curated.indicators,
      startsOn: periodStart(record),
      datePrecision: record.datePrecision,
      dateNoteEs: curated.dateNote_es ?? null,
      dateNoteEn: record.dateNote ?? null,
      titleEs: record.title_es,
      titleEn: record.title_en,
      sourceUrl: record.sourceUrl,
    };
  });

  return {
    compiled: dataset.meta.compiled,
    indicators,
    producers: [...producers.values()],
    sources: [...sources.values()],
    observations,
    framings,
    events,
  };
}
