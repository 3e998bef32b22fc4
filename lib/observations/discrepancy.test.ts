import { describe, expect, it } from "vitest";
import { findDiscrepancies } from "./discrepancy";
import type { PublicObservation } from "./types";

const figure = (
  id: string,
  value: string,
  type: PublicObservation["producer"]["type"],
  asOf = "2022-01-01",
  extra: Partial<PublicObservation> = {},
): PublicObservation => ({
  id,
  indicatorSlug: "homicides_total",
  value,
  valueMax: null,
  qualifier: "exact",
  asOf,
  datePrecision: "year",
  producer: { id: `p-${id}`, name: `Producer ${id}`, type },
  source: { url: `https://example.org/${id}`, publisher: null, publishedAt: null },
  attribution: `Producer ${id}`,
  noteEn: null,
  noteEs: null,
  status: "published",
  retraction: null,
  ...extra,
});

describe("findDiscrepancies", () => {
  it("pairs each official figure with each independent one of the same period, exactly", () => {
    const rows = findDiscrepancies([
      figure("pnc", "495", "government"),
      figure("fgr", "496", "government"),
      figure("uca", "659", "academic", "2022-01-01", { qualifier: "about" }),
      figure("other-year", "700", "ngo", "2023-01-01"),
    ]);
    expect(rows.map((row) => [row.official.id, row.independent.id, row.gap, row.percent, row.approximate])).toEqual([
      ["pnc", "uca", "164", "33.1", true],
      ["fgr", "uca", "163", "32.9", true],
    ]);
  });

  it("computes decimal gaps without float error and leaves ranges out", () => {
    const rows = findDiscrepancies([
      figure("a", "7.8", "government"),
      figure("b", "10.4", "academic"),
      figure("c", "100", "ngo", "2022-01-01", { valueMax: "120" }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.gap).toBe("2.6");
    expect(rows[0]!.percent).toBe("33.3");
  });

  it("does not compare a month with the year that contains it", () => {
    expect(findDiscrepancies([figure("a", "1", "government"), figure("b", "2", "ngo", "2022-01-01", { datePrecision: "month" })])).toEqual(
      [],
    );
  });
});
