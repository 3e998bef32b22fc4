import { getDb } from "../db/client";
import type { ProducerType } from "../observations/types";

export type ProducerWithSources = {
  id: string;
  name: string;
  type: ProducerType;
  figureCount: number;
  documents: { url: string; publisher: string | null; publishedAt: string | null; figureCount: number }[];
};

/**
 * Every producer with the documents its published figures were read from, and how many figures each
 * supports. Producers are read only when a published figure names them: imports create thousands of
 * producers with their drafts, and those are neither public nor worth reading.
 */
export async function listProducersWithSources(): Promise<ProducerWithSources[]> {
  // The tally counts published figures per indicator, producer and source (kept by a trigger).
  const counts = await getDb().observationTally.groupBy({
    by: ["producerId", "sourceId"],
    where: { published: { gt: 0 } },
    _sum: { published: true },
  });
  const [producers, sources] = await Promise.all([
    getDb().producer.findMany({
      where: { id: { in: [...new Set(counts.map((row) => row.producerId))] } },
      select: { id: true, name: true, type: true },
      orderBy: [{ type: "asc" }, { name: "asc" }],
    }),
    getDb().source.findMany({
      where: { id: { in: [...new Set(counts.map((row) => row.sourceId))] } },
      select: { id: true, url: true, publisher: true, publishedAt: true },
    }),
  ]);
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const countsByProducer = new Map<string, typeof counts>();
  for (const row of counts) {
    const rows = countsByProducer.get(row.producerId);
    if (rows) rows.push(row);
    else countsByProducer.set(row.producerId, [row]);
  }
  return producers.map((producer) => {
    const documents = (countsByProducer.get(producer.id) ?? [])
      .map((row) => {
        const source = sourceById.get(row.sourceId)!;
        return {
          url: source.url,
          publisher: source.publisher,
          publishedAt: source.publishedAt?.toISOString().slice(0, 10) ?? null,
          figureCount: row._sum.published ?? 0,
        };
      })
      .sort((a, b) => b.figureCount - a.figureCount || a.url.localeCompare(b.url));
    return { ...producer, documents, figureCount: documents.reduce((sum, document) => sum + document.figureCount, 0) };
  });
}
