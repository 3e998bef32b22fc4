import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { sourcesViewQuery, type SourcesView } from "@/lib/sources/source-overview-state";

/** The sources page's address for a view, written as the response cache keys it; a view of the list opens on the list. */
export const sourcesHref = (locale: Locale, view: Partial<SourcesView>) =>
  `${getPathname({ href: "/sources", locale })}${sourcesViewQuery({ sourceClass: null, group: null, page: 1, ...view })}#${SOURCE_LIST_ID}`;

/** Where the list starts, below the totals: the class links, the pager and a group's link land there. */
export const SOURCE_LIST_ID = "source-list";
