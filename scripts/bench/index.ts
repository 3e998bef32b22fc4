// npm run bench [-- --quick] [-- --only a,b] [-- --runs 3] [-- --dry-run]: measures Contraste against
// baselines and prints one table. Creates its own databases and data, and drops them at the end.
// --runs N runs the chosen sections N times (the app is built once) and prints, per line, the median
// and the spread (min–max) of Contraste, the baseline and their ratio, with the machine's load average
// sampled while each run of the section went on. One run prints the single-run table, with the load.
// --dry-run checks that the suite can start (sections load, PostgreSQL answers) and measures nothing.
// BENCH_SKIP_BUILD=1 reuses the build already in NEXT_DIST_DIR (or .next).
import { loadavg } from "node:os";
import { buildApp } from "./app-server";
import { parseBenchOptions, type BenchContext, type BenchSection } from "./context";
import { checkServerReachable, dropAllBenchDatabases } from "./databases";
import { formatRunsTable, formatTable, type LoadSample, type RunLine } from "./report";
import { sections } from "./sections";

const options = parseBenchOptions(
  process.argv.slice(2),
  sections.map((section) => section.id),
);
if ("error" in options) {
  console.error(`[bench] ${options.error}`);
  process.exit(2);
}
const { quick, only, runs } = options;
const log = (message: string) => console.error(`[bench] ${message}`);
const chosen: BenchSection[] = sections.filter((section) => !only || only.includes(section.id));

if (options.dryRun) {
  await checkServerReachable().then(
    () => log("PostgreSQL answers"),
    (error: Error) => log(error.message),
  );
  log(`${runs} run${runs === 1 ? "" : "s"} of ${chosen.length} section${chosen.length === 1 ? "" : "s"}${quick ? " (quick)" : ""}`);
  for (const section of chosen) console.log(`${section.id}. ${section.title}`);
  process.exit(0);
}

/** Samples the one-minute load average every second until stopped; its mean and peak over the samples. */
function sampleLoad(): () => LoadSample {
  const samples = [loadavg()[0]!];
  const timer = setInterval(() => samples.push(loadavg()[0]!), 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    samples.push(loadavg()[0]!);
    return { mean: samples.reduce((sum, sample) => sum + sample, 0) / samples.length, max: Math.max(...samples) };
  };
}

const results: RunLine[][] = [];
let failed = false;
try {
  log("building the production app");
  buildApp();
  for (let run = 1; run <= runs; run += 1) {
    const context: BenchContext = { quick, log, run: { index: run, of: runs } };
    const lines: RunLine[] = [];
    for (const section of chosen) {
      log(`${runs > 1 ? `run ${run} of ${runs}: ` : ""}${section.id}. ${section.title}`);
      const started = performance.now();
      const stopSampling = sampleLoad();
      try {
        const measured = await section.run(context);
        const load = stopSampling();
        lines.push(...measured.map((line) => ({ ...line, load })));
        log(
          `${section.id} took ${((performance.now() - started) / 1000).toFixed(1)} s, load average ${load.mean.toFixed(2)} (peak ${load.max.toFixed(2)})`,
        );
      } catch (error) {
        stopSampling();
        failed = true;
        log(`${section.id} failed: ${(error as Error).stack ?? error}`);
      }
    }
    results.push(lines);
  }
} finally {
  await dropAllBenchDatabases();
}
if (runs === 1) {
  const lines = results[0] ?? [];
  console.log(
    formatTable(
      lines.map(({ load, ...line }) => ({
        ...line,
        note: [line.note, `load average ${load.mean.toFixed(2)} (peak ${load.max.toFixed(2)})`].filter(Boolean).join("; "),
      })),
    ),
  );
} else console.log(formatRunsTable(results));
process.exit(failed ? 1 : 0);
