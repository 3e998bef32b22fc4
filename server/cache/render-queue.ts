import type { IncomingMessage, ServerResponse } from "node:http";

// Renders the cache cannot answer (a page no one has asked for since it changed, a new query string,
// an editor page) take turns: at most `limit` at once, the rest waiting first come, first served.
//
// Without it, a hundred readers arriving at once on a cold cache start a hundred renders that share
// one processor and the database pool: every one of them takes as long as all of them together, none
// answers before the readers give up, and the renders of readers who gave up go on to the end, so the
// next readers wait for work no one will read. Taking turns answers the first readers at the speed of
// one render, and a reader who leaves while waiting costs nothing: their render is never started.
//
// First come, first served while the wait is bearable. A long line that moves is not overload: a
// hundred readers on a cold cache wait about three seconds each at thirty renders a second, and
// serving them in order answers them all. Once the reader at the front has waited longer than
// `congestedAfterMs` (5 s, half the 10 s a dashboard, a load balancer or a load test commonly allows),
// more readers arrive than renders finish, and the front of the line holds the readers closest to
// giving up: a render started for them is likely to be abandoned half way, and then nobody is
// answered at all. So, while the wait is that long, the newest reader goes first (they have the most
// patience left), until the line moves again. (With 1 s, the cold-cache run of `npm run load --
// --cold` left 266 of 1,979 readers waiting past 10 s at 30 answers a second.)

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type RenderQueueOptions = {
  /** Renders at once (CONTRASTE_RENDER_CONCURRENCY). */
  limit: number;
  /** Readers that may wait for a turn; one more is answered 503 with Retry-After (CONTRASTE_RENDER_QUEUE). */
  maxWaiting: number;
  /** Answers a reader turned away because too many are waiting. */
  refuse: Handler;
  /** How long the front reader may have waited before the newest reader goes first; default 5 s. */
  congestedAfterMs?: number;
  /** The clock, in milliseconds (tests set it). */
  now?: () => number;
};

export type RenderQueue = {
  /** Runs `render` now if a turn is free, else when one frees; the turn ends when the response ends or its reader leaves. */
  admit(req: IncomingMessage, res: ServerResponse, render: Handler): unknown;
  readonly rendering: number;
  readonly waiting: number;
};

type Waiting = { req: IncomingMessage; res: ServerResponse; render: Handler; since: number };

const gone = (res: ServerResponse) => res.closed || res.destroyed || Boolean(res.socket?.destroyed);

export function createRenderQueue(options: RenderQueueOptions): RenderQueue {
  let rendering = 0;
  const queue: Waiting[] = [];
  // Index of the first reader still waiting: shift() on a long array copies it.
  let head = 0;

  const now = options.now ?? (() => performance.now());
  const congestedAfterMs = options.congestedAfterMs ?? 5000;

  /** The next reader to render for: the front one, or the newest while the front one has waited too long. */
  const takeNext = (): Waiting => {
    if (now() - queue[head]!.since > congestedAfterMs) return queue.pop()!;
    const front = queue[head]!;
    queue[head] = undefined as unknown as Waiting;
    head += 1;
    return front;
  };

  const startWaiting = () => {
    while (rendering < options.limit && head < queue.length) {
      // Readers who left while waiting are dropped from the front first, so the front is one still there.
      while (head < queue.length && gone(queue[head]!.res)) {
        queue[head] = undefined as unknown as Waiting;
        head += 1;
      }
      if (head === queue.length) break;
      const next = takeNext();
      if (!gone(next.res)) start(next);
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
  };

  const start = ({ req, res, render }: Omit<Waiting, "since">) => {
    rendering += 1;
    let ended = false;
    // The turn ends when the render has written its last byte (res.end), not when a slow reader has
    // downloaded it, or when the reader leaves first.
    const endTurn = () => {
      if (ended) return;
      ended = true;
      rendering -= 1;
      res.off("close", endTurn);
      startWaiting();
    };
    const originalEnd = res.end;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      const result = (originalEnd as (...a: unknown[]) => ServerResponse).apply(this, args);
      endTurn();
      return result;
    } as typeof res.end;
    res.once("close", endTurn);
    try {
      const result = render(req, res);
      if (result instanceof Promise) result.catch(endTurn);
      return result;
    } catch (error) {
      endTurn();
      throw error;
    }
  };

  return {
    admit(req, res, render) {
      if (rendering < options.limit && head === queue.length) return start({ req, res, render });
      if (queue.length - head >= options.maxWaiting) return options.refuse(req, res);
      queue.push({ req, res, render, since: now() });
      return undefined;
    },
    get rendering() {
      return rendering;
    },
    get waiting() {
      return queue.length - head;
    },
  };
}
