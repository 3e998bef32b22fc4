import { chartStateQuery, parseChartState, type SearchParams } from "./charts/chart-state";
import { LOCALES } from "./i18n/routing";
import { eventsViewQuery, parseEventsView } from "./events/events-view-state";
import { parseSourcesView, sourcesViewQuery } from "./sources/source-overview-state";
import { disagreementsViewQuery, parseDisagreementsView } from "./observations/disagreements-view";

// The site's public addresses: which data each shows, as tags, what kind of response it gives, and which
// query parameters it reads. The response cache (server/cache) keeps only these, keyed and dropped by
// them; proxy.ts marks them public; a page's own links (the language switch) carry the same query. A
// path not listed here is never cached (editor pages, write endpoints, health checks).
const locale = `(?:${LOCALES.join("|")})`;
const slug = "([A-Za-z0-9_-]+)";

/** What a whole response of the route looks like (server/cache/storable.ts checks it before keeping one). */
export type RouteKind = "page" | "feed" | "api";

/**
 * The query string a route's response depends on, in one spelling, or "" when it reads none:
 * - a chart (indicator page, embed) reads its state (lib/charts/chart-state.ts), so the key is that state written
 *   out the way the page writes its own links; any other parameter, or a malformed value, changes nothing;
 * - the events page reads the indicator it is filtered to and its page (?indicator=slug&page=2);
 * - the sources page reads the class, group and page it shows (lib/sources/source-overview-state.ts);
 * - an indicator's page of comparable figures reads its page and source filter (lib/observations/disagreements-view.ts);
 * - the public API answers an unknown parameter with a 400 (lib/public-api/query.ts), so every parameter
 *   counts; the last of repeated ones wins there, and here.
 */
type Query = (params: URLSearchParams) => string;
const NONE: Query = () => "";
const CHART: Query = (params) => chartStateQuery(parseChartState(searchParamsRecord(params)));
const EVERY: Query = (params) => {
  const last = new Map<string, string>();
  for (const [name, value] of params) last.set(name, value);
  const sorted = new URLSearchParams([...last].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const query = sorted.toString();
  return query ? `?${query}` : "";
};

// The events page reads the indicator it is filtered to and its page (lib/events/events-view-state.ts);
// it ignores a repeated parameter or one that cannot be a slug, and so does the key.
const EVENTS: Query = (params) => eventsViewQuery(parseEventsView(searchParamsRecord(params)));

const SOURCES: Query = (params) => sourcesViewQuery(parseSourcesView(searchParamsRecord(params)));

const DISAGREEMENTS: Query = (params) => disagreementsViewQuery(parseDisagreementsView(searchParamsRecord(params)));

type Route = { pattern: RegExp; tags: (match: RegExpMatchArray) => string[]; kind: RouteKind; query: Query };

const ROUTES: Route[] = [
  { pattern: new RegExp(`^/${locale}$`), tags: () => ["overview"], kind: "page", query: NONE },
  // The chart draws events too.
  {
    pattern: new RegExp(`^/${locale}/(?:indicators|embed)/${slug}$`),
    tags: (m) => [indicatorTag(m[1] ?? ""), "events"],
    kind: "page",
    query: CHART,
  },
  // Every group of an indicator's comparable figures: its figures, their sources and producers.
  {
    pattern: new RegExp(`^/${locale}/indicators/${slug}/disagreements$`),
    tags: (m) => [indicatorTag(m[1] ?? "")],
    kind: "page",
    query: DISAGREEMENTS,
  },
  // What the chart's details box says of each figure the chart draws (JSON, read on the first point opened).
  {
    pattern: new RegExp(`^/${locale}/indicators/${slug}/point-details$`),
    tags: (m) => [indicatorTag(m[1] ?? "")],
    kind: "api",
    query: CHART,
  },
  { pattern: new RegExp(`^/${locale}/events$`), tags: () => ["events"], kind: "page", query: EVENTS },
  { pattern: new RegExp(`^/${locale}/sources$`), tags: () => ["sources"], kind: "page", query: SOURCES },
  { pattern: new RegExp(`^/${locale}/changes$`), tags: () => ["changes"], kind: "page", query: NONE },
  // A figure's page shows that figure and its own history: a public change of the figure (published, corrected,
  // retracted) is tagged with its id (server/cache/change-tags.ts), and edits of its source, producer or indicator
  // clear everything. It reads no parameter: the report form's outcome has a page of its own, never cached (/figures/{id}/report).
  { pattern: new RegExp(`^/${locale}/figures/([A-Za-z0-9_-]{1,64})$`), tags: (m) => [figureTag(m[1] ?? "")], kind: "page", query: NONE },
  { pattern: new RegExp(`^/${locale}/changes/feed\\.xml$`), tags: () => ["changes"], kind: "feed", query: NONE },
  { pattern: new RegExp(`^/${locale}/api-docs$`), tags: () => [], kind: "page", query: NONE },
  { pattern: /^\/api\/v1\/indicators$/, tags: () => ["overview"], kind: "api", query: EVERY },
  {
    pattern: new RegExp(`^/api/v1/indicators/${slug}(?:/observations|/chart-series)?$`),
    tags: (m) => [indicatorTag(m[1] ?? "")],
    kind: "api",
    query: EVERY,
  },
  { pattern: /^\/api\/v1\/events$/, tags: () => ["events"], kind: "api", query: EVERY },
  { pattern: /^\/api\/v1\/sources$/, tags: () => ["sources"], kind: "api", query: EVERY },
  { pattern: /^\/api\/v1\/changes$/, tags: () => ["changes"], kind: "api", query: EVERY },
  { pattern: /^\/api\/v1\/openapi\.json$/, tags: () => [], kind: "api", query: EVERY },
  { pattern: /^\/api\/oembed$/, tags: () => [], kind: "api", query: EVERY },
];

export const indicatorTag = (slug: string) => `indicator:${slug}`;
export const figureTag = (id: string) => `figure:${id}`;

/** Next.js hands a page its query as a record, a repeated parameter as a list. */
function searchParamsRecord(params: URLSearchParams): SearchParams {
  const record: SearchParams = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    record[name] = values.length === 1 ? values[0] : values;
  }
  return record;
}

export type PublicRoute = { tags: string[]; kind: RouteKind; query: string };

/** A cacheable path's tags, kind and canonical query (for the given parameters), or null when it must always be rendered afresh. */
export function publicRoute(pathname: string, params: URLSearchParams = new URLSearchParams()): PublicRoute | null {
  for (const route of ROUTES) {
    const match = pathname.match(route.pattern);
    if (match) return { tags: route.tags(match), kind: route.kind, query: route.query(params) };
  }
  return null;
}

/** The tags of a cacheable path, or null when the path must always be rendered afresh. */
export function tagsForPath(pathname: string): string[] | null {
  return publicRoute(pathname)?.tags ?? null;
}

/**
 * The query string a page's own links should carry to show the same thing: what the cache keys it by
 * for a public page (so a page never writes out a parameter its cached copy would not), else the query as it came.
 */
export function canonicalPageQuery(pathname: string, params: URLSearchParams): string {
  const route = publicRoute(pathname, params);
  if (route?.kind === "page") return route.query;
  const query = params.toString();
  return query ? `?${query}` : "";
}
