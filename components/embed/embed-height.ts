import { EMBED_WIDTH } from "@/lib/public-api/oembed";

type Size = { width: number; height: number };

/** Keep in sync with app/globals.css (.indicator-chart-embedded): the phone layout is drawn at most this wide (px). */
export const EMBED_NARROW_MAX_WIDTH = 352;
/** Below this frame width the embed shows the phone layout (app/globals.css, indicator chart sizes). */
const NARROW_UNTIL = 600;
/** The page's padding around the chart (main: 1rem each side). */
const PADDING = 32;
/**
 * Everything under the chart (the explore button, a thinning note and the link back; the producers and
 * the source line are drawn in the chart), at its tallest, at 320 px. Measured in a browser (see the
 * newsroom journey), with room to spare.
 */
const BELOW_CHART = 130;

/**
 * The iframe height that fits the embed at every frame width from 320 px to EMBED_WIDTH (the width the
 * code stops growing at): the phone layout is tallest at its widest, the wide layout at EMBED_WIDTH.
 */
export function embedHeight(sizes: { wide: Size; narrow: Size }): number {
  const narrowWidth = Math.min(NARROW_UNTIL - PADDING, EMBED_NARROW_MAX_WIDTH);
  const narrow = (narrowWidth * sizes.narrow.height) / sizes.narrow.width;
  const wide = ((EMBED_WIDTH - PADDING) * sizes.wide.height) / sizes.wide.width;
  return Math.ceil((Math.max(narrow, wide) + PADDING + BELOW_CHART) / 10) * 10;
}
