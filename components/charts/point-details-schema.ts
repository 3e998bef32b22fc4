import { z } from "zod";
import { SOURCE_CLASSES } from "@/lib/schemas/enums";

// What a chart point's details box shows, in the page's language: the answer of
// /{locale}/indicators/{slug}/point-details for a chart state, read by the box on the first point a
// reader opens (the page does not carry them: they grew with every figure drawn).

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ZPointDetail = z.object({
  figure: z.string(),
  date: z.string(),
  producer: z.string(),
  source: z.object({
    url: z.string(),
    class: z.enum(SOURCE_CLASSES),
    archivedUrl: z.string().nullable(),
    brokenSince: isoDay.nullable(),
  }),
  sourceLabel: z.string(),
  /** The day the source's link broke, formatted for the page (null while the link works). */
  brokenDay: z.string().nullable(),
  hedge: z.string().nullable(),
  /** The figure's own page. */
  detailsHref: z.string().startsWith("/"),
  /**
   * Only for a figure of a dense series, which the page draws as a dot with no element of its own: the
   * series (its producer's id) and which of its dots, in the order they are drawn.
   */
  dot: z.object({ series: z.string(), index: z.number().int().nonnegative() }).optional(),
});

export type PointDetail = z.infer<typeof ZPointDetail>;

/** The answer's `data`: each drawn figure's details by its id. */
export const ZPointDetails = z.record(z.string(), ZPointDetail);
