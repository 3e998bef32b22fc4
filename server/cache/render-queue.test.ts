import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { createRenderQueue } from "./render-queue";

/** A response that ends when told to, and can lose its reader. */
function fakeResponse(name: string) {
  const emitter = new EventEmitter() as EventEmitter & { name: string; closed: boolean; destroyed: boolean; socket: null; end(): void };
  emitter.name = name;
  emitter.closed = false;
  emitter.destroyed = false;
  emitter.socket = null;
  emitter.end = () => {
    emitter.closed = true;
    emitter.emit("close");
  };
  return emitter;
}

const request = {} as IncomingMessage;

function setUp(limit: number, maxWaiting = 100) {
  const started: string[] = [];
  const refused: string[] = [];
  const clock = { ms: 0 };
  const queue = createRenderQueue({
    limit,
    maxWaiting,
    congestedAfterMs: 1000,
    now: () => clock.ms,
    refuse: (_req, res) => void refused.push((res as unknown as { name: string }).name),
  });
  const admit = (res: ReturnType<typeof fakeResponse>) =>
    queue.admit(
      request,
      res as unknown as ServerResponse,
      (_req, response) => void started.push((response as unknown as { name: string }).name),
    );
  return { queue, started, refused, admit, clock };
}

describe("renders take turns", () => {
  it("runs at most `limit` renders at once; the others start in the order they came as renders end", () => {
    const { queue, started, admit } = setUp(2);
    const responses = ["a", "b", "c", "d", "e"].map(fakeResponse);
    for (const res of responses) admit(res);
    expect(started).toEqual(["a", "b"]);
    expect(queue.waiting).toBe(3);
    responses[1]!.end();
    expect(started).toEqual(["a", "b", "c"]);
    responses[0]!.end();
    responses[2]!.end();
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
    expect(queue.rendering).toBe(2);
    expect(queue.waiting).toBe(0);
  });

  it("while the front reader has waited past the limit, renders for the newest first, and first come first served again once the line is short", () => {
    const { started, admit, clock } = setUp(1);
    const a = fakeResponse("a");
    admit(a);
    const waiting = ["b", "c", "d"].map((name) => {
      const res = fakeResponse(name);
      admit(res);
      return res;
    });
    clock.ms = 5000;
    const [b, c, d] = waiting;
    const e = fakeResponse("e");
    admit(e);
    a.end();
    expect(started).toEqual(["a", "e"]);
    e.end();
    expect(started).toEqual(["a", "e", "d"]);
    // b and c gave up; the next to come waits no longer than the limit and is served in order.
    b!.destroyed = true;
    b!.emit("close");
    c!.destroyed = true;
    c!.emit("close");
    const [f, g] = ["f", "g"].map(fakeResponse);
    admit(f!);
    admit(g!);
    d!.end();
    expect(started).toEqual(["a", "e", "d", "f"]);
  });

  it("never starts the render of a reader who left while waiting, and a reader leaving mid-render frees the turn", () => {
    const { queue, started, admit } = setUp(1);
    const [a, b, c] = ["a", "b", "c"].map(fakeResponse);
    admit(a!);
    admit(b!);
    admit(c!);
    b!.destroyed = true;
    b!.emit("close");
    a!.destroyed = true;
    a!.emit("close");
    expect(started).toEqual(["a", "c"]);
    expect(queue.rendering).toBe(1);
  });

  it("ends a turn once, however the response ends", () => {
    const { queue, admit } = setUp(1);
    const a = fakeResponse("a");
    admit(a);
    a.end();
    a.emit("close");
    expect(queue.rendering).toBe(0);
  });

  it("turns away readers past the waiting limit, and only those", () => {
    const { started, refused, admit } = setUp(1, 2);
    for (const name of ["a", "b", "c", "d"]) admit(fakeResponse(name));
    expect(started).toEqual(["a"]);
    expect(refused).toEqual(["d"]);
  });
});
