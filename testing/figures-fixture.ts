import type { Database } from "../lib/db/client";
import { fromIsoDay } from "../lib/dates";

// A small but awkward dataset for the bounded read paths: several producers of each side, names
// that sort differently by bytes and by locale, day/month/year figures (one starting on the 31st),
// ranges, hedges, drafts and retractions, ties on a date, and one dense series. Figures are created
// one second apart, so "created first" is never a tie.

export type FigureSpec = {
  indicator: string;
  producer: string;
  value: string;
  asOf: string;
  datePrecision?: "day" | "month" | "year";
  valueMax?: string;
  qualifier?: "exact" | "at_least" | "about" | "up_to";
  status?: "draft" | "published" | "retracted";
  source?: string;
};

export const FIXTURE_PRODUCERS = [
  { name: "Ministerio de Seguridad", type: "government" },
  { name: "Policía Nacional Civil", type: "government" },
  { name: "Cristosal", type: "ngo" },
  { name: "Ñandú Observatorio", type: "academic" },
  { name: "el faro", type: "media" },
  { name: "Amnesty International", type: "ngo" },
] as const;

/** Deterministic pseudo-random numbers, so a failing case can be replayed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function createFixtureIndicator(db: Database, slug: string, sortOrder = 0) {
  return db.indicator.create({
    data: {
      slug,
      nameEn: slug,
      nameEs: slug,
      descriptionEn: "Test",
      descriptionEs: "Prueba",
      unit: "people",
      theme: "prisons_custody",
      valueKind: "point_in_time_count",
      sortOrder,
    },
  });
}

/** Writes the figures in order, one second apart; producers and sources are created on first use. */
export async function addFigures(db: Database, figures: FigureSpec[], start = Date.UTC(2026, 0, 1)) {
  const indicators = new Map((await db.indicator.findMany({ select: { id: true, slug: true } })).map((row) => [row.slug, row.id]));
  const producers = new Map<string, string>();
  for (const spec of FIXTURE_PRODUCERS) {
    const row = await db.producer.upsert({ where: { name_type: { name: spec.name, type: spec.type } }, create: spec, update: {} });
    producers.set(spec.name, row.id);
  }
  const sources = new Map((await db.source.findMany({ select: { id: true, url: true } })).map((row) => [row.url, row.id]));
  const sourceId = async (url: string, index: number) => {
    const known = sources.get(url);
    if (known) return known;
    const row = await db.source.create({
      data: {
        url,
        publisher: index % 3 === 0 ? null : index % 3 === 1 ? "Diario El Mundo" : "agencia EFE",
        publishedAt: index % 2 ? new Date(Date.UTC(2024, index % 12, 1)) : null,
      },
    });
    sources.set(url, row.id);
    return row.id;
  };
  const offset = await db.observation.count();
  const rows = [];
  for (const [index, figure] of figures.entries()) {
    rows.push({
      indicatorId: indicators.get(figure.indicator)!,
      producerId: producers.get(figure.producer)!,
      sourceId: await sourceId(figure.source ?? `https://example.org/${figure.producer.length}/${index % 7}`, index),
      value: figure.value,
      valueMax: figure.valueMax ?? null,
      qualifier: figure.qualifier ?? "exact",
      asOf: fromIsoDay(figure.asOf),
      datePrecision: figure.datePrecision ?? "day",
      attribution: figure.producer,
      status: figure.status ?? "published",
      retractedAt: figure.status === "retracted" ? new Date(start) : null,
      retractionReason: figure.status === "retracted" ? "withdrawn by the source" : null,
      createdAt: new Date(start + (offset + index) * 1000),
    });
  }
  await db.observation.createMany({ data: rows });
}

const day = (from: string, plus: number) => new Date(fromIsoDay(from).getTime() + plus * 86_400_000).toISOString().slice(0, 10);

/** The mixed dataset: every kind of figure, on `slug`. */
export function mixedFigures(slug: string): FigureSpec[] {
  const f = (producer: string, value: string, asOf: string, extra: Partial<FigureSpec> = {}): FigureSpec => ({
    indicator: slug,
    producer,
    value,
    asOf,
    ...extra,
  });
  return [
    f("Ministerio de Seguridad", "2.4", "2025-03-16"),
    f("Ministerio de Seguridad", "1.3", "2025-01-01", { datePrecision: "year" }),
    f("Policía Nacional Civil", "1.9", "2025-12-01", { datePrecision: "month" }),
    f("Policía Nacional Civil", "7.8", "2022-01-01", { datePrecision: "year" }),
    f("Ministerio de Seguridad", "7.8", "2022-01-01", { datePrecision: "year", qualifier: "about" }),
    f("Cristosal", "4.5", "2023-01-01", { datePrecision: "year" }),
    f("Cristosal", "12.5", "2022-01-01", { datePrecision: "year" }),
    f("Cristosal", "10", "2022-01-01", { datePrecision: "year", valueMax: "14" }),
    f("Ñandú Observatorio", "11.2", "2022-01-01", { datePrecision: "year", qualifier: "at_least" }),
    f("Ñandú Observatorio", "3.1", "2025-12-31"),
    f("el faro", "9.9", "2025-06-01", { datePrecision: "month", status: "draft" }),
    f("el faro", "8.8", "2025-07-01", { datePrecision: "month", status: "retracted" }),
    f("el faro", "6", "2024-01-31", { datePrecision: "month" }),
    f("Amnesty International", "5", "2025-03-16"),
    f("Amnesty International", "2.4", "2025-03-16", { source: "https://example.org/shared" }),
    f("Ministerio de Seguridad", "2.5", "2025-03-16", { source: "https://example.org/shared" }),
    f("Cristosal", "0", "2019-05-05", { qualifier: "up_to" }),
  ];
}

/** A dense series per producer: daily figures with a trend, noise, spikes and hedges. */
export function denseFigures(slug: string, perProducer: number, producers: string[], seed = 7): FigureSpec[] {
  const random = seededRandom(seed);
  const figures: FigureSpec[] = [];
  for (const [p, producer] of producers.entries()) {
    for (let i = 0; i < perProducer; i++) {
      const spike = random() < 0.01 ? 400 * (random() < 0.5 ? -1 : 1) : 0;
      const value = (1000 + p * 50 + i * 0.1 + 80 * Math.sin(i / 30) + random() * 20 + spike).toFixed(2);
      figures.push({
        indicator: slug,
        producer,
        value,
        asOf: day("2019-01-01", i + (p % 2)),
        qualifier: random() < 0.03 ? "about" : "exact",
        valueMax: random() < 0.005 ? (Number(value) + 700).toFixed(2) : undefined,
        status: random() < 0.01 ? "retracted" : "published",
      });
    }
  }
  return figures;
}
