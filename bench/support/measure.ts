import autocannon from "autocannon";

export type Measurement = {
  label: string;
  clients: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

/** Drives one HTTP request shape with `clients` connections for `seconds`, through autocannon. */
export async function measureHttp(options: {
  label: string;
  url: string;
  clients: number;
  seconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: () => string;
}): Promise<Measurement> {
  const result = await autocannon({
    url: options.url,
    connections: options.clients,
    duration: options.seconds,
    requests: [
      {
        method: options.method ?? "GET",
        headers: options.headers,
        setupRequest: (request) => (options.body ? { ...request, body: options.body() } : request),
      },
    ],
  });
  return {
    label: options.label,
    clients: options.clients,
    requestsPerSecond: result.requests.total / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Runs `work` from `clients` concurrent loops for `seconds`, timing each call (for non-HTTP baselines). */
export async function measureLoop(
  label: string,
  clients: number,
  seconds: number,
  work: (client: number) => Promise<void>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const start = performance.now();
        try {
          await work(client);
          latencies.push(performance.now() - start);
        } catch {
          errors++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { label, clients, requestsPerSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors, non2xx: 0 };
}
