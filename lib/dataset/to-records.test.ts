import { describe, expect, it } from "vitest";
import { splitAttribution } from "./attribution";
import { periodStart } from "./to-records";

describe("splitAttribution", () => {
  it("separates the originator from the outlet that carried the figure", () => {
    expect(splitAttribution("Cristosal (Radio YSKL)")).toEqual({ producerName: "Cristosal", outlet: "Radio YSKL" });
    expect(splitAttribution("President Bukele (Reuters via Star-Advertiser)")).toEqual({
      producerName: "President Bukele",
      outlet: "Reuters via Star-Advertiser",
    });
  });

  it("uses the whole label for both when no outlet is named", () => {
    expect(splitAttribution("Statista")).toEqual({ producerName: "Statista", outlet: "Statista" });
  });
});

describe("periodStart", () => {
  it("places each figure at the first day of the period it covers", () => {
    expect(periodStart({ date: "2022-03-27", datePrecision: "day" })).toBe("2022-03-27");
    expect(periodStart({ date: "2023", dateApprox: "2023-08", datePrecision: "month" })).toBe("2023-08-01");
    expect(periodStart({ date: "2015", datePrecision: "year" })).toBe("2015-01-01");
  });
});
