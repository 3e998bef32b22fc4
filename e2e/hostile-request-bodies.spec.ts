import { request as httpRequest, type IncomingMessage } from "node:http";
import { expect, test } from "@playwright/test";

// Issue 12, finding 2, against the production server: sign-in and setup read and parsed a body of
// any size before any check (40 MB of nested "[" stalled every response; 600 MB answered 500). Now
// the body is read as a stream and refused with 413 at 64 KB, or before reading when its declared
// length is over that, and the rest of the site keeps answering.

const CHUNK = Buffer.alloc(64 * 1024, "[");

type Answer = { status: number; body: string; sentBytes: number };

/** Until the socket takes more, or closes (the server answered and hung up). */
function drained(req: ReturnType<typeof httpRequest>) {
  return new Promise<void>((resolve) => {
    const done = () => {
      req.off("drain", done).off("close", done);
      resolve();
    };
    req.on("drain", done).on("close", done);
  });
}

/**
 * POSTs `chunks` chunks of "[" over plain node:http, one after another as the socket drains, and
 * stops sending as soon as the server answers. `declare`: the Content-Length to announce (none: chunked).
 */
function postBrackets(baseURL: string, path: string, chunks: number, declare?: number, beforeChunk?: (index: number) => Promise<void>) {
  return new Promise<Answer>((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const origin = new URL(baseURL).origin;
    const req = httpRequest(`${baseURL}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...(declare === undefined ? {} : { "content-length": String(declare) }) },
    });
    req.on("response", (res: IncomingMessage) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (part: string) => (body += part));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sentBytes });
        req.destroy();
      });
    });
    // Once the server has answered, it may close the connection under the rest of the upload.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    void (async () => {
      for (let index = 0; index < chunks && !answered; index++) {
        await beforeChunk?.(index);
        if (answered) break;
        sentBytes += CHUNK.length;
        if (!req.write(CHUNK)) await drained(req);
      }
      if (!answered && declare === undefined) req.end();
    })().catch(reject);
  });
}

test.describe.configure({ timeout: 120_000 });

test("a 100 MB sign-in body of nested brackets gets 413, and /api/health answers during and after the upload", async ({ baseURL }) => {
  const health: number[] = [];
  const checkHealth = async (index: number) => {
    // Part of the body is on its way: the rest of the site must keep answering meanwhile.
    if (index === 1) health.push((await fetch(`${baseURL}/api/health`)).status);
  };
  const answer = await postBrackets(baseURL!, "/api/editor/session", 1600, undefined, checkHealth);
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body).error).toMatchObject({ code: "payload_too_large" });
  // The server answered before the whole body was sent (on the old code it read all of it first).
  expect(answer.sentBytes).toBeLessThan(1600 * CHUNK.length);
  expect(health).toEqual([200]);
  expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
});

test("a setup body that declares 600 MB is refused with 413 before the server reads it", async ({ baseURL }) => {
  const answer = await postBrackets(baseURL!, "/api/editor/setup", 9600, 600 * 1024 * 1024);
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body).error).toMatchObject({ code: "payload_too_large" });
  expect(answer.sentBytes).toBeLessThan(600 * 1024 * 1024);
  // Setup is still open: nothing was created.
  const status = await fetch(`${baseURL}/api/editor/setup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(baseURL!).origin },
    body: "{}",
  });
  expect(status.status).toBe(400);
  expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
});
