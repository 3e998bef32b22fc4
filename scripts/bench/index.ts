// npm run bench [-- --quick] [-- --only a,b] [-- --dry-run]: measures Contraste against baselines in
// one run and prints one table. Creates its own databases and data, and drops them at the end.
// --dry-run checks that the suite can start (sections load, PostgreSQL answers) and measures nothing.
import { buildApp } from "./app-server";
import type { BenchContext, BenchSection } from "./context";
import { checkServerReachable, dropAllBenchDatabases } from "./databases";
import { formatTable, type BenchLine } from "./report";
import { sections } from "./sections";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyArg = args.find((arg) => arg.startsWith("--only"));
const only = onlyArg ? ((onlyArg.includes("=") ? onlyArg.split("=")[1] : args[args.indexOf(onlyArg) + 1]) ?? "").split(",") : undefined;

const context: BenchContext = { quick, log: (message) => console.error(`[bench] ${message}`) };
const chosen: BenchSection[] = sections.filter((section) => !only || only.includes(section.id));

if (args.includes("--dry-run")) {
  await checkServerReachable().then(
    () => context.log("PostgreSQL answers"),
    (error: Error) => context.log(error.message),
  );
  for (const section of chosen) console.log(`${section.id}. ${section.title}`);
  process.exit(0);
}

const lines: BenchLine[] = [];
let failed = false;
try {
  context.log("building the production app");
  buildApp();
  for (const section of chosen) {
    context.log(`${section.id}. ${section.title}`);
    const started = performance.now();
    try {
      lines.push(...(await section.run(context)));
    } catch (error) {
      failed = true;
      context.log(`${section.id} failed: ${(error as Error).stack ?? error}`);
    }
    context.log(`${section.id} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await dropAllBenchDatabases();
}
console.log(formatTable(lines));
process.exit(failed ? 1 : 0);
