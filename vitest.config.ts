import path from "node:path";
import { defineConfig } from "vitest/config";

// Outside Next.js, `import "server-only"` is the empty module Next.js gives server code (as
// scripts/server-only/register.mjs does for Node): the tests run server code, and have no client side.
const alias = { "@": path.resolve(import.meta.dirname), "server-only": "next/dist/compiled/server-only/empty.js" };
const setupFiles = ["vitest.setup.ts"];
// next-intl's navigation imports "next/navigation" without the extension Node's ESM resolver needs;
// bundled by Vite, it resolves as it does in Next.js.
const server = { deps: { inline: ["next-intl"] } };
const dbTests = ["**/*.db.test.ts"];
// Stops and starts a PostgreSQL cluster of its own: needs root and the production build (npm run test:faults).
const faultTests = ["**/*.faults.test.ts"];

// Pure tests run once; database tests run against a real PostgreSQL server and again against the
// embedded PGlite, since the product ships on both.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          server,
          name: "unit",
          include: ["{lib,server,testing,components,app,scripts}/**/*.test.ts?(x)"],
          exclude: [...dbTests, ...faultTests],
        },
      },
      {
        resolve: { alias },
        test: {
          server,
          name: "postgres",
          include: dbTests,
          setupFiles,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          env: { CONTRASTE_TEST_DB: "postgres" },
        },
      },
      { resolve: { alias }, test: { server, name: "faults", include: faultTests, setupFiles, testTimeout: 180_000, hookTimeout: 180_000 } },
      {
        resolve: { alias },
        test: {
          server,
          name: "embedded",
          include: dbTests,
          setupFiles,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          env: { CONTRASTE_TEST_DB: "embedded" },
        },
      },
    ],
  },
});
