import autocannon from "autocannon";

export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number; requests: number };

/** Holds `connections` open against one URL for `seconds` and reports throughput and latency (ms). */
export async function measureLoad(
  url: string,
  options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 20,
    duration: options.seconds ?? 10,
    headers: options.headers,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon counts a timeout among its errors too.
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

/** Latency of `count` requests sent one after another (ms): for uncached paths, where concurrency would measure queueing. */
export async function sequentialLatency(
  url: string,
  count: number,
  headers: Record<string, string> = {},
): Promise<{ p50: number; p99: number }> {
  const timings: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99) };
}
