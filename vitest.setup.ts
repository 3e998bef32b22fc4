// What instrumentation.ts does when the server starts: a route handler called by a test drops the
// responses its write made stale, and tells other processes, as it does in the app.
import { invalidateCacheOnCommit } from "./server/cache/invalidation";

invalidateCacheOnCommit();
