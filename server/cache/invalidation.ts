import { listenToCommits, type DataChange } from "../../lib/db/transaction";
import { tagsForChange } from "./change-tags";
import { sharedResponseCache } from "./response-cache";

/** PostgreSQL channel on which every app process hears what changed, whoever changed it. */
export const INVALIDATION_CHANNEL = "contraste_public_data";

const staleTags = (changes: readonly DataChange[]) => [...new Set(changes.flatMap(tagsForChange))];

/**
 * Subscribes the response cache to every committed change (instrumentation.ts when the server
 * starts; scripts that write, and the tests, call it too).
 *
 * Other processes (other app instances, or the app when a script wrote) hear of a change through a
 * NOTIFY sent inside the writing transaction: PostgreSQL delivers it when, and only if, that
 * transaction commits. Sent after the commit instead, a crash between the two would leave every
 * other process serving the old pages until their next restart; inside, the change and the news of
 * it commit together or not at all. This process drops its own entries right after the commit,
 * before the writer answers, so its next read shows the change.
 */
export function invalidateCacheOnCommit(): void {
  listenToCommits("response cache", {
    async beforeCommit(tx, changes) {
      const tags = staleTags(changes);
      if (tags.length) await tx.$executeRaw`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${tags.join(" ")})`;
    },
    afterCommit(changes) {
      const tags = staleTags(changes);
      if (tags.length) sharedResponseCache().invalidate(tags);
    },
  });
}
