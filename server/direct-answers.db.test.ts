import type { Server } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSqlPool } from "@/lib/db/sql";
import { seedFromFiles } from "@/lib/dataset/load-seed";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import { closeGracefully, createWebServer } from "./web-server";

// The observations endpoint is answered before Next.js in production. Whatever a client asks, the
// answer must be the one the route module gives, with the headers next.config.js gives every /api path.

let database: TestDatabase;
let server: Server;
let base: string;
let route: typeof import("@/app/api/v1/indicators/[slug]/observations/route");
const nextSaw: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await seedFromFiles(database.db);
  route = await import("@/app/api/v1/indicators/[slug]/observations/route");
  const { directAnswer } = await import("./direct-answers");
  server = createWebServer({
    next: (req, res) => {
      nextSaw.push(`${req.method} ${req.url}`);
      res.writeHead(418, { "content-type": "text/plain" });
      res.end("Next.js");
    },
    direct: directAnswer,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await closeGracefully(server, 1000);
  await closeSqlPool();
  await database.drop();
});

const FIRST_PAGE = "/api/v1/indicators/homicide_rate/observations";
const WHOLE_CSV = "/api/v1/indicators/homicide_rate/observations?all=true&format=csv";
const UNKNOWN = "/api/v1/indicators/no_such_indicator/observations";
const ASKED = [
  "/api/v1/indicators/homicide_rate/observations",
  "/api/v1/indicators/homicide_rate/observations?limit=3",
  "/api/v1/indicators/homicide_rate/observations?limit=3&format=csv",
  "/api/v1/indicators/homicide_rate/observations?producerType=government&from=2020-01-01",
  "/api/v1/indicators/homicide_rate/observations?hide=government&includeRetracted=true",
  "/api/v1/indicators/homicide_rate/observations?sources=firsthand&all=true&format=csv",
  "/api/v1/indicators/homicide_rate/observations?sources=everything",
  "/api/v1/indicators/homicide_rate/observations?all=true",
  "/api/v1/indicators/homicide_rate/observations?all=true&format=csv",
  "/api/v1/indicators/homicide_rate/observations?from=2024-01-01&to=2020-01-01",
  "/api/v1/indicators/homicide_rate/observations?limit=many",
  "/api/v1/indicators/homicide_rate/observations?cursor=not-a-cursor",
  "/api/v1/indicators/no_such_indicator/observations",
  "/api/v1/indicators/homicide%5Frate/observations",
];

/** What the route module answers, as Next.js would call it. */
async function fromRoute(path: string, headers: Record<string, string> = {}) {
  const slug = decodeURIComponent(/^\/api\/v1\/indicators\/([^/]+)\//.exec(path)![1]!);
  return route.GET(new Request(`http://contraste.test${path}`, { headers }), { params: Promise.resolve({ slug }) });
}

const stable = (body: string) => body.replace(/"retrievedAt":"\d{4}-\d{2}-\d{2}"/g, "").replace(/\d{4}-\d{2}-\d{2}\r?\n/g, "\n");

describe("the observations endpoint answered before Next.js", () => {
  it("gives the route module's status, body and headers for every kind of question, and never reaches Next.js", async () => {
    for (const path of ASKED) {
      const [direct, expected] = [await fetch(`${base}${path}`), await fromRoute(path)];
      expect(direct.status, path).toBe(expected.status);
      expect(stable(await direct.text()), path).toBe(stable(await expected.text()));
      for (const name of ["content-type", "cache-control", "etag", "link", "content-disposition", "access-control-allow-origin"]) {
        expect(direct.headers.get(name), `${path} ${name}`).toBe(expected.headers.get(name));
      }
    }
    expect(nextSaw).toEqual([]);
  });

  it("carries the headers every /api answer carries", async () => {
    for (const path of [ASKED[1]!, WHOLE_CSV, UNKNOWN]) {
      const headers = (await fetch(`${base}${path}`)).headers;
      expect(headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers.get("x-frame-options"), path).toBe("DENY");
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(headers.get("permissions-policy"), path).toContain("camera=()");
    }
  });

  it("answers 304 to a current ETag, HEAD without a body, and gzip to a client that takes it", async () => {
    const first = await fetch(`${base}${FIRST_PAGE}`);
    const etag = first.headers.get("etag")!;
    const again = await fetch(`${base}${FIRST_PAGE}`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    const head = await fetch(`${base}${FIRST_PAGE}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(etag);
    expect(await head.text()).toBe("");

    const plain = await (await fetch(`${base}${FIRST_PAGE}`)).text();
    for (const path of [FIRST_PAGE, WHOLE_CSV]) {
      const zipped = await rawGet(`${base}${path}`, { "accept-encoding": "gzip" });
      expect(zipped.headers["content-encoding"], path).toBe("gzip");
      const unzipped = gunzipSync(zipped.body).toString("utf8");
      expect(stable(unzipped), path).toBe(stable(path === FIRST_PAGE ? plain : await (await fetch(`${base}${path}`)).text()));
    }
  });

  it("leaves everything else to Next.js: other methods, a trailing slash, other API paths", async () => {
    nextSaw.length = 0;
    await fetch(`${base}${FIRST_PAGE}`, { method: "OPTIONS" });
    await fetch(`${base}${FIRST_PAGE}/`);
    await fetch(`${base}/api/v1/indicators/homicide_rate`);
    await fetch(`${base}/api/v1/observations?limit=1`);
    expect(nextSaw).toEqual([
      `OPTIONS ${FIRST_PAGE}`,
      `GET ${FIRST_PAGE}/`,
      "GET /api/v1/indicators/homicide_rate",
      "GET /api/v1/observations?limit=1",
    ]);
  });
});

/** A GET whose body stays as sent (fetch would undo the gzip). */
async function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}
