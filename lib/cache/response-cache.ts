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

export class ResponseCache {
  private entries = new Map<string, CachedResponse>();
  private generations = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly maxBytes = 256 * 1024 * 1024) {}

  get size() {
    return this.entries.size;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
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

  /** Keeps a response unless its data changed while it was being rendered. */
  store(key: string, ticket: RenderTicket, entry: Omit<CachedResponse, "tags">): boolean {
    if (ticket.tags.some((tag, i) => (this.generations.get(tag) ?? 0) !== ticket.generations[i])) return false;
    this.remove(key);
    const stored = { ...entry, tags: ticket.tags };
    this.entries.set(key, stored);
    this.bytes += sizeOf(stored);
    for (const [oldestKey] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldestKey);
    }
    return true;
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

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(entry);
  }
}

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
