import { describe, expect, it } from "vitest";
import { EVERYTHING, ResponseCache } from "./response-cache";

const entry = (text: string) => ({
  status: 200,
  headers: { "content-type": "text/plain" },
  body: Buffer.from(text),
  gzip: Buffer.from(text),
  etag: `"${text}"`,
});

describe("ResponseCache", () => {
  it("drops exactly the entries that carry an invalidated tag", () => {
    const cache = new ResponseCache();
    cache.store("/en/indicators/a", cache.ticket(["indicator:a", "events"]), entry("a"));
    cache.store("/en/indicators/b", cache.ticket(["indicator:b", "events"]), entry("b"));
    cache.store("/en", cache.ticket(["overview"]), entry("overview"));

    expect(cache.invalidate(["indicator:a", "overview"])).toBe(2);
    expect(cache.get("/en/indicators/a")).toBeUndefined();
    expect(cache.get("/en")).toBeUndefined();
    expect(cache.get("/en/indicators/b")?.body.toString()).toBe("b");
  });

  it("clears everything for a change to reference data", () => {
    const cache = new ResponseCache();
    cache.store("/en/api-docs", cache.ticket([]), entry("docs"));
    cache.store("/en", cache.ticket(["overview"]), entry("overview"));
    cache.invalidate([EVERYTHING]);
    expect(cache.size).toBe(0);
  });

  it("refuses a response rendered while its data changed, so nothing stale outlives the change", () => {
    const cache = new ResponseCache();
    const before = cache.ticket(["indicator:a"]);
    cache.invalidate(["indicator:a"]);
    expect(cache.store("/en/indicators/a", before, entry("old"))).toBe(false);
    expect(cache.get("/en/indicators/a")).toBeUndefined();

    const unrelated = cache.ticket(["indicator:b"]);
    cache.invalidate(["indicator:a"]);
    expect(cache.store("/en/indicators/b", unrelated, entry("b"))).toBe(true);

    const duringReferenceEdit = cache.ticket(["indicator:b"]);
    cache.invalidate([EVERYTHING]);
    expect(cache.store("/en/indicators/b", duringReferenceEdit, entry("b"))).toBe(false);
  });

  it("evicts the least recently used entries beyond its byte budget", () => {
    const cache = new ResponseCache(40);
    cache.store("/1", cache.ticket([]), entry("1234567890"));
    cache.store("/2", cache.ticket([]), entry("1234567890"));
    cache.get("/1");
    cache.store("/3", cache.ticket([]), entry("1234567890"));
    expect(cache.get("/2")).toBeUndefined();
    expect(cache.get("/1")).toBeDefined();
    expect(cache.get("/3")).toBeDefined();
  });

  it("bounds the variants of one path, and the share of all variants, without pushing out plain pages", () => {
    const cache = new ResponseCache(100, { variantsPerPath: 2, variantShare: 0.5, origins: 8 });
    const at = (path: string, query = "") => ({ origin: "o", path, query });
    cache.store("/a", cache.ticket([]), entry("1234567890"), at("/a"));
    cache.store("/b", cache.ticket([]), entry("1234567890"), at("/b"));
    for (let page = 1; page <= 10; page++) cache.store(`/a?page=${page}`, cache.ticket([]), entry("1234567890"), at("/a", `?page=${page}`));
    expect(cache.get("/a")).toBeDefined();
    expect(cache.get("/b")).toBeDefined();
    expect(cache.get("/a?page=10")).toBeDefined();
    expect(cache.get("/a?page=9")).toBeDefined();
    expect(cache.get("/a?page=8")).toBeUndefined();
    cache.store("/b?x=1", cache.ticket([]), entry("1234567890"), at("/b", "?x=1"));
    // Variants may take 50 bytes (two of them here): the least recently used one goes, the plain pages stay.
    expect(cache.size).toBe(4);
    expect(cache.get("/a?page=10")).toBeUndefined();
    expect(cache.get("/b?x=1")).toBeDefined();
    expect(cache.get("/a")).toBeDefined();
    expect(cache.get("/b")).toBeDefined();
  });

  it("keeps entries for a bounded number of origins; an origin's slot frees when its last entry goes", () => {
    const cache = new ResponseCache(1000, { variantsPerPath: 2, variantShare: 0.5, origins: 2 });
    expect(cache.store("a/en", cache.ticket(["overview"]), entry("a"), { origin: "a", path: "/en", query: "" })).toBe(true);
    expect(cache.store("b/en", cache.ticket([]), entry("b"), { origin: "b", path: "/en", query: "" })).toBe(true);
    expect(cache.store("c/en", cache.ticket([]), entry("c"), { origin: "c", path: "/en", query: "" })).toBe(false);
    cache.invalidate(["overview"]);
    expect(cache.store("c/en", cache.ticket([]), entry("c"), { origin: "c", path: "/en", query: "" })).toBe(true);
  });

  it("pushes out other origins' pages before those of the origin readers use", () => {
    const cache = new ResponseCache(100, { variantsPerPath: 2, variantShare: 0.5, origins: 4 });
    const plain = (origin: string, path: string) =>
      cache.store(`${origin}${path}`, cache.ticket([]), entry("1234567890"), { origin, path, query: "" });
    plain("site", "/en");
    plain("site", "/es");
    cache.get("site/en");
    for (let i = 0; i < 20; i++) plain(`forged${i % 3}`, `/en/indicators/${i}`);
    expect(cache.get("site/en")).toBeDefined();
    expect(cache.get("site/es")).toBeDefined();
  });
});
