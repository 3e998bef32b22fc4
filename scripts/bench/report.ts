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

/** The machine's one-minute load average (os.loadavg) sampled while a section ran. */
export type LoadSample = { mean: number; max: number };

/** One run's lines, each with the load average sampled while its section ran. */
export type RunLine = BenchLine & { load: LoadSample };

/** Middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What a line measured over several runs: the median and the spread of each figure. */
export type LineSummary = {
  /** The first run's line: its labels, unit and targets. */
  line: BenchLine;
  runs: number;
  contraste: Spread;
  baseline: Spread;
  ratio: Spread;
  /** Load average while the line's section ran, one per run in which it was measured. */
  loads: LoadSample[];
};

export type Spread = { median: number; min: number; max: number };

const spreadOf = (values: number[]): Spread => {
  const known = values.filter((value) => !Number.isNaN(value));
  return known.length
    ? { median: median(known), min: Math.min(...known), max: Math.max(...known) }
    : { median: Number.NaN, min: Number.NaN, max: Number.NaN };
};

/** Gathers each measure's lines across runs, in the order the measures first appeared; the ratio's spread is over each run's own ratio. */
export function summarizeRuns(runs: RunLine[][]): LineSummary[] {
  const byMeasure = new Map<string, RunLine[]>();
  for (const run of runs)
    for (const line of run) {
      const lines = byMeasure.get(line.measure) ?? [];
      lines.push(line);
      byMeasure.set(line.measure, lines);
    }
  return [...byMeasure.values()].map((lines) => ({
    line: lines[0]!,
    runs: lines.length,
    contraste: spreadOf(lines.map((line) => line.contraste)),
    baseline: spreadOf(lines.map((line) => line.baseline)),
    ratio: spreadOf(lines.map(ratioOf)),
    loads: lines.map((line) => line.load),
  }));
}

const spreadText = (spread: Spread, digits?: number) => {
  const show = (value: number) => (Number.isNaN(value) ? "–" : digits === undefined ? figure(value) : value.toFixed(digits));
  return spread.min === spread.max ? show(spread.median) : `${show(spread.median)} (${show(spread.min)}–${show(spread.max)})`;
};

/**
 * Prints several runs as one Markdown table: per measure, the median and the spread (min–max) of
 * Contraste, the baseline and their ratio, the verdict on the median ratio, and the load average
 * (mean, peak) sampled while the measure's section ran in each run.
 */
export function formatRunsTable(runs: RunLine[][]): string {
  const summaries = summarizeRuns(runs);
  const header = [
    "measure",
    "Contraste, median (min–max)",
    "baseline, median (min–max)",
    "baseline is",
    "ratio, median (min–max)",
    "target",
    "",
    "runs",
    "load average per run (mean/peak)",
  ];
  const rows = summaries.map((summary) => {
    const { line } = summary;
    const medianLine: BenchLine = { ...line, contraste: summary.contraste.median, baseline: summary.baseline.median };
    // The verdict is on the median of the runs' ratios, which need not be the ratio of the medians.
    const verdictLine: BenchLine = { ...medianLine, contraste: summary.ratio.median, baseline: 1 };
    const onRatio = verdict({ ...verdictLine, absoluteTarget: undefined });
    const onFigure = verdict({ ...medianLine, target: undefined });
    const verdicts = [line.target ? onRatio : "", line.absoluteTarget ? onFigure : ""].filter(Boolean);
    return [
      line.measure,
      `${spreadText(summary.contraste)} ${line.unit}`,
      `${spreadText(summary.baseline)} ${line.unit}`,
      line.baselineLabel,
      spreadText(summary.ratio, 2),
      targetText(line),
      verdicts.includes("MISSED") ? "MISSED" : verdicts.length ? "met" : "",
      `${summary.runs} of ${runs.length}`,
      summary.loads.map((load) => `${load.mean.toFixed(1)}/${load.max.toFixed(1)}`).join(", "),
    ];
  });
  const table = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`);
  const notes = summaries.filter((summary) => summary.line.note).map((summary) => `- ${summary.line.measure}: ${summary.line.note}`);
  return [...table, ...(notes.length ? ["", ...notes] : [])].join("\n");
}
