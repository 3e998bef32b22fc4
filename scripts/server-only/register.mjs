// Loaded with `--import` by every Node process that runs the app's modules outside Next.js's bundles
// (npm start and its web server, the scripts, the benchmarks): `import "server-only"` then resolves
// to the empty module Next.js itself gives server code. Next.js alone tells a client bundle from a
// server one, and fails the build when a client component reaches a marked module; a Node process
// has no client side, and the package's own entry would throw. (Vitest does the same with an alias.)
import { register } from "node:module";

register("./resolve.mjs", import.meta.url);
