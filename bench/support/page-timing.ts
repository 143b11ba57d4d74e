export type PageTiming = { label: string; clients: number; requests: number; medianMs: number; p95Ms: number; errors: number };

/**
 * Time to first byte of a GET, from `clients` concurrent loops for `seconds`:
 * the time until the response's status and headers arrive (fetch resolves
 * then); the body is read to the end before the next request.
 */
export async function measureTtfb(options: {
  label: string;
  url: string | (() => string);
  clients: number;
  seconds: number;
  headers?: Record<string, string>;
}): Promise<PageTiming> {
  const samples: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (performance.now() < deadline) {
        const url = typeof options.url === "string" ? options.url : options.url();
        const start = performance.now();
        try {
          const response = await fetch(url, { headers: options.headers, redirect: "manual" });
          const ttfb = performance.now() - start;
          await response.arrayBuffer();
          if (response.status !== 200) errors++;
          else samples.push(ttfb);
        } catch {
          errors++;
        }
      }
    }),
  );
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { label: options.label, clients: options.clients, requests: samples.length, medianMs: at(0.5), p95Ms: at(0.95), errors };
}
