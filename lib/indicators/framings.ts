import { getDb } from "../db/client";
import type { ProducerType } from "../observations/types";

export type PublicFraming = {
  id: string;
  producer: { name: string; type: ProducerType };
  summaryEs: string;
  summaryEn: string;
  source: { url: string; publisher: string | null };
};

export function listFramings(indicatorId: string): Promise<PublicFraming[]> {
  return getDb().framing.findMany({
    where: { indicatorId },
    select: {
      id: true,
      summaryEs: true,
      summaryEn: true,
      producer: { select: { name: true, type: true } },
      source: { select: { url: true, publisher: true } },
    },
    orderBy: { sortOrder: "asc" },
  });
}
