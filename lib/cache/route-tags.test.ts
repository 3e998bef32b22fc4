import { describe, expect, it } from "vitest";
import { tagsForChange } from "./change-tags";
import { tagsForPath } from "./route-tags";

describe("tagsForPath", () => {
  it("labels every public page and API read with the data it shows", () => {
    expect(tagsForPath("/es")).toEqual(["overview"]);
    expect(tagsForPath("/en/indicators/prison_population")).toEqual(["indicator:prison_population", "events"]);
    expect(tagsForPath("/es/embed/homicide_rate")).toEqual(["indicator:homicide_rate", "events"]);
    expect(tagsForPath("/api/v1/indicators/homicide_rate/observations")).toEqual(["indicator:homicide_rate"]);
    expect(tagsForPath("/en/changes/feed.xml")).toEqual(["changes"]);
    expect(tagsForPath("/api/v1/sources")).toEqual(["sources"]);
  });

  it("never caches editor pages, writes, health checks or unknown paths", () => {
    for (const path of ["/en/editor", "/en/editor/observations/x", "/api/editor/observations", "/api/v1/observations", "/api/health", "/api/ready", "/", "/fr", "/en/indicators/a/b"]) {
      expect(tagsForPath(path), path).toBeNull();
    }
  });
});

describe("tagsForChange", () => {
  const figure = (indicator: string) => ({ id: "x", indicator, value: "1" });

  it("a published figure makes its indicator, the overview, the sources and the change log stale", () => {
    expect(tagsForChange({ entityType: "observation", isPublic: true, after: figure("a") })).toEqual(["indicator:a", "overview", "sources", "changes"]);
  });

  it("a correction that moves a figure makes both indicators stale", () => {
    expect(tagsForChange({ entityType: "observation", isPublic: true, before: figure("a"), after: figure("b") })).toEqual(["indicator:a", "indicator:b", "overview", "sources", "changes"]);
  });

  it("drafts and accounts show nowhere public; reference data shows everywhere", () => {
    expect(tagsForChange({ entityType: "observation", isPublic: false, after: figure("a") })).toEqual([]);
    expect(tagsForChange({ entityType: "user", isPublic: false })).toEqual([]);
    expect(tagsForChange({ entityType: "producer", isPublic: false })).toEqual(["all"]);
  });
});
