// The public response cache: whole rendered responses kept in memory, each labelled with the tags
// of the data it shows, so a change drops exactly the responses that show it.

export type CachedResponse = {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  gzip: Buffer;
  etag: string;
  tags: string[];
};

/** Taken before rendering; a response rendered while one of its tags changed is not kept. */
export type RenderTicket = { tags: string[]; generations: number[] };

/** Clears every entry: reference data (names, units, sources) shows on every page. */
export const EVERYTHING = "all";

/**
 * Where an entry sits: the origin it was rendered for (its links carry it), its path, and its query
 * string ("" for the plain path). Used to bound what one path or one Host header can take.
 */
export type Placement = { origin: string; path: string; query: string };

export type CacheLimits = {
  /** Query-string variants kept per origin and path (?view=table, ?page=2…); the plain path does not count. */
  variantsPerPath: number;
  /** Share of the byte budget that variants together may take, so no flood of them pushes out the plain pages. */
  variantShare: number;
  /** Distinct origins (Host, X-Forwarded-Host and -Proto) with entries; a new one past it is rendered but not kept. */
  origins: number;
};

export const DEFAULT_LIMITS: CacheLimits = { variantsPerPath: 16, variantShare: 0.5, origins: 4 };

type Entry = CachedResponse & { placement: Placement };

export class ResponseCache {
  private entries = new Map<string, Entry>();
  private generations = new Map<string, number>();
  private bytes = 0;
  private variantBytes = 0;
  private perOrigin = new Map<string, number>();
  private variantsPerPath = new Map<string, number>();
  /** Hits per origin: the origin readers actually use is the one whose plain pages go last. */
  private hitsPerOrigin = new Map<string, number>();

  constructor(
    private readonly maxBytes = 256 * 1024 * 1024,
    private readonly limits: CacheLimits = DEFAULT_LIMITS,
  ) {}

  get size() {
    return this.entries.size;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.hitsPerOrigin.set(entry.placement.origin, (this.hitsPerOrigin.get(entry.placement.origin) ?? 0) + 1);
      // Map order doubles as recency order for eviction.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  ticket(tags: string[]): RenderTicket {
    const all = [EVERYTHING, ...tags];
    return { tags: all, generations: all.map((tag) => this.generations.get(tag) ?? 0) };
  }

  /**
   * Keeps a response unless its data changed while it was being rendered, or it would be one origin
   * too many. A variant makes room among variants only: first of its own path, then of all paths.
   */
  store(
    key: string,
    ticket: RenderTicket,
    entry: Omit<CachedResponse, "tags">,
    placement: Placement = { origin: "", path: key, query: "" },
  ): boolean {
    if (ticket.tags.some((tag, i) => (this.generations.get(tag) ?? 0) !== ticket.generations[i])) return false;
    this.remove(key);
    if (!this.perOrigin.has(placement.origin) && this.perOrigin.size >= this.limits.origins) return false;
    const stored: Entry = { ...entry, tags: ticket.tags, placement };
    const size = sizeOf(stored);
    if (placement.query) {
      const group = groupOf(placement);
      while (
        (this.variantsPerPath.get(group) ?? 0) >= this.limits.variantsPerPath &&
        this.evictFirst((e) => Boolean(e.placement.query) && groupOf(e.placement) === group)
      );
      while (this.variantBytes + size > this.maxBytes * this.limits.variantShare && this.evictFirst((e) => Boolean(e.placement.query)));
    }
    this.entries.set(key, stored);
    this.account(stored, +1);
    // Variants go first, then other origins' pages: the plain pages of the origin readers use are a
    // small, fixed set (one per public path) that a flood of forged Hosts cannot push out.
    const primary = this.primaryOrigin();
    while (this.bytes > this.maxBytes && this.evictFirst((e) => Boolean(e.placement.query)));
    while (this.bytes > this.maxBytes && this.evictFirst((e) => e.placement.origin !== primary));
    while (this.bytes > this.maxBytes && this.evictFirst(() => true));
    return this.entries.has(key);
  }

  invalidate(tags: Iterable<string>): number {
    const stale = new Set(tags);
    if (!stale.size) return 0;
    for (const tag of stale) this.generations.set(tag, (this.generations.get(tag) ?? 0) + 1);
    let dropped = 0;
    for (const [key, entry] of this.entries) {
      if (stale.has(EVERYTHING) || entry.tags.some((tag) => stale.has(tag))) {
        this.remove(key);
        dropped += 1;
      }
    }
    return dropped;
  }

  private primaryOrigin(): string | undefined {
    let primary: string | undefined;
    for (const [origin, hits] of this.hitsPerOrigin)
      if (this.perOrigin.has(origin) && (primary === undefined || hits > (this.hitsPerOrigin.get(primary) ?? 0))) primary = origin;
    return primary;
  }

  /** Removes the least recently used entry that matches; false when none does. */
  private evictFirst(matches: (entry: Entry) => boolean): boolean {
    for (const [key, entry] of this.entries) {
      if (matches(entry)) {
        this.remove(key);
        return true;
      }
    }
    return false;
  }

  private account(entry: Entry, sign: 1 | -1) {
    const size = sizeOf(entry);
    this.bytes += sign * size;
    const { origin, query } = entry.placement;
    const origins = (this.perOrigin.get(origin) ?? 0) + sign;
    if (origins) this.perOrigin.set(origin, origins);
    else {
      this.perOrigin.delete(origin);
      this.hitsPerOrigin.delete(origin);
    }
    if (query) {
      this.variantBytes += sign * size;
      const group = groupOf(entry.placement);
      const variants = (this.variantsPerPath.get(group) ?? 0) + sign;
      if (variants) this.variantsPerPath.set(group, variants);
      else this.variantsPerPath.delete(group);
    }
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.account(entry, -1);
  }
}

const groupOf = (placement: Placement) => JSON.stringify([placement.origin, placement.path]);
const sizeOf = (entry: CachedResponse) => entry.body.length + entry.gzip.length;

// Next.js bundles each route separately, so a module-level instance would exist once per route;
// the one cache lives on globalThis where the server and every route see the same object.
const GLOBAL_KEY = Symbol.for("contraste.responseCache");
type GlobalWithCache = typeof globalThis & { [GLOBAL_KEY]?: ResponseCache };

export function sharedResponseCache(): ResponseCache {
  const holder = globalThis as GlobalWithCache;
  holder[GLOBAL_KEY] ??= new ResponseCache(Number(process.env.CONTRASTE_CACHE_MAX_MB ?? 256) * 1024 * 1024);
  return holder[GLOBAL_KEY];
}
