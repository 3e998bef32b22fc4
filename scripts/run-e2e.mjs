// npm run test:e2e: builds the production app and runs the Playwright journeys in e2e/.
// Uses Debian's Chromium when present (offline machines); otherwise Playwright's own browser,
// downloaded here where the internet allows.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const run = (command, args, env = process.env) => {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;

run("npx", ["next", "build"], env);

const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (candidate) => candidate && existsSync(candidate),
);
if (systemChromium) env.E2E_CHROMIUM_PATH = systemChromium;
else run("npx", ["playwright", "install", "chromium"], env);

const dataDir = mkdtempSync(path.join(tmpdir(), "contraste-e2e-"));
env.CONTRASTE_DATA_DIR = dataDir;
try {
  run("npx", ["playwright", "test", ...process.argv.slice(2)], env);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
