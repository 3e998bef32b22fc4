import { LOCALES } from "../i18n/routing";

// Which data each public URL shows, as cache tags. A path not listed here is never cached
// (editor pages, write endpoints, health checks).
const locale = `(?:${LOCALES.join("|")})`;
const slug = "([A-Za-z0-9_-]+)";

const ROUTES: [RegExp, (match: RegExpMatchArray) => string[]][] = [
  [new RegExp(`^/${locale}$`), () => ["overview"]],
  // The chart draws events too.
  [new RegExp(`^/${locale}/(?:indicators|embed)/${slug}$`), (m) => [indicatorTag(m[1] ?? ""), "events"]],
  [new RegExp(`^/${locale}/events$`), () => ["events"]],
  [new RegExp(`^/${locale}/sources$`), () => ["sources"]],
  [new RegExp(`^/${locale}/changes(?:/feed\\.xml)?$`), () => ["changes"]],
  [new RegExp(`^/${locale}/api-docs$`), () => []],
  [/^\/api\/v1\/indicators$/, () => ["overview"]],
  [new RegExp(`^/api/v1/indicators/${slug}(?:/observations)?$`), (m) => [indicatorTag(m[1] ?? "")]],
  [/^\/api\/v1\/events$/, () => ["events"]],
  [/^\/api\/v1\/sources$/, () => ["sources"]],
  [/^\/api\/v1\/changes$/, () => ["changes"]],
  [/^\/api\/v1\/openapi\.json$/, () => []],
  [/^\/api\/oembed$/, () => []],
];

export const indicatorTag = (slug: string) => `indicator:${slug}`;

/** The tags of a cacheable path, or null when the path must always be rendered afresh. */
export function tagsForPath(pathname: string): string[] | null {
  for (const [pattern, tags] of ROUTES) {
    const match = pathname.match(pattern);
    if (match) return tags(match);
  }
  return null;
}

