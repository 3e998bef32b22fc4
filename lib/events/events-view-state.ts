import { INDICATOR_SLUG_PATTERN } from "../schemas/enums";

// What the events page shows, read from its address: every event or one indicator's, and which page.
// No database access: the page and the response cache's key (lib/public-routes.ts) read it alike, so
// the cache never keys a page by a parameter the page does not read.

/** Events per page of the timeline: a screenful or two on a phone, and a page well under 100 KB. */
export const EVENTS_PER_PAGE = 20;

export type EventsView = {
  /** An indicator's slug; the page shows every event when the slug names no indicator. */
  indicator: string | null;
  page: number;
};

type Params = Record<string, string | string[] | undefined>;

const MAX_PAGE = 100_000;

const single = (value: string | string[] | undefined): string | undefined => (typeof value === "string" ? value : undefined);

/** The view an address asks for; a repeated or malformed parameter is ignored (the page shows what it would without it). */
export function parseEventsView(params: Params): EventsView {
  const indicatorText = single(params.indicator);
  const indicator = indicatorText && indicatorText.length <= 100 && INDICATOR_SLUG_PATTERN.test(indicatorText) ? indicatorText : null;
  const pageText = single(params.page);
  const page = pageText && /^[1-9][0-9]{0,5}$/.test(pageText) ? Math.min(Number(pageText), MAX_PAGE) : 1;
  return { indicator, page };
}

/** The view written out as the page writes its own links: "" for the first page of every event. */
export function eventsViewQuery(view: EventsView): string {
  const params = new URLSearchParams();
  if (view.indicator) params.set("indicator", view.indicator);
  if (view.page > 1) params.set("page", String(view.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
