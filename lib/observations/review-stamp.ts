/**
 * What a reviewer saw of an import batch: how many of its drafts were waiting, and when the latest
 * of them last changed. Publishing the batch names it, so an edit, a send-back or a discard since
 * (each changes one of the two) refuses the publish instead of publishing what was not seen.
 */
export function batchStamp(waiting: number, latestChange: Date | null): string {
  return `${waiting}-${latestChange?.getTime() ?? 0}`;
}
