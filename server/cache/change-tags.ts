import type { DataChange } from "../../lib/db/transaction";
import { EVERYTHING } from "./response-cache";
import { figureTag, indicatorTag } from "../../lib/public-routes";

const indicatorOf = (snapshot: unknown): string | undefined =>
  snapshot && typeof snapshot === "object" && "indicator" in snapshot && typeof snapshot.indicator === "string"
    ? snapshot.indicator
    : undefined;

const idOf = (snapshot: unknown): string | undefined =>
  snapshot && typeof snapshot === "object" && "id" in snapshot && typeof snapshot.id === "string" ? snapshot.id : undefined;

const known = (value: string | undefined): value is string => Boolean(value);

/**
 * What a change makes stale. A published, corrected or retracted figure shows on its indicator's
 * page, embed and API (before and after: a correction can move it), the overview's digest, the
 * sources page, the change log and its own page (and no other figure's). Drafts show nowhere public. Names, units, sources, framings and
 * events show on many pages, and change rarely: they clear everything.
 */
export function tagsForChange(change: DataChange): string[] {
  // A restored backup replaces every table.
  if ("everything" in change) return [EVERYTHING];
  switch (change.entityType) {
    case "observation": {
      if (!change.isPublic) return [];
      const slugs = new Set([indicatorOf(change.before), indicatorOf(change.after)].filter(known));
      const ids = new Set([idOf(change.before), idOf(change.after)].filter(known));
      return [...[...slugs].map(indicatorTag), "overview", "sources", "changes", ...[...ids].map(figureTag)];
    }
    case "source":
    case "producer":
    case "framing":
    case "event":
    case "indicator":
      return [EVERYTHING];
    default:
      return [];
  }
}
