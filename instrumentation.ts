// Next.js calls register() once when the server starts, whichever way it runs (npm start's web
// server, next start, next dev), before any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { invalidateCacheOnCommit } = await import("./server/cache/invalidation");
  invalidateCacheOnCommit();
}
