// One line of the benchmark table: a figure for Contraste beside a baseline measured in the same run.
export type BenchLine = {
  /** Issue section letter and what is measured, e.g. "a. cached page · requests/s". */
  measure: string;
  unit: string;
  contraste: number;
  baseline: number;
  baselineLabel: string;
  /** Whether a larger Contraste figure is the better one (throughput) or the worse (latency). */
  higherIsBetter: boolean;
  /** The target as a ratio bound on contraste/baseline, when it sets one. */
  target?: { max?: number; min?: number };
  /** A target that is not a ratio (Lighthouse score, bytes): checked on the Contraste figure alone. */
  absoluteTarget?: { max?: number; min?: number };
  note?: string;
};

export const ratioOf = (line: BenchLine) => (line.baseline === 0 ? Number.NaN : line.contraste / line.baseline);

function verdict(line: BenchLine): string {
  const ratio = ratioOf(line);
  const within = (value: number, bound?: { max?: number; min?: number }) =>
    !bound || ((bound.max === undefined || value <= bound.max) && (bound.min === undefined || value >= bound.min));
  if (!line.target && !line.absoluteTarget) return "";
  return within(ratio, line.target) && within(line.contraste, line.absoluteTarget) ? "met" : "MISSED";
}

function targetText(line: BenchLine): string {
  const parts: string[] = [];
  if (line.target?.min !== undefined) parts.push(`ratio ≥ ${line.target.min}`);
  if (line.target?.max !== undefined) parts.push(`ratio ≤ ${line.target.max}`);
  if (line.absoluteTarget?.min !== undefined) parts.push(`≥ ${line.absoluteTarget.min} ${line.unit}`);
  if (line.absoluteTarget?.max !== undefined) parts.push(`≤ ${line.absoluteTarget.max} ${line.unit}`);
  return parts.join(", ");
}

const figure = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(value >= 100 ? 0 : 2));

/** Prints the table as Markdown, so it can be pasted into BENCHMARKS.md as it is. */
export function formatTable(lines: BenchLine[]): string {
  const header = ["measure", "Contraste", "baseline", "baseline is", "ratio", "target", ""];
  const rows = lines.map((line) => [
    line.measure,
    `${figure(line.contraste)} ${line.unit}`,
    `${figure(line.baseline)} ${line.unit}`,
    line.baselineLabel,
    Number.isNaN(ratioOf(line)) ? "–" : ratioOf(line).toFixed(2),
    targetText(line),
    verdict(line),
  ]);
  const table = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`);
  const notes = lines.filter((line) => line.note).map((line) => `- ${line.measure}: ${line.note}`);
  return [...table, ...(notes.length ? ["", ...notes] : [])].join("\n");
}
