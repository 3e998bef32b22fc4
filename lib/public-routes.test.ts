import { describe, expect, it } from "vitest";
import { canonicalPageQuery, publicRoute, tagsForPath } from "./public-routes";

describe("tagsForPath", () => {
  it("labels every public page and API read with the data it shows", () => {
    expect(tagsForPath("/es")).toEqual(["overview"]);
    expect(tagsForPath("/en/indicators/prison_population")).toEqual(["indicator:prison_population", "events"]);
    expect(tagsForPath("/es/embed/homicide_rate")).toEqual(["indicator:homicide_rate", "events"]);
    expect(tagsForPath("/api/v1/indicators/homicide_rate/observations")).toEqual(["indicator:homicide_rate"]);
    expect(tagsForPath("/api/v1/indicators/homicide_rate/chart-series")).toEqual(["indicator:homicide_rate"]);
    expect(tagsForPath("/en/changes/feed.xml")).toEqual(["changes"]);
    expect(tagsForPath("/api/v1/sources")).toEqual(["sources"]);
    expect(tagsForPath("/es/figures/cm0abc123xyz")).toEqual(["figure:cm0abc123xyz"]);
    expect(tagsForPath("/es/indicators/homicide_rate/disagreements")).toEqual(["indicator:homicide_rate"]);
    expect(tagsForPath("/en/indicators/homicide_rate/point-details")).toEqual(["indicator:homicide_rate"]);
  });

  it("never caches editor pages, writes, health checks or unknown paths", () => {
    for (const path of [
      "/en/editor",
      "/en/editor/observations/x",
      "/api/editor/observations",
      "/api/v1/observations",
      "/api/health",
      "/api/ready",
      "/",
      "/fr",
      "/en/indicators/a/b",
      "/en/indicators/a/disagreements/b",
      "/es/figures/cm0abc123xyz/report",
      "/es/figures/a/b",
    ]) {
      expect(tagsForPath(path), path).toBeNull();
    }
  });
});

describe("the query a public response depends on", () => {
  const query = (path: string) => {
    const [pathname, search = ""] = path.split("?");
    return publicRoute(pathname!, new URLSearchParams(search))?.query;
  };

  it("is the chart's state for a chart, written as the page writes its links; anything else is dropped", () => {
    expect(query("/es/indicators/a?z=1&utm_source=x")).toBe("");
    expect(query("/es/indicators/a?view=table&z=1")).toBe("?view=table");
    expect(query("/en/embed/a?to=2018&from=2020&hide=ngo,government,ngo&page=abc")).toBe("?hide=government%2Cngo&from=2018&to=2020");
    expect(query("/en/indicators/a?view=table&view=chart")).toBe("?view=table");
  });

  it("is the chart's state for the point details, as for the chart they describe", () => {
    expect(query("/es/indicators/a/point-details?sources=firsthand&hide=ngo&utm_source=x")).toBe("?hide=ngo&sources=firsthand");
    expect(query("/en/indicators/a/point-details?z=1")).toBe("");
  });

  it("keeps the source filter in the chart's key, so first-hand-only and every-source answers are cached apart", () => {
    expect(query("/es/indicators/a?sources=firsthand")).toBe("?sources=firsthand");
    expect(query("/es/embed/a?sources=firsthand&from=2020")).toBe("?from=2020&sources=firsthand");
    expect(query("/es/indicators/a?sources=all")).toBe("");
    expect(query("/es/indicators/a?sources=secondary")).toBe("");
  });

  it("is nothing for pages that read no parameter, and the feed", () => {
    for (const path of [
      "/es?z=1",
      "/en/events?from=2020",
      "/en/events?indicator=a&indicator=b",
      "/en/events?indicator=Not%20a%20slug",
      "/en/changes?page=2",
      "/es/api-docs?x",
      "/en/changes/feed.xml?since=2020",
      "/es/figures/cm0abc123xyz?reported=1",
      "/en/figures/cm0abc123xyz?utm_source=x&sent=1",
    ])
      expect(query(path), path).toBe("");
  });

  it("is the indicator the events page is filtered to, and nothing else", () => {
    expect(query("/es/events?utm_source=x&indicator=homicide_rate")).toBe("?indicator=homicide_rate");
    expect(query("/es/events?page=2&utm_source=x&indicator=homicide_rate")).toBe("?indicator=homicide_rate&page=2");
    expect(query("/en/events?page=3")).toBe("?page=3");
    expect(query("/en/events?page=1")).toBe("");
    expect(query("/en/events?page=0")).toBe("");
    expect(query("/en/events?page=2&page=3")).toBe("");
  });

  it("is the page and the source filter of an indicator's comparable figures, and nothing else", () => {
    expect(query("/es/indicators/a/disagreements?utm_source=x&page=2")).toBe("?page=2");
    expect(query("/es/indicators/a/disagreements?sources=firsthand&page=3&z=1")).toBe("?page=3&sources=firsthand");
    expect(query("/en/indicators/a/disagreements?page=1&sources=all")).toBe("");
    expect(query("/en/indicators/a/disagreements?page=0")).toBe("");
    expect(query("/en/indicators/a/disagreements?page=2&page=3")).toBe("");
    expect(query("/en/indicators/a/disagreements?page=99999999")).toBe("");
  });

  it("is every parameter of the API, sorted, the last of repeated ones winning as the API reads them", () => {
    expect(query("/api/v1/events?to=2020-01-01&from=2019-01-01&to=2021-01-01")).toBe("?from=2019-01-01&to=2021-01-01");
    expect(query("/api/v1/indicators?z=1")).toBe("?z=1");
  });

  it("is what the language link of a public page carries; other pages keep their query", () => {
    expect(canonicalPageQuery("/es/indicators/a", new URLSearchParams("z=1&view=table"))).toBe("?view=table");
    expect(canonicalPageQuery("/es", new URLSearchParams("z=1"))).toBe("");
    expect(canonicalPageQuery("/es/editor/sign-in", new URLSearchParams("next=/es/editor/review"))).toBe("?next=%2Fes%2Feditor%2Freview");
  });
});
