import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLink, errorCodeOf, isPublicAddress, linkCheckUserAgent, runPolitely, type LinkCheckOptions } from "./link-check";

// Every check here goes to servers this test starts on 127.0.0.1; nothing leaves the machine.

type Seen = { method: string; path: string; userAgent: string | undefined };
const seen: Seen[] = [];
const sockets = new Set<net.Socket>();

const server = http.createServer((request, response) => {
  const path = request.url ?? "/";
  seen.push({ method: request.method ?? "", path, userAgent: request.headers["user-agent"] });
  const redirect = (to: string, status = 301) => response.writeHead(status, { Location: to }).end();
  switch (path) {
    case "/ok":
      return response.writeHead(200, { "Content-Type": "text/html" }).end("<p>the report</p>");
    case "/moved":
      return redirect("/moved-again");
    case "/moved-again":
      return redirect(`${base}/ok`);
    case "/gone":
      return response.writeHead(404).end("not here");
    case "/removed":
      return response.writeHead(410).end();
    case "/failing":
      return response.writeHead(503).end();
    case "/robots-refused":
      return response.writeHead(403).end();
    case "/slow-down":
      return response.writeHead(429).end();
    case "/no-head":
      return request.method === "HEAD" ? response.writeHead(405).end() : response.writeHead(200).end("served to GET");
    case "/loop-a":
      return redirect("/loop-b", 302);
    case "/loop-b":
      return redirect("/loop-a", 302);
    case "/to-metadata":
      return redirect("http://169.254.169.254/latest/meta-data/");
    case "/to-ftp":
      return redirect("ftp://example.org/file");
    case "/never-answers":
      return; // holds the connection open without a word
    case "/huge":
      // An endless body to GET: the checker must have its answer from the head alone.
      if (request.method === "HEAD") return response.writeHead(405).end();
      response.writeHead(200, { "Content-Type": "application/octet-stream" });
      const chunk = Buffer.alloc(64 * 1024);
      const pour = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once("drain", pour);
      };
      return pour();
    default: {
      const hops = /^\/chain\/(\d+)$/.exec(path);
      if (hops) return Number(hops[1]) === 0 ? response.writeHead(200).end() : redirect(`/chain/${Number(hops[1]) - 1}`, 307);
      return response.writeHead(404).end();
    }
  }
});
server.on("connection", (socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});

// Accepts connections and never says anything: no HTTP answer, no TLS handshake.
const silent = net.createServer((socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});

let base = "";
let silentPort = 0;
let closedPort = 0;

const listen = (target: net.Server) =>
  new Promise<number>((resolve) => target.listen(0, "127.0.0.1", () => resolve((target.address() as AddressInfo).port)));

beforeAll(async () => {
  base = `http://127.0.0.1:${await listen(server)}`;
  silentPort = await listen(silent);
  // A port that was listening a moment ago and no longer is: connections to it are refused.
  const closing = net.createServer();
  closedPort = await listen(closing);
  await new Promise((resolve) => closing.close(resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all([new Promise((resolve) => server.close(resolve)), new Promise((resolve) => silent.close(resolve))]);
});

const options: LinkCheckOptions = {
  userAgent: "ContrasteLinkCheck/1.0 (+http://localhost:3000/es/sources; test)",
  timeoutMs: 1_000,
  allowLoopback: true,
};
const check = (path: string, extra: Partial<LinkCheckOptions> = {}) =>
  checkLink(path.startsWith("/") ? `${base}${path}` : path, { ...options, ...extra });

describe("checking a source's address", () => {
  it("finds a page that answers 200, asking with HEAD and its own user agent", async () => {
    seen.length = 0;
    expect(await check("/ok")).toEqual({ state: "ok", statusCode: 200, error: null, redirects: [] });
    expect(seen).toEqual([{ method: "HEAD", path: "/ok", userAgent: options.userAgent }]);
  });

  it("follows a chain of redirects and records every hop in order", async () => {
    expect(await check("/moved")).toEqual({ state: "ok", statusCode: 200, error: null, redirects: [`${base}/moved-again`, `${base}/ok`] });
  });

  it("calls a missing, removed or failing page broken, with its status", async () => {
    expect(await check("/gone")).toEqual({ state: "broken", statusCode: 404, error: "http_status", redirects: [] });
    expect(await check("/removed")).toMatchObject({ state: "broken", statusCode: 410 });
    expect(await check("/failing")).toMatchObject({ state: "broken", statusCode: 503 });
  });

  it("asks again with GET when HEAD gets no clear answer, and never needs the body", async () => {
    seen.length = 0;
    expect(await check("/no-head")).toEqual({ state: "ok", statusCode: 200, error: null, redirects: [] });
    expect(seen.map((request) => request.method)).toEqual(["HEAD", "GET"]);
    // 404 to HEAD is asked again with GET too, before the page is called broken.
    seen.length = 0;
    await check("/gone");
    expect(seen.map((request) => request.method)).toEqual(["HEAD", "GET"]);
  });

  it("answers from the head of an endless body", async () => {
    const answer = await check("/huge", { timeoutMs: 5_000 });
    expect(answer).toEqual({ state: "ok", statusCode: 200, error: null, redirects: [] });
  });

  it("does not call a page broken when the site turns robots away", async () => {
    expect(await check("/robots-refused")).toEqual({ state: "unverifiable", statusCode: 403, error: "http_status", redirects: [] });
    expect(await check("/slow-down")).toMatchObject({ state: "unverifiable", statusCode: 429 });
  });

  it("gives up on a server that never answers, within the timeout", async () => {
    expect(await check(`http://127.0.0.1:${silentPort}/report.pdf`, { timeoutMs: 200 })).toEqual({
      state: "broken",
      statusCode: null,
      error: "timeout",
      redirects: [],
    });
    expect(await check("/never-answers", { timeoutMs: 200 })).toMatchObject({ state: "broken", error: "timeout" });
  });

  it("calls an https address served without TLS broken, as a TLS failure", async () => {
    expect(await check(base.replace("http:", "https:") + "/ok")).toEqual({
      state: "broken",
      statusCode: null,
      error: "tls",
      redirects: [],
    });
  });

  it("calls a refused connection broken", async () => {
    expect(await check(`http://127.0.0.1:${closedPort}/`)).toEqual({ state: "broken", statusCode: null, error: "refused", redirects: [] });
  });

  // Asking a resolver about a name would leave the machine: the look-up's failures are classified as Node reports them.
  it("names a name that no longer resolves, and other failures, by a short code", () => {
    const failure = (code: string, message = "") => Object.assign(new Error(message), { code });
    expect(errorCodeOf(failure("ENOTFOUND"))).toBe("dns");
    expect(errorCodeOf(failure("EAI_AGAIN"))).toBe("dns");
    expect(errorCodeOf(failure("ECONNRESET"))).toBe("reset");
    expect(errorCodeOf(failure("CERT_HAS_EXPIRED"))).toBe("tls");
    expect(errorCodeOf(failure("ERR_TLS_CERT_ALTNAME_INVALID"))).toBe("tls");
    expect(errorCodeOf(failure("EHOSTUNREACH"))).toBe("network");
    const aborted = AbortSignal.abort();
    expect(errorCodeOf(failure("ECONNRESET"), aborted)).toBe("timeout");
  });

  it("stops at a redirect loop and at too many redirects", async () => {
    expect(await check("/loop-a")).toEqual({
      state: "broken",
      statusCode: 302,
      error: "redirect_loop",
      redirects: [`${base}/loop-b`, `${base}/loop-a`],
    });
    expect(await check("/chain/3", { maxRedirects: 3 })).toMatchObject({
      state: "ok",
      redirects: [`${base}/chain/2`, `${base}/chain/1`, `${base}/chain/0`],
    });
    const tooMany = await check("/chain/4", { maxRedirects: 3 });
    expect(tooMany).toMatchObject({ state: "broken", error: "too_many_redirects", statusCode: 307 });
    expect(tooMany.redirects).toHaveLength(4);
  });

  it("refuses a redirect out of the web", async () => {
    expect(await check("/to-ftp")).toMatchObject({ state: "broken", error: "bad_redirect", redirects: [] });
  });
});

describe("addresses inside the network", () => {
  it("refuses loopback unless told otherwise, without calling the page broken", async () => {
    seen.length = 0;
    expect(await check("/ok", { allowLoopback: false })).toEqual({
      state: "unverifiable",
      statusCode: null,
      error: "private_address",
      redirects: [],
    });
    expect(await check(`http://localhost:${new URL(base).port}/ok`, { allowLoopback: false })).toMatchObject({ error: "private_address" });
    expect(seen).toEqual([]);
  });

  it("refuses a redirect into the network, even from an allowed server", async () => {
    expect(await check("/to-metadata")).toEqual({
      state: "unverifiable",
      statusCode: 301,
      error: "private_address",
      redirects: ["http://169.254.169.254/latest/meta-data/"],
    });
  });

  it("refuses private, link-local and other internal addresses however they are written", async () => {
    for (const address of [
      "http://10.0.0.5/",
      "http://192.168.1.1/admin",
      "http://172.20.0.1/",
      "http://169.254.169.254/",
      "http://100.64.0.1/",
      "http://0.0.0.0:3000/",
      "http://[::1]/",
      "http://[fe80::1]/",
      "http://[fd00::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:a9fe:a9fe]/",
      "http://2130706433/",
      "http://0x7f.1/",
    ])
      expect(await check(address, { allowLoopback: false }), address).toMatchObject({ state: "unverifiable", error: "private_address" });
  });

  it("tells public addresses from internal ones", () => {
    expect(isPublicAddress("93.184.215.14")).toBe(true);
    expect(isPublicAddress("2606:4700::1111")).toBe(true);
    expect(isPublicAddress("127.0.0.1")).toBe(false);
    expect(isPublicAddress("127.0.0.1", true)).toBe(true);
    expect(isPublicAddress("10.1.2.3", true)).toBe(false);
    expect(isPublicAddress("64:ff9b::a00:1")).toBe(false);
    expect(isPublicAddress("not an address")).toBe(false);
  });

  it("does not request an address that is not a web page's", async () => {
    for (const address of ["file:///etc/passwd", "javascript:alert(1)", "not a url", "http://user:secret@example.org/"])
      expect(await check(address), address).toEqual({ state: "unverifiable", statusCode: null, error: "unsupported_url", redirects: [] });
  });
});

describe("the checker's name", () => {
  it("names the site it checks for, or what the installation sets", () => {
    expect(linkCheckUserAgent({ CONTRASTE_PUBLIC_URL: "https://contraste.example/anything" })).toBe(
      "ContrasteLinkCheck/1.0 (+https://contraste.example/es/sources; source link check)",
    );
    expect(linkCheckUserAgent({ CONTRASTE_LINK_CHECK_USER_AGENT: "Custom/2.0" })).toBe("Custom/2.0");
  });
});

describe("checking many addresses politely", () => {
  it("never has two requests to one host at once, nor more than the limit in all", async () => {
    const items = ["a/1", "a/2", "a/3", "b/1", "b/2", "c/1", "d/1", "d/2"];
    const active = new Map<string, number>();
    let running = 0;
    let mostRunning = 0;
    let mostOnOneHost = 0;
    const done: string[] = [];
    const left = await runPolitely(items, { concurrency: 3, hostOf: (item) => item.split("/")[0]! }, async (item) => {
      const host = item.split("/")[0]!;
      active.set(host, (active.get(host) ?? 0) + 1);
      running++;
      mostRunning = Math.max(mostRunning, running);
      mostOnOneHost = Math.max(mostOnOneHost, active.get(host)!);
      await new Promise((resolve) => setImmediate(resolve));
      active.set(host, active.get(host)! - 1);
      running--;
      done.push(item);
    });
    expect(left).toEqual([]);
    expect(done.toSorted()).toEqual(items.toSorted());
    expect(mostOnOneHost).toBe(1);
    expect(mostRunning).toBe(3);
  });

  it("starts nothing more once told to stop, and says what it left", async () => {
    const done: number[] = [];
    const left = await runPolitely(
      [1, 2, 3, 4, 5],
      { concurrency: 1, hostOf: String, shouldStop: () => done.length >= 2 },
      async (item) => {
        done.push(item);
      },
    );
    expect(done).toEqual([1, 2]);
    expect(left).toEqual([3, 4, 5]);
  });
});
