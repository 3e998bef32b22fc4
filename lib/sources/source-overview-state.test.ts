import { describe, expect, it } from "vitest";
import { canonicalPageQuery, publicRoute } from "../public-routes";
import { parseSourcesView, sourcesViewQuery } from "./source-overview-state";

const key = (path: string) => {
  const url = new URL(path, "http://contraste.test");
  return publicRoute(url.pathname, url.searchParams)?.query;
};

describe("the sources page's address", () => {
  it("reads a class, a group of that class and a page", () => {
    expect(parseSourcesView({ class: "secondary", group: "events", page: "2" })).toEqual({
      sourceClass: "secondary",
      group: "events",
      page: 2,
    });
    expect(parseSourcesView({})).toEqual({ sourceClass: null, group: null, page: 1 });
  });

  it("ignores what it cannot show: an unknown class, a group without a class, a repeated or malformed value", () => {
    expect(parseSourcesView({ class: "weak", page: "0" })).toEqual({ sourceClass: null, group: null, page: 1 });
    expect(parseSourcesView({ group: "abc" })).toEqual({ sourceClass: null, group: null, page: 1 });
    expect(parseSourcesView({ class: ["press", "primary"], page: "-3" })).toEqual({ sourceClass: null, group: null, page: 1 });
    expect(parseSourcesView({ class: "press", group: "a b", page: "1e3" })).toEqual({ sourceClass: "press", group: null, page: 1 });
  });

  it("writes a view back as it read it, the first page of everything as no query at all", () => {
    for (const query of ["", "?class=primary", "?class=secondary&group=events", "?class=press&group=cm123&page=4", "?page=2"]) {
      expect(sourcesViewQuery(parseSourcesView(Object.fromEntries(new URLSearchParams(query))))).toBe(query);
    }
  });
});

describe("the sources page in the response cache", () => {
  it("keys every view apart and drops what the page does not read", () => {
    expect(key("/es/sources")).toBe("");
    expect(key("/es/sources?utm_source=x&page=1")).toBe("");
    expect(key("/en/sources?page=2")).toBe("?page=2");
    expect(key("/en/sources?class=secondary")).toBe("?class=secondary");
    expect(key("/en/sources?page=3&group=events&class=secondary&z=1")).toBe("?class=secondary&group=events&page=3");
    expect(key("/en/sources?class=weak&group=events")).toBe("");
  });

  it("is what the language link carries", () => {
    expect(canonicalPageQuery("/es/sources", new URLSearchParams("class=press&x=1"))).toBe("?class=press");
  });
});
