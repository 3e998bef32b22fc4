// Generates the Prisma client into lib/generated. `prisma generate` does not use the native schema
// engine, but the CLI tries to download it first; pointing it at a no-op keeps installs offline.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const noEngine = fileURLToPath(new URL("./no-schema-engine", import.meta.url));
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: noEngine, CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
