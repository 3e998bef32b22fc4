import { z } from "zod";

/** What POST /api/editor/review/publish answers. */
export const ZPublishedDrafts = z.object({ published: z.number().int(), corrected: z.number().int() });
export type PublishedDrafts = z.infer<typeof ZPublishedDrafts>;

/** The queue's address after a publish: its filters, and the counts its message names. */
export const afterPublish = (query: Record<string, string>, result: PublishedDrafts) => ({
  pathname: "/editor/review",
  query: { ...query, done: "published", published: String(result.published), corrected: String(result.corrected) },
});
