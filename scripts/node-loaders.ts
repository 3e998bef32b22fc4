import { fileURLToPath } from "node:url";

/**
 * How a child process runs the app's TypeScript, as package.json's scripts do: tsx compiles it (as a
 * loader, not its CLI, so no process sits in between that could outlive a stop), and
 * server-only/register.mjs lets it load modules marked `import "server-only"`.
 */
export const TYPESCRIPT_LOADERS = ["--import", "tsx", "--import", fileURLToPath(new URL("./server-only/register.mjs", import.meta.url))];
