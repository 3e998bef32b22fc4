// What the page of an indicator's groups of comparable figures shows, read from its address: which
// sources (every one, or first-hand ones, as the indicator page's ?sources=firsthand) and which page.
// No database access: the page and the response cache's key (lib/public-routes.ts) read it alike.

/** Groups the indicator page lists before linking to the rest: its length then does not grow with the data. */
export const GROUPS_ON_INDICATOR_PAGE = 5;
/** Groups per page of the full list. */
export const GROUPS_PER_PAGE = 25;

export type DisagreementsView = { sources: "all" | "firsthand"; page: number };

type Params = Record<string, string | string[] | undefined>;

// The groups come from at most COMPARED_FIGURES_LIMIT figures: a few hundred at most, a few pages.
const MAX_PAGE = 1_000;

const single = (value: string | string[] | undefined): string | undefined => (typeof value === "string" ? value : undefined);

/** The view an address asks for; a repeated or malformed parameter is ignored (the page shows what it would without it). */
export function parseDisagreementsView(params: Params): DisagreementsView {
  const pageText = single(params.page);
  const page = pageText && /^[1-9][0-9]{0,3}$/.test(pageText) ? Math.min(Number(pageText), MAX_PAGE) : 1;
  return { sources: single(params.sources) === "firsthand" ? "firsthand" : "all", page };
}

/** The view written out as the page writes its own links: "" for the first page of every figure's groups. */
export function disagreementsViewQuery(view: DisagreementsView): string {
  const params = new URLSearchParams();
  if (view.page > 1) params.set("page", String(view.page));
  if (view.sources === "firsthand") params.set("sources", view.sources);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The page of groups a view shows, kept within the pages there are (a page past the end shows the last). */
export function pageOfGroups<Group>(groups: readonly Group[], requested: number) {
  const pageCount = Math.max(1, Math.ceil(groups.length / GROUPS_PER_PAGE));
  const page = Math.min(requested, pageCount);
  const first = (page - 1) * GROUPS_PER_PAGE;
  return { page, pageCount, first: first + 1, groups: groups.slice(first, first + GROUPS_PER_PAGE) };
}
