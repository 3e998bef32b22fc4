import { describe, expect, it } from "vitest";
import { publicRoute } from "../../lib/public-routes";
import { tagsForChange } from "./change-tags";
import { ResponseCache } from "./response-cache";

describe("tagsForChange", () => {
  const figure = (indicator: string, id = "x") => ({ id, indicator, value: "1" });

  it("a published figure makes its indicator, the overview, the sources, the change log and its own page stale", () => {
    expect(tagsForChange({ entityType: "observation", isPublic: true, after: figure("a") })).toEqual([
      "indicator:a",
      "overview",
      "sources",
      "changes",
      "figure:x",
    ]);
  });

  it("a correction that moves a figure makes both indicators stale", () => {
    expect(tagsForChange({ entityType: "observation", isPublic: true, before: figure("a"), after: figure("b") })).toEqual([
      "indicator:a",
      "indicator:b",
      "overview",
      "sources",
      "changes",
      "figure:x",
    ]);
  });

  it("a figure's change drops that figure's page in both languages, and no other figure's", () => {
    const cache = new ResponseCache();
    const body = Buffer.from("<p>figure</p>");
    for (const path of ["/es/figures/fig1", "/en/figures/fig1", "/es/figures/fig2", "/en/figures/fig2"])
      cache.store(path, cache.ticket(publicRoute(path)!.tags), { status: 200, headers: {}, body, gzip: body, etag: '"e"' });
    const retraction = { entityType: "observation", isPublic: true, before: figure("a", "fig1"), after: figure("a", "fig1") };
    expect(cache.invalidate(tagsForChange(retraction))).toBe(2);
    expect(cache.get("/es/figures/fig1")).toBeUndefined();
    expect(cache.get("/en/figures/fig1")).toBeUndefined();
    expect(cache.get("/es/figures/fig2")).toBeDefined();
    expect(cache.get("/en/figures/fig2")).toBeDefined();
  });

  it("drafts and accounts show nowhere public; reference data shows everywhere", () => {
    expect(tagsForChange({ entityType: "observation", isPublic: false, after: figure("a") })).toEqual([]);
    expect(tagsForChange({ entityType: "user", isPublic: false })).toEqual([]);
    expect(tagsForChange({ entityType: "producer", isPublic: false })).toEqual(["all"]);
  });

  it("a restored backup makes everything stale", () => {
    expect(tagsForChange({ everything: true })).toEqual(["all"]);
  });
});
