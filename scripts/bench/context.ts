import type { BenchLine } from "./report";

export type BenchContext = {
  /** Smoke mode (`--quick`): tiny sizes and durations, to check the suite starts and finishes. */
  quick: boolean;
  log(message: string): void;
};

export type BenchSection = { id: string; title: string; run(context: BenchContext): Promise<BenchLine[]> };
