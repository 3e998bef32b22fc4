import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { etagOf } from "@/lib/api/etag";
import { publicJson } from "@/lib/public-api/respond";
import { createCachingHandler, type CachingOptions } from "./caching-handler";
import { EVERYTHING, ResponseCache } from "./response-cache";

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

// What Next.js answers a client-side navigation or a prefetch: not the page a reader gets.
const NEXT_INTERNAL_REQUESTS: [string, Record<string, string>][] = [
  ["?_rsc=1x2y3", {}],
  ["", { "x-middleware-prefetch": "1" }],
  ["", { rsc: "1" }],
  ["", { "next-router-prefetch": "1" }],
  ["", { "next-router-state-tree": "%5B%22%22%5D" }],
  ["", { "next-router-segment-prefetch": "/_tree" }],
  ["", { "next-url": "/en" }],
  ["", { "x-nextjs-data": "1" }],
];

/**
 * A stand-in for Next.js that counts renders and streams a page in two chunks. Like the app, a page
 * says it may be kept (proxy.ts) and the API and feed say so themselves; like Next.js, a prefetch gets
 * `{}` and a navigation gets a component payload.
 */
async function serve(behaviour: Behaviour = () => {}, renderMs = 0, cache = new ResponseCache(), options: CachingOptions = {}) {
  const seen: IncomingMessage[] = [];
  const urls: string[] = [];
  const next = async (req: IncomingMessage, res: ServerResponse) => {
    seen.push(req);
    urls.push(req.url!);
    res.setHeader("vary", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch");
    if (req.headers["x-middleware-prefetch"]) {
      res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
      return res.end("{}");
    }
    if (req.headers.rsc || req.headers["next-router-prefetch"] || req.url!.includes("_rsc=")) {
      // proxy.ts does not see the headers Next.js keeps for itself, and calls the page public.
      res.setHeader("cache-control", "public, max-age=0, must-revalidate");
      res.setHeader("content-type", "text/x-component");
      return res.end('0:{"P":null}\n');
    }
    behaviour(req, res);
    if (res.writableEnded) return;
    if (renderMs) await new Promise((resolve) => setTimeout(resolve, renderMs));
    res.statusCode = res.statusCode || 200;
    if (!res.hasHeader("content-type")) res.setHeader("content-type", "text/html; charset=utf-8");
    if (!res.hasHeader("cache-control")) res.setHeader("cache-control", "public, max-age=0, must-revalidate");
    res.write(`<!doctype html><html lang="en"><head><title>Contraste</title></head><body><p>render ${seen.length} of ${req.url}</p>`);
    res.end(`<footer>${"·".repeat(300)}</footer></body></html>`);
  };
  server = createServer(createCachingHandler(next, cache, options));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    cache,
    port,
    renders: () => seen.length,
    seen,
    urls,
    get: (path: string, headers: Record<string, string> = {}, method = "GET") =>
      fetch(`http://127.0.0.1:${port}${path}`, { headers, method }),
  };
}

/** The paragraph the stand-in writes: which render, of which address. */
const rendered = async (response: Response) => /<p>(.*?)<\/p>/.exec(await response.text())?.[1];

/** node:http, not fetch: fetch would decompress, and sends its own Host. */
function raw(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
    request({ port, host: "127.0.0.1", path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk)).on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("the public response cache in front of Next.js", () => {
  it("renders a public page once, then serves the same bytes from memory with an ETag", async () => {
    const app = await serve();
    const first = await app.get("/en/indicators/a");
    expect(first.headers.get("x-contraste-cache")).toBe("miss");
    const firstBody = await first.text();
    const second = await app.get("/en/indicators/a");
    expect(second.headers.get("x-contraste-cache")).toBe("hit");
    expect(await second.text()).toBe(firstBody);
    expect(app.renders()).toBe(1);
    expect(second.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");

    const revalidated = await app.get("/en/indicators/a", { "if-none-match": second.headers.get("etag")! });
    expect(revalidated.status).toBe(304);
  });

  it("asks Next.js for the plain body and compresses it itself, only for clients that accept gzip", async () => {
    const app = await serve();
    await app.get("/en", { "accept-encoding": "gzip, br" });
    expect(app.seen[0]!.headers["accept-encoding"]).toBeUndefined();
    const gzipped = await raw(app.port, "/en", { "accept-encoding": "gzip" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.body).toString()).toContain("<p>render 1 of /en</p>");
    // q=0 means "not this one".
    for (const refusal of ["gzip;q=0", "identity", "br", "gzip;q=0, *;q=0.5"]) {
      const plain = await raw(app.port, "/en", { "accept-encoding": refusal });
      expect(plain.headers["content-encoding"], refusal).toBeUndefined();
      expect(plain.body.toString(), refusal).toContain("<p>render 1 of /en</p>");
    }
  });

  it("keeps each state of a chart apart, whatever order or spelling its parameters come in", async () => {
    const app = await serve();
    await app.get("/en/indicators/a?view=table");
    expect(await rendered(await app.get("/en/indicators/a"))).toBe("render 2 of /en/indicators/a");
    expect(await rendered(await app.get("/en/indicators/a?view=table"))).toBe("render 1 of /en/indicators/a?view=table");
    await app.get("/en/indicators/a?to=2018&from=2020&hide=ngo,government");
    expect((await app.get("/en/indicators/a?hide=government,ngo&from=2018&to=02020")).headers.get("x-contraste-cache")).toBe("hit");
    // Next.js renders the one address every spelling stands for.
    expect(app.urls).toEqual([
      "/en/indicators/a?view=table",
      "/en/indicators/a",
      "/en/indicators/a?hide=government%2Cngo&from=2018&to=2020",
    ]);
  });

  it("serves unknown parameters the page's one copy: ?z=1…N create no entries and no renders", async () => {
    const app = await serve();
    await app.get("/es");
    await app.get("/en/indicators/a?view=table");
    for (let z = 1; z <= 30; z++) {
      const overview = await app.get(`/es?z=${z}`);
      expect(overview.headers.get("x-contraste-cache")).toBe("hit");
      expect(await rendered(overview)).toBe("render 1 of /es");
      expect((await app.get(`/en/indicators/a?z=${z}&view=table&utm_source=x${z}`)).headers.get("x-contraste-cache")).toBe("hit");
    }
    // Every request was a hit: the two copies are stored, and nothing else was.
    expect(app.cache.size).toBe(2);
    expect(await rendered(await app.get("/en/changes?page=3&q=x"))).toBe("render 3 of /en/changes");
    expect(app.renders()).toBe(3);
    // A copy is stored once it is gzipped, after it was sent.
    await vi.waitFor(() => expect(app.cache.size).toBe(3));
  });

  it("keeps every parameter of the API (which refuses unknown ones), in one order", async () => {
    const app = await serve((req, res) => {
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.setHeader("cache-control", "public, max-age=0, must-revalidate");
      if (req.url!.includes("z=")) {
        res.statusCode = 400;
        res.setHeader("cache-control", "no-store");
        return res.end(JSON.stringify({ error: { code: "invalid_parameter", message: 'Unknown parameter "z".' } }));
      }
      res.end(JSON.stringify({ data: [{ url: req.url }] }));
    });
    await app.get("/api/v1/events?to=2020-01-01&from=2019-01-01");
    const hit = await app.get("/api/v1/events?from=2019-01-01&to=2020-01-01");
    expect(hit.headers.get("x-contraste-cache")).toBe("hit");
    for (let z = 1; z <= 5; z++) expect((await app.get(`/api/v1/events?z=${z}`)).status).toBe(400);
    expect(app.cache.size).toBe(1);
    expect(app.urls[0]).toBe("/api/v1/events?from=2019-01-01&to=2020-01-01");
  });

  it("cannot be flooded by valid variants: the plain pages stay, and each path keeps few variants", async () => {
    const cache = new ResponseCache(64 * 1024);
    const app = await serve(() => {}, 0, cache);
    await app.get("/en");
    await app.get("/en/indicators/a");
    for (let page = 2; page < 80; page++) await app.get(`/en/indicators/a?page=${page}`);
    expect((await app.get("/en")).headers.get("x-contraste-cache")).toBe("hit");
    expect((await app.get("/en/indicators/a")).headers.get("x-contraste-cache")).toBe("hit");
    expect((await app.get("/en/indicators/a?page=79")).headers.get("x-contraste-cache")).toBe("hit");
    expect(cache.size).toBeLessThanOrEqual(2 + 16);
  });

  // Pages write absolute links from the Host (or forwarded host) the reader sent.
  it("keeps a copy per host, so a forged Host or X-Forwarded-Host reaches no other reader", async () => {
    const app = await serve((req, res) =>
      res.setHeader("x-origin", `${req.headers["x-forwarded-proto"] ?? "http"}://${req.headers["x-forwarded-host"] ?? req.headers.host}`),
    );
    const origin = async (headers: Record<string, string> = {}) => (await app.get("/en/indicators/a", headers)).headers.get("x-origin");
    expect(await origin({ "x-forwarded-host": "evil.example" })).toBe("http://evil.example");
    expect(await origin({ "x-forwarded-proto": "javascript" })).toMatch(/^javascript:\/\/127\.0\.0\.1:/);
    const forged = await raw(app.port, "/en/indicators/a", { host: "evil.example" });
    expect(forged.headers["x-origin"]).toBe("http://evil.example");
    expect(await origin()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await origin({ "x-forwarded-host": "evil.example" })).toBe("http://evil.example");
    expect(app.renders()).toBe(4);
  });

  it("with CONTRASTE_PUBLIC_URL, keeps one copy for every Host, rendered for the public origin", async () => {
    const app = await serve(
      (req, res) =>
        res.setHeader("x-origin", `${req.headers["x-forwarded-proto"]}://${req.headers["x-forwarded-host"]}|${req.headers.host}`),
      0,
      new ResponseCache(),
      { publicOrigin: "https://contraste.example" },
    );
    const forged = await raw(app.port, "/en/indicators/a", {
      host: "evil.example",
      "x-forwarded-host": "evil2.example",
      "x-forwarded-proto": "javascript",
    });
    expect(forged.headers["x-origin"]).toBe("https://contraste.example|contraste.example");
    const reader = await app.get("/en/indicators/a");
    expect(reader.headers.get("x-contraste-cache")).toBe("hit");
    expect(reader.headers.get("x-origin")).toBe("https://contraste.example|contraste.example");
    expect(app.renders()).toBe(1);
  });

  it("keeps copies for a few hosts only, so random Host headers cannot fill the memory", async () => {
    const app = await serve();
    await app.get("/en");
    for (let i = 0; i < 20; i++) await raw(app.port, "/en", { host: `h${i}.example` });
    expect(app.cache.size).toBeLessThanOrEqual(8);
    expect((await app.get("/en")).headers.get("x-contraste-cache")).toBe("hit");
  });

  it("never keeps editor pages, writes, errors or personal cookies", async () => {
    const app = await serve((req, res) => {
      if (req.url === "/en/indicators/missing") res.statusCode = 404;
      if (req.url === "/en/sources") res.setHeader("set-cookie", "contraste_session=secret; HttpOnly");
    });
    const twice = async (path: string, headers: Record<string, string> = {}) => {
      await app.get(path, headers);
      return (await app.get(path, headers)).headers.get("x-contraste-cache");
    };
    expect(await twice("/en/editor")).toBeNull();
    expect(await twice("/en/indicators/missing")).toBe("miss");
    expect(await twice("/en/sources")).toBe("miss");
    expect(app.renders()).toBe(6);
  });

  it("keeps a page whose only cookie is the language its URL names", async () => {
    const app = await serve((_req, res) => res.setHeader("set-cookie", "NEXT_LOCALE=en; Path=/; SameSite=lax"));
    await app.get("/en");
    expect((await app.get("/en")).headers.get("x-contraste-cache")).toBe("hit");
  });

  it("lets simultaneous readers of a page that is not cached yet wait for one render", async () => {
    const app = await serve(() => {}, 200);
    const bodies = await Promise.all(Array.from({ length: 20 }, () => app.get("/en/changes").then(rendered)));
    expect(new Set(bodies)).toEqual(new Set(["render 1 of /en/changes"]));
    expect(app.renders()).toBe(1);
  });

  it("serves the next render once the page's data is invalidated", async () => {
    const app = await serve();
    await app.get("/en/indicators/a");
    await app.get("/en/indicators/b");
    app.cache.invalidate(["indicator:a"]);
    expect(await rendered(await app.get("/en/indicators/a"))).toBe("render 3 of /en/indicators/a");
    expect((await app.get("/en/indicators/b")).headers.get("x-contraste-cache")).toBe("hit");
  });
});

describe("what a blanking attempt gets", () => {
  it.each(NEXT_INTERNAL_REQUESTS)(
    "a Next.js-internal request (%s %j) on a cold cache neither reads nor fills it; the next reader gets the full page",
    async (query, headers) => {
      const app = await serve();
      const internal = await app.get(`/en/sources${query}`, headers);
      expect(internal.headers.get("x-contraste-cache")).toBeNull();
      const reader = await app.get("/en/sources");
      expect(reader.headers.get("x-contraste-cache")).toBe("miss");
      const page = await reader.text();
      expect(page).toContain("</html>");
      expect(page).toContain("<p>render 2 of /en/sources</p>");
      expect((await app.get("/en/sources")).headers.get("x-contraste-cache")).toBe("hit");
      // Once the page is kept, an internal request still goes to Next.js, not to the copy, and its answer is not called public.
      const again = await app.get(`/en/sources${query}`, headers);
      expect(app.renders()).toBe(3);
      expect(again.headers.get("cache-control")).not.toMatch(/public/);
    },
  );

  it("keeps only a whole response of the type the route gives", async () => {
    const bodies: Record<string, [string, string]> = {
      "/en": ["text/html; charset=utf-8", "{}"],
      "/en/events": ["application/json", JSON.stringify({ data: "x".repeat(600) })],
      "/en/sources": ["text/html; charset=utf-8", `<!doctype html><html><body>${"x".repeat(600)}`],
      "/en/api-docs": ["text/html", "<html></html>"],
      "/en/changes/feed.xml": ["text/html; charset=utf-8", `<!doctype html><html><body>${"x".repeat(600)}</body></html>`],
      "/api/v1/sources": ["text/html; charset=utf-8", `<!doctype html><html><body>${"x".repeat(600)}</body></html>`],
      "/api/v1/indicators": ["application/json; charset=utf-8", "{}"],
    };
    const app = await serve((req, res) => {
      const [type, body] = bodies[req.url!]!;
      res.setHeader("content-type", type);
      res.end(body);
    });
    for (const path of Object.keys(bodies)) {
      await app.get(path);
      expect((await app.get(path)).headers.get("x-contraste-cache"), path).toBe("miss");
    }
    expect(app.cache.size).toBe(0);
  });

  it("keeps the feed, the API's JSON and its CSV", async () => {
    const app = await serve((req, res) => {
      res.setHeader("cache-control", "public, max-age=0, must-revalidate");
      const [type, body] = req.url!.startsWith("/en/changes/feed.xml")
        ? ["application/atom+xml; charset=utf-8", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`]
        : req.url!.includes("format=csv")
          ? ["text/csv; charset=utf-8", "indicator,value\nhomicide_rate,1.9\n"]
          : ["application/json; charset=utf-8", JSON.stringify({ data: [1, 2, 3] })];
      res.setHeader("content-type", type);
      res.end(body);
    });
    for (const path of ["/en/changes/feed.xml", "/api/v1/indicators/a/observations?format=csv", "/api/v1/indicators"]) {
      await app.get(path);
      expect((await app.get(path)).headers.get("x-contraste-cache"), path).toBe("hit");
    }
  });

  it("keeps no response over its size limit, and no response that says private or no-store", async () => {
    const app = await serve((req, res) => {
      if (req.url === "/en/events") res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
      if (req.url === "/en/sources") res.setHeader("cache-control", "no-store");
      if (req.url === "/en/api-docs") {
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("cache-control", "public, max-age=0, must-revalidate");
        res.write(`<!doctype html><html><body>${"x".repeat(9 * 1024 * 1024)}`);
      }
    });
    for (const path of ["/en/events", "/en/sources", "/en/api-docs"]) {
      await (await app.get(path)).arrayBuffer();
      expect((await app.get(path)).headers.get("x-contraste-cache"), path).toBe("miss");
    }
    expect(app.cache.size).toBe(0);
  });

  it("never lets a HEAD request fill the cache with an empty body", async () => {
    const app = await serve();
    await app.get("/en/events", {}, "HEAD");
    const page = await app.get("/en/events");
    expect(await page.text()).toContain("</html>");
  });
});

describe("what a cached copy says", () => {
  it("says what the fresh render said: Cache-Control, Vary (with Accept-Encoding) and the page's own ETag", async () => {
    const app = await serve((req, res) => {
      if (req.url!.startsWith("/api/")) {
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.setHeader("cache-control", "public, max-age=0, must-revalidate");
        res.setHeader("etag", '"from-the-api"');
        res.end(JSON.stringify({ data: [] }));
      }
    });
    for (const path of ["/en/events", "/api/v1/events"]) {
      const fresh = await app.get(path);
      const cached = await app.get(path);
      expect(cached.headers.get("x-contraste-cache")).toBe("hit");
      expect(fresh.headers.get("cache-control"), path).toBe("public, max-age=0, must-revalidate");
      expect(cached.headers.get("cache-control"), path).toBe(fresh.headers.get("cache-control"));
      for (const response of [fresh, cached]) {
        const vary = response.headers
          .get("vary")!
          .toLowerCase()
          .split(/\s*,\s*/);
        expect(vary, path).toEqual(expect.arrayContaining(["accept-encoding", "rsc", "next-router-state-tree", "next-router-prefetch"]));
      }
    }
    const api = await app.get("/api/v1/events");
    expect(api.headers.get("etag")).toBe('"from-the-api"');
    expect((await app.get("/api/v1/events", { "if-none-match": '"from-the-api"' })).status).toBe(304);
  });

  it("renders for a reader: an editor's cookies and credentials never reach the render that is kept", async () => {
    const app = await serve((req, res) => {
      if (req.headers.cookie?.includes("contraste_session")) res.setHeader("x-signed-in", "yes");
    });
    const editor = await app.get("/en/indicators/a", {
      cookie: "contraste_session=editor-secret; NEXT_LOCALE=en",
      authorization: "Bearer ctk_secret",
    });
    expect(editor.headers.get("x-signed-in")).toBeNull();
    expect(app.seen[0]!.headers.cookie).toBeUndefined();
    expect(app.seen[0]!.headers.authorization).toBeUndefined();
    const reader = await app.get("/en/indicators/a");
    expect(reader.headers.get("x-contraste-cache")).toBe("hit");
    expect(reader.headers.get("x-signed-in")).toBeNull();
  });
});

describe("one ETag, cached or not", () => {
  const payload = { data: [{ id: "a" }] };
  /** The API as lib/public-api/respond.ts answers it: with the ETag of its body. */
  const api: Behaviour = (req, res) => {
    if (!req.url!.startsWith("/api/")) return;
    const answer = publicJson(new Request(`http://127.0.0.1${req.url}`), payload);
    answer.headers.forEach((value, name) => res.setHeader(name, value));
    res.end(JSON.stringify(payload));
  };
  /** A page that renders the same bytes every time, as an unchanged page does. */
  const page = `<!doctype html><html lang="en"><body><p>the same</p><footer>${"·".repeat(300)}</footer></body></html>`;
  const samePage: Behaviour = (req, res) => {
    if (req.url!.startsWith("/api/")) return;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=0, must-revalidate" });
    res.write(page.slice(0, 100));
    res.end(page.slice(100));
  };

  it("a cached page carries the ETag the API gives the same bytes", async () => {
    const app = await serve(samePage);
    await app.get("/en/indicators/a");
    const cached = await app.get("/en/indicators/a");
    expect(cached.headers.get("x-contraste-cache")).toBe("hit");
    expect(cached.headers.get("etag")).toBe(etagOf(page));
  });

  it("a client that got its ETag from an answer the cache no longer holds revalidates it with a 304", async () => {
    const app = await serve(api);
    const fresh = await app.get("/api/v1/events");
    expect(fresh.headers.get("x-contraste-cache")).toBe("miss");
    const etag = fresh.headers.get("etag")!;
    expect(etag).toBe(etagOf(JSON.stringify(payload)));
    // A write elsewhere drops every copy; the data this client holds has not changed.
    app.cache.invalidate([EVERYTHING]);
    const revalidated = await app.get("/api/v1/events", { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(await revalidated.text()).toBe("");
    // The render it waited for is kept, and answers the next revalidation from memory.
    const again = await app.get("/api/v1/events", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("x-contraste-cache")).toBe("hit");
    expect(app.renders()).toBe(2);
  });

  it("a page's ETag from the cache still gets a 304 once the page has been rendered again, unchanged", async () => {
    const app = await serve(samePage);
    await app.get("/en/indicators/a");
    const etag = (await app.get("/en/indicators/a")).headers.get("etag")!;
    app.cache.invalidate([EVERYTHING]);
    const revalidated = await app.get("/en/indicators/a", { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(app.renders()).toBe(2);
  });

  it("a revalidation of a changed page gets the new page, with its new ETag", async () => {
    const app = await serve();
    await app.get("/en/indicators/a");
    const old = (await app.get("/en/indicators/a")).headers.get("etag")!;
    app.cache.invalidate([EVERYTHING]);
    const revalidated = await app.get("/en/indicators/a", { "if-none-match": old });
    expect(revalidated.status).toBe(200);
    const body = await revalidated.text();
    expect(body).toContain("render 2 of /en/indicators/a");
    expect(revalidated.headers.get("etag")).toBe(etagOf(body));
    expect((await app.get("/en/indicators/a", { "if-none-match": etagOf(body) })).status).toBe(304);
  });
});
