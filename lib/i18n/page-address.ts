import { LOCALES, type Locale } from "./routing";

/**
 * The request header proxy.ts sets on every page request: the page's path and the query it reads, in
 * its one spelling (lib/public-routes.ts). The language switch in the site header links from it on the
 * server, so the switch needs no route table in the browser, and a cached page links the same way
 * for every address it is shared by.
 */
export const PAGE_ADDRESS_HEADER = "x-contraste-page-address";

const LOCALE_PREFIX = new RegExp(`^/(?:${LOCALES.join("|")})(?=/|$|\\?)`);

/** The same address in another language (paths are not translated: only the prefix changes). */
export function inLocale(address: string, locale: Locale): string {
  return LOCALE_PREFIX.test(address) ? address.replace(LOCALE_PREFIX, `/${locale}`) : `/${locale}`;
}
