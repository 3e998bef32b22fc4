import { redirect as nextRedirect } from "next/navigation";
import type { Locale } from "./routing";

type QueryValue = string | number | boolean;

/** A path without the locale ("/indicators/homicide_rate"), or one with its query as an object. */
export type Href = string | { pathname: string; query?: Record<string, QueryValue | readonly QueryValue[]> };

const searchOf = (query: Record<string, QueryValue | readonly QueryValue[]>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const each of value) search.append(key, String(each));
    else search.set(key, String(value));
  }
  return `?${search}`;
};

/**
 * Every localized path is built here: hrefs are written without the locale ("/editor/review") and come
 * out as "/es/editor/review", for next/link, plain <a>, form actions and return paths. Paths are not
 * translated and always carry the prefix (lib/i18n/routing.ts), as next-intl's getPathname writes them
 * (navigation.test.ts holds the two together). Written without next-intl's navigation module, whose Link
 * is a client component: importing it from a public page would ship next-intl to every reader.
 */
export function getPathname({ href, locale }: { href: Href; locale: Locale }): string {
  const path = typeof href === "string" ? href : `${href.pathname}${href.query ? searchOf(href.query) : ""}`;
  if (!path.startsWith("/")) return path;
  // "/" and "/?q" take the prefix alone: "/es", "/es?q".
  return `/${locale}${/^\/(\?.*)?$/.test(path) ? path.slice(1) : path}`;
}

/** next/navigation's redirect to a localized path; typed `never` so TypeScript knows the code after it does not run. */
export function redirect(args: { href: Href; locale: Locale }): never {
  return nextRedirect(getPathname(args));
}
