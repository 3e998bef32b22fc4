import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { sourcesViewQuery, type SourcesView } from "@/lib/sources/source-overview-state";

/** The sources page's address for a view, written as the response cache keys it. */
export const sourcesHref = (locale: Locale, view: Partial<SourcesView>) =>
  `${getPathname({ href: "/sources", locale })}${sourcesViewQuery({ sourceClass: null, group: null, page: 1, ...view })}`;
