import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseBenchOptions } from "./context";
import { formatRunsTable, formatTable, median, type BenchLine, type RunLine } from "./report";

/** Runs `npm run bench` with these arguments; nothing is measured as long as they include --dry-run or are refused. */
const bench = (args: string[]) =>
  spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--import", "./scripts/server-only/register.mjs", "scripts/bench/index.ts", ...args],
    {
      encoding: "utf8",
      timeout: 60_000,
    },
  );
const sectionIds = (stdout: string) =>
  stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(".")[0]);

describe("npm run bench", () => {
  it("starts: every section loads, a–h and those added since, in order", () => {
    const result = bench(["--dry-run"]);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    const ids = sectionIds(result.stdout);
    expect(ids.slice(0, 8)).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(ids).toEqual([...new Set(ids)].sort());
  }, 60_000);

  it("takes --runs, --only (both spellings) and --quick together", () => {
    const result = bench(["--dry-run", "--runs", "3", "--only=a,c", "--quick"]);
    expect(result.status).toBe(0);
    expect(sectionIds(result.stdout)).toEqual(["a", "c"]);
    expect(result.stderr).toContain("3 runs of 2 sections (quick)");
    const spaced = bench(["--dry-run", "--runs=2", "--only", "b"]);
    expect(sectionIds(spaced.stdout)).toEqual(["b"]);
    expect(spaced.stderr).toContain("2 runs of 1 section");
  }, 60_000);
});

describe("the command line of npm run bench", () => {
  const ids = ["a", "b", "c"];

  it("reads --runs, --only (both spellings), --quick and --dry-run", () => {
    expect(parseBenchOptions(["--runs", "3", "--only=a,c", "--quick"], ids)).toEqual({
      quick: true,
      dryRun: false,
      only: ["a", "c"],
      runs: 3,
    });
    expect(parseBenchOptions(["--dry-run", "--runs=2", "--only", "b"], ids)).toEqual({ quick: false, dryRun: true, only: ["b"], runs: 2 });
    expect(parseBenchOptions([], ids)).toEqual({ quick: false, dryRun: false, only: undefined, runs: 1 });
  });

  it("refuses a run count that is not a whole number from 1 to 20, and a section that does not exist", () => {
    for (const runs of ["0", "-1", "2.5", "three", "21", ""])
      expect(parseBenchOptions(["--runs", runs], ids), runs).toEqual({ error: expect.stringContaining("--runs takes a whole number") });
    expect(parseBenchOptions(["--runs"], ids)).toEqual({ error: expect.stringContaining("--runs takes a whole number") });
    expect(parseBenchOptions(["--only", "a,zz"], ids)).toEqual({ error: expect.stringContaining("no section zz") });
  });
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

describe("the table of several runs", () => {
  const run = (contraste: number, baseline: number, load: number, extra: Partial<BenchLine> = {}): RunLine => ({
    measure: "b. API · p50",
    unit: "ms",
    contraste,
    baseline,
    baselineLabel: "bare",
    higherIsBetter: false,
    target: { max: 1.5 },
    load: { mean: load, max: load + 1 },
    ...extra,
  });

  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("prints the median and the spread of Contraste, baseline and ratio, the verdict on the median ratio, and each run's load", () => {
    const table = formatRunsTable([[run(12, 10, 1.5)], [run(30, 10, 4)], [run(14, 10, 2)]]);
    const [row] = table.split("\n").slice(2);
    const cells = row!.split(" | ");
    expect(cells[1]).toBe("14 (12–30) ms");
    expect(cells[2]).toBe("10 ms");
    expect(cells[4]).toBe("1.40 (1.20–3.00)");
    expect(cells[6]).toBe("met");
    expect(cells[7]).toBe("3 of 3");
    expect(row).toMatch(/\| 1\.5\/2\.5, 4\.0\/5\.0, 2\.0\/3\.0 \|$/);
  });

  it("judges the median of the runs' ratios, and says in how many runs a line was measured", () => {
    const table = formatRunsTable([
      [run(16, 10, 1), run(5, 1, 1, { measure: "other", target: undefined })],
      [run(17, 10, 1)],
      [run(10, 10, 1)],
    ]);
    const rows = table.split("\n").slice(2);
    expect(rows[0]).toMatch(/\| 1\.60 \(1\.00–1\.70\) \| ratio ≤ 1\.5 \| MISSED \| 3 of 3 \|/);
    expect(rows[1]).toMatch(/^\| other \| 5 ms \| 1 ms \| bare \| 5\.00 \|  \|  \| 1 of 3 \|/);
  });
});
