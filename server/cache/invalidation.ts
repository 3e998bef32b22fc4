import { listenToCommits, type DataChange } from "../../lib/db/transaction";
import { tagsForChange } from "./change-tags";
import { EVERYTHING, sharedResponseCache } from "./response-cache";

/** PostgreSQL channel on which every app process hears what changed, whoever changed it. */
export const INVALIDATION_CHANNEL = "contraste_public_data";

const staleTags = (changes: readonly DataChange[]) => [...new Set(changes.flatMap(tagsForChange))];

// PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more, and the refusal would roll back the
// write itself. A batch publish names thousands of figure pages: other processes are then told to
// drop everything, which is coarse but never stale; this process still drops exactly the tags.
const NOTIFY_PAYLOAD_LIMIT_BYTES = 7_900;
export const notifyPayload = (tags: readonly string[]) => {
  const payload = tags.join(" ");
  return Buffer.byteLength(payload) < NOTIFY_PAYLOAD_LIMIT_BYTES ? payload : EVERYTHING;
};

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
      if (tags.length) await tx.$executeRaw`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${notifyPayload(tags)})`;
    },
    afterCommit(changes) {
      const tags = staleTags(changes);
      if (tags.length) sharedResponseCache().invalidate(tags);
    },
  });
}
