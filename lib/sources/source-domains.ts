import type { SourceClass, SourceClassOrigin } from "../schemas/enums";

// The domain table proposes a class for a source from its address: the host, lower-cased and
// without "www.", or the nearest parent domain the table names (news.example.org takes example.org's
// entry). No database access: the seed, the editor's forms and the importer share it.

export type DomainClass = { domain: string; sourceClass: SourceClass };
export type ProposedClass = { sourceClass: SourceClass; sourceClassOrigin: Exclude<SourceClassOrigin, "staff">; domain: string | null };

/** "https://WWW.Example.org/a" → "example.org"; null for an address that does not parse. */
export function domainOf(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/\.$/, "");
    return host.startsWith("www.") ? host.slice(4) : host;
  } catch {
    return null;
  }
}

/** A domain as the table stores it: lower-case, no scheme, no "www.", no trailing dot. */
export function normalizeDomain(text: string): string {
  const trimmed = text.trim().toLowerCase().replace(/\.$/, "");
  const host = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? (domainOf(trimmed) ?? trimmed) : trimmed;
  return host.startsWith("www.") ? host.slice(4) : host;
}

/** The table's entry for a URL's host or its nearest listed parent. */
export function findDomainEntry<Entry extends DomainClass>(table: ReadonlyMap<string, Entry>, url: string): Entry | null {
  const host = domainOf(url);
  if (!host) return null;
  const labels = host.split(".");
  for (let start = 0; start < labels.length - 1; start += 1) {
    const entry = table.get(labels.slice(start).join("."));
    if (entry) return entry;
  }
  return null;
}

/**
 * The class a new source gets: the table's, or secondary where the table names no parent of its host
 * (a source nobody has looked at yet is not presented as first-hand).
 */
export function proposeSourceClass(table: ReadonlyMap<string, DomainClass>, url: string): ProposedClass {
  const entry = findDomainEntry(table, url);
  return entry
    ? { sourceClass: entry.sourceClass, sourceClassOrigin: "domain_table", domain: entry.domain }
    : { sourceClass: "secondary", sourceClassOrigin: "unmatched", domain: null };
}

export const domainTable = (entries: Iterable<DomainClass>) => new Map([...entries].map((entry) => [entry.domain, entry]));
