import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { formatTable, type BenchLine } from "./report";

describe("npm run bench", () => {
  it("starts: every section (a–i) loads", () => {
    const result = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--import", "./scripts/server-only/register.mjs", "scripts/bench/index.ts", "--dry-run"],
      {
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    expect(
      result.stdout
        .split("\n")
        .filter(Boolean)
        .map((line) => line[0]),
    ).toEqual(["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
  }, 60_000);
});

describe("the benchmark table", () => {
  const line = (contraste: number, baseline: number, extra: Partial<BenchLine> = {}): BenchLine => ({
    measure: "x",
    unit: "ms",
    contraste,
    baseline,
    baselineLabel: "base",
    higherIsBetter: false,
    ...extra,
  });

  it("prints the ratio to the baseline and whether the target was met", () => {
    const table = formatTable([
      line(15, 10, { target: { max: 1.5 } }),
      line(16, 10, { target: { max: 1.5 } }),
      line(70, 100, { unit: "req/s", higherIsBetter: true, target: { min: 0.8 } }),
    ]);
    const rows = table.split("\n").slice(2);
    expect(rows[0]).toMatch(/\| 1\.50 \| ratio ≤ 1\.5 \| met \|$/);
    expect(rows[1]).toMatch(/\| 1\.60 \| ratio ≤ 1\.5 \| MISSED \|$/);
    expect(rows[2]).toMatch(/\| 0\.70 \| ratio ≥ 0\.8 \| MISSED \|$/);
  });

  it("checks absolute targets (Lighthouse score, bytes) on Contraste's own figure", () => {
    const table = formatTable([
      line(96, 100, { unit: "points", absoluteTarget: { min: 95 } }),
      line(200_000, 10_000, { unit: "bytes", absoluteTarget: { max: 184_320 } }),
    ]);
    const rows = table.split("\n").slice(2);
    expect(rows[0]).toMatch(/met \|$/);
    expect(rows[1]).toMatch(/MISSED \|$/);
  });
});
