import { defineConfig, devices } from "@playwright/test";

// scripts/run-e2e.mjs builds the app, picks the browser and an empty data folder, then runs this.
const port = Number(process.env.E2E_PORT ?? 3100);
const chromiumPath = process.env.E2E_CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        // The embed test frames 127.0.0.1 from a page of another origin; Chromium's local-network
        // checks would block that here, though public sites embedding a public Contraste are unaffected.
        "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessRespectPreflightResults",
      ],
    },
  },
  projects: [
    // Read-only journeys first, on the untouched dataset; then the first-run journey, which needs a
    // database with no users; then the editors' journeys, which sign in as the admin it created.
    { name: "public", testIgnore: /editor-.*\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "first-run",
      testMatch: /editor-publishes-a-figure\.spec\.ts/,
      dependencies: ["public"],
      use: { ...devices["Desktop Chrome"] },
    },
    {
      name: "editors",
      testMatch: /editor-(?!publishes-a-figure).*\.spec\.ts/,
      dependencies: ["first-run"],
      use: { ...devices["Desktop Chrome"] },
    },
  ],
  webServer: {
    // The production server with no DATABASE_URL, on an empty data folder: it must migrate and seed itself.
    command: "npm start",
    url: `http://127.0.0.1:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    // The server logs every request as a JSON line; errors still reach stderr, which Playwright shows.
    stdout: "ignore",
    env: { PORT: String(port), HOSTNAME: "127.0.0.1" },
  },
});
