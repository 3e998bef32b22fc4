import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createCachingHandler } from "./caching-handler";
import { ResponseCache } from "./response-cache";

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A stand-in for Next.js that counts renders and streams its page in two chunks. */
async function serve(behaviour: Behaviour = () => {}, renderMs = 0) {
  const cache = new ResponseCache();
  const seen: IncomingMessage[] = [];
  const next = async (req: IncomingMessage, res: ServerResponse) => {
    seen.push(req);
    behaviour(req, res);
    if (res.writableEnded) return;
    if (renderMs) await new Promise((resolve) => setTimeout(resolve, renderMs));
    res.statusCode = res.statusCode || 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", "private, no-store");
    res.write(`<p>render ${seen.length} of ${req.url}`);
    res.end("</p>");
  };
  server = createServer(createCachingHandler(next, cache));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { cache, renders: () => seen.length, seen, get: (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}${path}`, { headers }) };
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

  it("asks Next.js for the plain body and compresses it itself", async () => {
    const app = await serve();
    await app.get("/en", { "accept-encoding": "gzip, br" });
    expect(app.seen[0]!.headers["accept-encoding"]).toBeUndefined();
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
      const { port } = server!.address() as { port: number };
      import("node:http").then(({ get }) =>
        get({ port, host: "127.0.0.1", path: "/en", headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk)).on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        }),
      );
    });
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toBe("<p>render 1 of /en</p>");
  });

  it("keeps each query string apart", async () => {
    const app = await serve();
    await app.get("/en/indicators/a?view=table");
    expect(await (await app.get("/en/indicators/a")).text()).toBe("<p>render 2 of /en/indicators/a</p>");
    expect(await (await app.get("/en/indicators/a?view=table")).text()).toBe("<p>render 1 of /en/indicators/a?view=table</p>");
  });

  // Pages write absolute links from the Host (or forwarded host) the reader sent.
  it("keeps a copy per host, so a forged Host or X-Forwarded-Host reaches no other reader", async () => {
    const app = await serve((req, res) => res.setHeader("x-origin", `${req.headers["x-forwarded-proto"] ?? "http"}://${req.headers["x-forwarded-host"] ?? req.headers.host}`));
    const origin = async (headers: Record<string, string> = {}) => (await app.get("/en/indicators/a", headers)).headers.get("x-origin");
    expect(await origin({ "x-forwarded-host": "evil.example" })).toBe("http://evil.example");
    expect(await origin({ "x-forwarded-proto": "javascript" })).toMatch(/^javascript:\/\/127\.0\.0\.1:/);
    // fetch sends its own Host whatever it is given.
    const { port } = server!.address() as { port: number };
    const { get } = await import("node:http");
    const forged = await new Promise((resolve) => get({ port, host: "127.0.0.1", path: "/en/indicators/a", headers: { host: "evil.example" } }, (res) => resolve(res.resume().headers["x-origin"])));
    expect(forged).toBe("http://evil.example");
    expect(await origin()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await origin({ "x-forwarded-host": "evil.example" })).toBe("http://evil.example");
    expect(app.renders()).toBe(4);
  });

  it("never keeps editor pages, writes, client navigations, errors or personal cookies", async () => {
    const app = await serve((req, res) => {
      if (req.url === "/en/indicators/missing") res.statusCode = 404;
      if (req.url === "/en/sources") res.setHeader("set-cookie", "contraste_session=secret; HttpOnly");
    });
    const twice = async (path: string, headers: Record<string, string> = {}) => {
      await app.get(path, headers);
      return (await app.get(path, headers)).headers.get("x-contraste-cache");
    };
    expect(await twice("/en/editor")).toBeNull();
    expect(await twice("/en/indicators/a", { rsc: "1" })).toBeNull();
    expect(await twice("/en/indicators/missing")).toBe("miss");
    expect(await twice("/en/sources")).toBe("miss");
    expect(app.renders()).toBe(8);
  });

  it("keeps a page whose only cookie is the language its URL names", async () => {
    const app = await serve((_req, res) => res.setHeader("set-cookie", "NEXT_LOCALE=en; Path=/; SameSite=lax"));
    await app.get("/en");
    expect((await app.get("/en")).headers.get("x-contraste-cache")).toBe("hit");
  });

  it("lets simultaneous readers of a page that is not cached yet wait for one render", async () => {
    const app = await serve(() => {}, 200);
    const bodies = await Promise.all(Array.from({ length: 20 }, () => app.get("/en/changes").then((r) => r.text())));
    expect(new Set(bodies)).toEqual(new Set(["<p>render 1 of /en/changes</p>"]));
    expect(app.renders()).toBe(1);
  });

  it("serves the next render once the page's data is invalidated", async () => {
    const app = await serve();
    await app.get("/en/indicators/a");
    await app.get("/en/indicators/b");
    app.cache.invalidate(["indicator:a"]);
    expect(await (await app.get("/en/indicators/a")).text()).toBe("<p>render 3 of /en/indicators/a</p>");
    expect((await app.get("/en/indicators/b")).headers.get("x-contraste-cache")).toBe("hit");
  });
});
