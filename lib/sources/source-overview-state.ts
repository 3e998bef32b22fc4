import { SOURCE_CLASSES, type SourceClass } from "../schemas/enums";

// What the sources page shows, read from its address: one class or all, one group of that class (a
// producer's sources, or the sources of dated events) or every group, and which page. No database
// access: the page and the response cache's key (lib/public-routes.ts) read it alike.

/** The group of a class's sources that no producer stands behind: the documents dated events cite. */
export const EVENTS_GROUP = "events";

/**
 * How many sources a page lists. A page of the overview takes whole groups (a producer's sources of
 * one class) until it lists this many sources; each group lists at most SOURCES_SHOWN_PER_GROUP, so
 * a page lists fewer than SOURCES_PER_PAGE + SOURCES_SHOWN_PER_GROUP sources however large the
 * groups. A page of one group lists SOURCES_PER_PAGE. Sized so a page of the seeded dataset stays
 * under 100 KB of HTML (README: the sources page).
 */
export const SOURCES_PER_PAGE = 10;
/** Sources shown under each group of the overview; the rest are one link away. */
export const SOURCES_SHOWN_PER_GROUP = 5;

export type SourcesView = {
  sourceClass: SourceClass | null;
  /** A producer's id or EVENTS_GROUP; only with a class. */
  group: string | null;
  page: number;
};

type Params = Record<string, string | string[] | undefined>;

const GROUP_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_PAGE = 100_000;

const single = (value: string | string[] | undefined): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * The view an address asks for. A repeated, unknown or malformed parameter is ignored (the page shows
 * what it would without it), so the cache never keys a page by a parameter the page does not read.
 */
export function parseSourcesView(params: Params): SourcesView {
  const classText = single(params.class);
  const sourceClass = SOURCE_CLASSES.find((value) => value === classText) ?? null;
  const groupText = single(params.group);
  const group = sourceClass && groupText && GROUP_PATTERN.test(groupText) ? groupText : null;
  const pageText = single(params.page);
  const page = pageText && /^[1-9][0-9]{0,5}$/.test(pageText) ? Math.min(Number(pageText), MAX_PAGE) : 1;
  return { sourceClass, group, page };
}

/** The view written out as the page writes its own links: "" for the whole first page. */
export function sourcesViewQuery(view: SourcesView): string {
  const params = new URLSearchParams();
  if (view.sourceClass) params.set("class", view.sourceClass);
  if (view.sourceClass && view.group) params.set("group", view.group);
  if (view.page > 1) params.set("page", String(view.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
