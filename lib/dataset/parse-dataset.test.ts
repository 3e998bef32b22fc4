import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DatasetError, parseDataset } from "./parse-dataset";

const dataset = JSON.parse(readFileSync("prisma/data/el-salvador-indicators.json", "utf8"));
const curation = JSON.parse(readFileSync("prisma/data/el-salvador-curation.json", "utf8"));

function withObservation(index: number, change: Record<string, unknown>) {
  const copy = structuredClone(dataset);
  copy.observations[index] = { ...copy.observations[index], ...change };
  return copy;
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DatasetError) return error.problems;
    throw error;
  }
  throw new Error("expected the dataset to be rejected");
}

describe("parseDataset", () => {
  it("accepts the shipped dataset and its curation", () => {
    const parsed = parseDataset(dataset, curation);
    expect(parsed.dataset.observations).toHaveLength(dataset.observations.length);
    expect(parsed.dataset.indicators).toHaveLength(dataset.indicators.length);
    expect(parsed.dataset.events).toHaveLength(dataset.events.length);
  });

  it("names the record and the field of a non-numeric value", () => {
    const problems = problemsOf(() => parseDataset(withObservation(3, { value: "ten" }), curation));
    const record = dataset.observations[3];
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`observations[3] (${record.indicator}, ${record.date}`);
    expect(problems[0]).toContain('field "value"');
  });

  it.each([
    ["an impossible day", { date: "2023-02-30", datePrecision: "day" }, "date"],
    ["a month precision without its month", { date: "2023", datePrecision: "month", dateApprox: undefined }, "dateApprox"],
    ["an unknown producer type", { sourceType: "blog" }, "sourceType"],
    ["an unknown hedge", { qualifier: "roughly" }, "qualifier"],
    ["a range whose top is below its bottom", { value: 10, valueMax: 5 }, "valueMax"],
    ["an unknown indicator", { indicator: "made_up" }, "indicator"],
    ["a field the schema does not know", { colour: "red" }, ""],
    ["a source that is not a web address", { sourceUrl: "ftp://example.org/x" }, "sourceUrl"],
  ])("rejects %s", (_label, change, field) => {
    const problems = problemsOf(() => parseDataset(withObservation(0, change), curation));
    expect(problems.join("\n")).toContain("observations[0]");
    if (field) expect(problems.join("\n")).toContain(`field "${field}"`);
  });

  it("requires every indicator and event to be classified in the curation file", () => {
    const partial = { ...curation, indicators: curation.indicators.slice(1), events: curation.events.slice(1) };
    const problems = problemsOf(() => parseDataset(dataset, partial));
    expect(problems).toContain(`indicators[0] (${curation.indicators[0].slug}) has no theme and value kind in the curation file`);
    expect(problems.some((problem) => problem.startsWith("events[0]"))).toBe(true);
  });
});
