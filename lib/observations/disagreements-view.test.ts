import { describe, expect, it } from "vitest";
import { disagreementsViewQuery, GROUPS_PER_PAGE, pageOfGroups, parseDisagreementsView } from "./disagreements-view";

describe("the view of an indicator's comparable figures", () => {
  it("reads the page and the source filter, ignoring what is repeated or malformed", () => {
    expect(parseDisagreementsView({ page: "3", sources: "firsthand" })).toEqual({ page: 3, sources: "firsthand" });
    expect(parseDisagreementsView({ page: ["2", "3"], sources: ["firsthand", "all"] })).toEqual({ page: 1, sources: "all" });
    expect(parseDisagreementsView({ page: "-1", sources: "secondary" })).toEqual({ page: 1, sources: "all" });
    expect(parseDisagreementsView({ page: "2.5" })).toEqual({ page: 1, sources: "all" });
  });

  it("writes the view back as the page's own links do, the default as nothing", () => {
    expect(disagreementsViewQuery({ page: 1, sources: "all" })).toBe("");
    expect(disagreementsViewQuery({ page: 2, sources: "firsthand" })).toBe("?page=2&sources=firsthand");
    const view = { page: 4, sources: "firsthand" as const };
    expect(parseDisagreementsView(Object.fromEntries(new URLSearchParams(disagreementsViewQuery(view))))).toEqual(view);
  });

  it("pages every group once, in order, and shows the last page for a page past the end", () => {
    const groups = Array.from({ length: GROUPS_PER_PAGE * 2 + 3 }, (_, i) => i);
    const pages = [1, 2, 3].map((page) => pageOfGroups(groups, page));
    expect(pages.flatMap((page) => page.groups)).toEqual(groups);
    expect(pages.map((page) => [page.page, page.pageCount, page.first])).toEqual([
      [1, 3, 1],
      [2, 3, GROUPS_PER_PAGE + 1],
      [3, 3, GROUPS_PER_PAGE * 2 + 1],
    ]);
    expect(pageOfGroups(groups, 40)).toEqual(pages[2]);
    expect(pageOfGroups([], 2)).toEqual({ page: 1, pageCount: 1, first: 1, groups: [] });
  });
});
