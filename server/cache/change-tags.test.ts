import { describe, expect, it } from "vitest";
import { tagsForChange } from "./change-tags";

describe("tagsForChange", () => {
  const figure = (indicator: string) => ({ id: "x", indicator, value: "1" });

  it("a published figure makes its indicator, the overview, the sources and the change log stale", () => {
    expect(tagsForChange({ entityType: "observation", isPublic: true, after: figure("a") })).toEqual([
      "indicator:a",
      "overview",
      "sources",
      "changes",
    ]);
  });

  it("a correction that moves a figure makes both indicators stale", () => {
    expect(tagsForChange({ entityType: "observation", isPublic: true, before: figure("a"), after: figure("b") })).toEqual([
      "indicator:a",
      "indicator:b",
      "overview",
      "sources",
      "changes",
    ]);
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
