import { request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ResponseCache } from "./cache/response-cache";
import { formatLogLine, redact } from "../lib/observability/logger";
import { currentRequestId } from "../lib/observability/request-context";
import { CLIENT_ADDRESS_HEADER } from "../lib/api/client-address";
import { closeGracefully, createWebServer, listenHostname, MAX_PATH_LENGTH, type WebServerOptions } from "./web-server";

let server: Server | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  if (server?.listening) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

/** What a public page looks like to the cache: a whole HTML document the app marks public (proxy.ts). */
function page(res: ServerResponse, text: string) {
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("cache-control", "public, max-age=0, must-revalidate");
  res.end(`<!doctype html><html><head><title>Contraste</title></head><body><p>${text}</p>${" ".repeat(600)}</body></html>`);
}

async function start(options: Partial<WebServerOptions> & { next?: (req: IncomingMessage, res: ServerResponse) => void } = {}) {
  server = createWebServer({
    next: options.next ?? ((_req, res) => res.end("ok")),
    cache: options.cache,
    databaseIsUp: options.databaseIsUp,
    trustedProxies: options.trustedProxies,
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${path}`, init);
}

describe("the client's address", () => {
  const seenAddress = (seen: string[]) => (req: IncomingMessage, res: ServerResponse) => {
    seen.push(String(req.headers[CLIENT_ADDRESS_HEADER]));
    res.end("ok");
  };

  it("is the socket's peer when no proxy is trusted: a forged X-Forwarded-For or stamp is ignored", async () => {
    const seen: string[] = [];
    const get = await start({ next: seenAddress(seen) });
    await get("/en", { headers: { "x-forwarded-for": "198.51.100.7", [CLIENT_ADDRESS_HEADER]: "192.0.2.1" } });
    expect(seen).toEqual(["127.0.0.1"]);
  });

  it("is what the trusted proxy appended, not what the client wrote before it", async () => {
    const seen: string[] = [];
    const get = await start({ next: seenAddress(seen), trustedProxies: 1 });
    await get("/en", { headers: { "x-forwarded-for": "192.0.2.1, 198.51.100.7" } });
    expect(seen).toEqual(["198.51.100.7"]);
  });
});

describe("where npm start listens", () => {
  it("is loopback unless HOSTNAME opens it to the network", async () => {
    expect(listenHostname({})).toBe("127.0.0.1");
    expect(listenHostname({ HOSTNAME: "" })).toBe("127.0.0.1");
    expect(listenHostname({ HOSTNAME: "0.0.0.0" })).toBe("0.0.0.0");
    server = createWebServer({ next: (_req, res) => res.end("ok") });
    await new Promise<void>((resolve) => server!.listen(0, listenHostname({}), resolve));
    expect((server.address() as { address: string }).address).toBe("127.0.0.1");
  });
});

describe("graceful shutdown", () => {
  it("finishes the requests in flight, then refuses new ones", async () => {
    const get = await start({ next: (_req, res) => void setTimeout(() => res.end("finished"), 300) });
    const inFlight = get("/en/editor");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = closeGracefully(server!);
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("finished");
    await closed;
    await expect(get("/en/editor")).rejects.toThrow();
  });
});

describe("request ids and logs", () => {
  it("gives every response a request id, keeps a proxy's plausible one, and logs one JSON line without secrets", async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    let seenInside: string | undefined;
    const get = await start({ next: (_req, res) => ((seenInside = currentRequestId()), res.end("ok")) });
    const fresh = await get("/en/editor?token=abc123&view=table", {
      headers: { cookie: "contraste_session=s3cret", authorization: "Bearer t0ken" },
    });
    const id = fresh.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenInside).toBe(id);
    expect((await get("/en", { headers: { "x-request-id": "edge-4f1c2a9b" } })).headers.get("x-request-id")).toBe("edge-4f1c2a9b");
    expect((await get("/en", { headers: { "x-request-id": "not an id" } })).headers.get("x-request-id")).not.toBe("not an id");

    const entry = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.requestId === id)!;
    expect(entry).toMatchObject({
      level: "info",
      message: "request",
      method: "GET",
      status: 200,
      path: "/en/editor?token=%5Bredacted%5D&view=table",
    });
    expect(lines.join("")).not.toMatch(/s3cret|t0ken|abc123/);
  });

  it("gives a copy from the cache its own request id, not the one of the request that filled it", async () => {
    const get = await start({ cache: new ResponseCache(), next: (_req, res) => page(res, "rendered") });
    const filler = await get("/en/events", { headers: { "x-request-id": "filler-0001" } });
    expect(filler.headers.get("x-request-id")).toBe("filler-0001");
    const hit = await get("/en/events");
    expect(hit.headers.get("x-contraste-cache")).toBe("hit");
    expect(hit.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const another = await get("/en/events", { headers: { "x-request-id": "reader-0002" } });
    expect(another.headers.get("x-request-id")).toBe("reader-0002");
  });

  it("redacts passwords, tokens, cookies and sessions at any depth, and passwords in connection strings", () => {
    expect(redact({ email: "a@example.org", password: "p", nested: { apiToken: "t", list: [{ sessionId: "s" }] } })).toEqual({
      email: "a@example.org",
      password: "[redacted]",
      nested: { apiToken: "[redacted]", list: [{ sessionId: "[redacted]" }] },
    });
    expect(JSON.parse(formatLogLine("error", "connect failed: postgresql://app:hunter2@db:5432/contraste")).message).toBe(
      "connect failed: postgresql://app:[redacted]@db:5432/contraste",
    );
  });
});

describe("while the database is away", () => {
  it("answers 503 with Retry-After to what needs it, still serves the cache, and keeps health checks answering", async () => {
    let up = true;
    const cache = new ResponseCache();
    const get = await start({ cache, databaseIsUp: () => up, next: (_req, res) => page(res, "rendered") });
    await get("/en/events");
    up = false;

    const unavailable = await get("/en/sources");
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("5");
    expect(await unavailable.text()).toContain("unavailable for a moment");
    const api = await get("/api/editor/observations", { method: "POST", body: "{}" });
    expect(api.status).toBe(503);
    expect((await api.json()).error.code).toBe("database_unavailable");
    expect((await get("/en/events")).headers.get("x-contraste-cache")).toBe("hit");
    expect((await get("/api/health")).status).toBe(200);

    up = true;
    expect((await get("/en/sources")).status).toBe(200);
  });
});

describe("requests Next.js would answer with a 500", () => {
  /** node:http, not fetch: fetch refuses TRACE itself. */
  const send = (method: string, path: string) =>
    new Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }>((resolve, reject) => {
      const { port } = server!.address() as { port: number };
      const req = request({ host: "127.0.0.1", port, method, path }, (res) => {
        let body = "";
        res
          .setEncoding("utf8")
          .on("data", (chunk: string) => (body += chunk))
          .on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on("error", reject).end();
    });

  it("refuses a path whose percent-encoding does not decode with a 400, in the API's error shape under /api/", async () => {
    const seen: string[] = [];
    const cache = new ResponseCache();
    await start({ cache, next: (req, res) => (seen.push(req.url!), res.end("rendered")) });
    for (const path of ["/%E0%A4%A", "/es/indicators/%ZZ", "/en/embed/%ED%A0%80?view=table", "/es/indicators/%"]) {
      const page = await send("GET", path);
      expect(page.status, path).toBe(400);
      expect(page.headers["content-type"]).toContain("text/html");
      expect(page.headers["cache-control"]).toBe("no-store");
      expect(page.body).toContain("This address is not valid.");
    }
    const api = await send("GET", "/api/v1/indicators/%E0%A4%A/observations");
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toEqual({ error: { code: "invalid_request", message: "This address is not valid." } });
    expect(seen).toEqual([]);
    expect(cache.size).toBe(0);

    // Escapes that decode, and broken ones in the query string (which pages read leniently), still reach Next.js.
    for (const path of [
      "/es/indicators/a%00b",
      "/es/indicators/%C3%A9",
      "/es/indicators/%2e%2e",
      "/es/indicators/homicide_rate?from=%E0%A4%A",
    ]) {
      expect((await send("GET", path)).status, path).toBe(200);
    }
    expect(seen).toHaveLength(4);
  });

  it("refuses a path longer than MAX_PATH_LENGTH with 414, before any rendering, and lets long query strings through", async () => {
    let rendered = 0;
    const get = await start({ next: (_req, res) => (rendered++, res.end("rendered")) });
    const longest = `/es/indicators/${"a".repeat(MAX_PATH_LENGTH - "/es/indicators/".length)}`;
    expect((await get(longest)).status).toBe(200);
    expect((await get(`/es/indicators/homicide_rate?note=${"x".repeat(8000)}`)).status).toBe(200);
    const page = await get(`${longest}a`);
    expect(page.status).toBe(414);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const api = await get(`/api/v1/indicators/${"x".repeat(MAX_PATH_LENGTH)}`);
    expect(api.status).toBe(414);
    expect((await api.json()).error.code).toBe("uri_too_long");
    expect(rendered).toBe(2);
  });

  it("refuses Next.js's image optimizer (the site has no images to optimise) with a 404, before any rendering", async () => {
    let rendered = 0;
    const cache = new ResponseCache();
    await start({ cache, next: (_req, res) => (rendered++, res.writeHead(500).end("optimizer")) });
    for (const path of [
      "/_next/image?url=/etc/passwd&w=64&q=75",
      "/_next/image?url=http://169.254.169.254/&w=64&q=75",
      "/_next/image",
      "/_next/image/x",
    ]) {
      const answer = await send("GET", path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers["cache-control"]).toBe("no-store");
    }
    expect(rendered).toBe(0);
    expect(cache.size).toBe(0);
  });

  it("answers TRACE with 405 and the methods it allows", async () => {
    let rendered = 0;
    await start({ next: (_req, res) => (rendered++, res.end("rendered")) });
    const page = await send("TRACE", "/es");
    expect(page.status).toBe(405);
    expect(page.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    const api = await send("TRACE", "/api/health");
    expect(JSON.parse(api.body).error.code).toBe("method_not_allowed");
    expect(rendered).toBe(0);
  });
});
