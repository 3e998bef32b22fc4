import { describe, expect, it } from "vitest";
import { chartStateQuery, DEFAULT_CHART_STATE, keptSourceClasses, parseChartState } from "./chart-state";

describe("chart state in the URL", () => {
  it("round-trips every setting through the query string", () => {
    const state = {
      hidden: ["government" as const, "media" as const],
      from: 2019,
      to: 2024,
      events: false,
      view: "table" as const,
      sort: "value" as const,
      dir: "desc" as const,
      page: 3,
      scale: "log" as const,
      sources: "firsthand" as const,
    };
    const query = chartStateQuery(state);
    expect(query).toBe(
      "?hide=government%2Cmedia&from=2019&to=2024&events=0&view=table&sort=value&dir=desc&page=3&scale=log&sources=firsthand",
    );
    expect(parseChartState(Object.fromEntries(new URLSearchParams(query)))).toEqual(state);
  });

  it("leaves defaults out of links", () => {
    expect(chartStateQuery(DEFAULT_CHART_STATE)).toBe("");
  });

  it("ignores malformed or unknown values instead of failing", () => {
    expect(
      parseChartState({
        hide: "government,martians",
        from: "soon",
        to: "99999",
        view: "pie",
        sort: "x;drop",
        page: "0",
        scale: "cubic",
        sources: "primary",
        junk: "1",
      }),
    ).toEqual({
      ...DEFAULT_CHART_STATE,
      hidden: ["government"],
    });
  });

  it("keeps every source class unless the link asks for first-hand sources only", () => {
    const old = parseChartState({ hide: "media", from: "2020" });
    expect(old.sources).toBe("all");
    expect(chartStateQuery(old)).toBe("?hide=media&from=2020");
    expect(keptSourceClasses(old)).toBeNull();
    const firstHand = parseChartState({ sources: "firsthand", page: "2" });
    expect(firstHand.sources).toBe("firsthand");
    expect(keptSourceClasses(firstHand)).toEqual(["primary", "press"]);
    expect(chartStateQuery(firstHand)).toBe("?page=2&sources=firsthand");
    expect(chartStateQuery({ ...firstHand, sources: "all" })).toBe("?page=2");
  });

  it("swaps a reversed time range", () => {
    expect(parseChartState({ from: "2024", to: "2019" })).toMatchObject({ from: 2019, to: 2024 });
  });
});
