import type { BenchLine } from "./report";

export type BenchContext = {
  /** Smoke mode (`--quick`): tiny sizes and durations, to check the suite starts and finishes. */
  quick: boolean;
  log(message: string): void;
  /** Which run this is with `--runs N` (1-based); absent when a section is run on its own. */
  run?: { index: number; of: number };
};

export type BenchSection = { id: string; title: string; run(context: BenchContext): Promise<BenchLine[]> };

/** What `npm run bench` was asked for on its command line. */
export type BenchOptions = { quick: boolean; dryRun: boolean; only: string[] | undefined; runs: number };

export const MAX_RUNS = 20;

/**
 * Reads `--quick`, `--dry-run`, `--only a,b` (or `--only=a,b`) and `--runs N` (or `--runs=N`); an
 * error for a run count that is not a whole number from 1 to MAX_RUNS or a section that does not exist.
 */
export function parseBenchOptions(args: string[], sectionIds: string[]): BenchOptions | { error: string } {
  const optionValue = (name: string): string | undefined => {
    const flag = `--${name}`;
    const inline = args.find((arg) => arg.startsWith(`${flag}=`));
    if (inline) return inline.slice(flag.length + 1);
    const index = args.indexOf(flag);
    return index >= 0 ? (args[index + 1] ?? "") : undefined;
  };
  const onlyText = optionValue("only");
  const only = onlyText === undefined ? undefined : onlyText.split(",").filter(Boolean);
  const unknown = (only ?? []).filter((id) => !sectionIds.includes(id));
  if (unknown.length) return { error: `no section ${unknown.join(", ")}; the sections are ${sectionIds.join(", ")}` };
  const runsText = optionValue("runs") ?? "1";
  const runs = Number(runsText);
  if (!/^[1-9][0-9]*$/.test(runsText) || runs > MAX_RUNS)
    return { error: `--runs takes a whole number from 1 to ${MAX_RUNS} (got "${runsText}")` };
  return { quick: args.includes("--quick"), dryRun: args.includes("--dry-run"), only, runs };
}
