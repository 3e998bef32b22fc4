import { getDb } from "./db/client";
import type { ProducerType } from "./observation-types";

export type ProducerWithSources = {
  id: string;
  name: string;
  type: ProducerType;
  figureCount: number;
  documents: { url: string; publisher: string | null; publishedAt: string | null; figureCount: number }[];
};

/** Every producer with the documents its published figures were read from, and how many figures each supports. */
export async function listProducersWithSources(): Promise<ProducerWithSources[]> {
  const [producers, counts] = await Promise.all([
    getDb().producer.findMany({ select: { id: true, name: true, type: true }, orderBy: [{ type: "asc" }, { name: "asc" }] }),
    // The tally counts published figures per indicator, producer and source (kept by a trigger).
    getDb().observationTally.groupBy({ by: ["producerId", "sourceId"], where: { published: { gt: 0 } }, _sum: { published: true } }),
  ]);
  const sourceIds = [...new Set(counts.map((row) => row.sourceId))];
  const sources = new Map(
    (
      await getDb().source.findMany({
        where: { id: { in: sourceIds } },
        select: { id: true, url: true, publisher: true, publishedAt: true },
      })
    ).map((source) => [source.id, source]),
  );
  return producers
    .map((producer) => {
      const documents = counts
        .filter((row) => row.producerId === producer.id)
        .map((row) => {
          const source = sources.get(row.sourceId)!;
          return {
            url: source.url,
            publisher: source.publisher,
            publishedAt: source.publishedAt?.toISOString().slice(0, 10) ?? null,
            figureCount: row._sum.published ?? 0,
          };
        })
        .sort((a, b) => b.figureCount - a.figureCount || a.url.localeCompare(b.url));
      return { ...producer, documents, figureCount: documents.reduce((sum, document) => sum + document.figureCount, 0) };
    })
    .filter((producer) => producer.documents.length > 0);
}
