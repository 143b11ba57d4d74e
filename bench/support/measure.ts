import fs from "node:fs";
import autocannon from "autocannon";

export type Measurement = {
  label: string;
  clients: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time (user + system) the app process spent per answered request, when its pid was given. */
  appCpuMsPerRequest?: number;
};

/** CPU milliseconds a Linux process has used so far (utime + stime from /proc), or undefined elsewhere. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Drives one HTTP request shape with `clients` connections for `seconds`, through autocannon. */
export async function measureHttp(options: {
  label: string;
  url: string;
  clients: number;
  seconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: () => string;
  /** The app's pid, to report the CPU it spent per request. */
  appPid?: number;
}): Promise<Measurement> {
  const cpuBefore = options.appPid ? processCpuMs(options.appPid) : undefined;
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
    appCpuMsPerRequest: cpuPerRequest(options.appPid, cpuBefore, result.requests.total),
  };
}

function cpuPerRequest(pid: number | undefined, before: number | undefined, requests: number): number | undefined {
  const after = pid ? processCpuMs(pid) : undefined;
  if (before === undefined || after === undefined || requests === 0) return undefined;
  return (after - before) / requests;
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
