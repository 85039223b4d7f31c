/**
 * A small closed-loop load generator: `connections` workers send requests back
 * to back over keep-alive for `seconds`, recording every latency so that
 * percentiles are exact. Bounded in time; talks only to 127.0.0.1.
 */
import http from 'node:http';

export type LoadResult = { name: string; requests: number; errors: number; seconds: number; rps: number; p50: number; p95: number; p99: number };

export async function runLoad(options: {
  name: string;
  base: string;
  paths: () => string;
  headers?: Record<string, string>;
  connections?: number;
  seconds?: number;
}): Promise<LoadResult> {
  const url = new URL(options.base);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error('load only against loopback');
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections ?? 16 });
  const latencies: number[] = [];
  let errors = 0;
  const seconds = options.seconds ?? 10;
  const deadline = performance.now() + seconds * 1000;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.request(
        { host: url.hostname, port: url.port, path: options.paths(), agent, headers: options.headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            latencies.push(performance.now() - started);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const worker = async () => {
    while (performance.now() < deadline) await once();
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: options.connections ?? 16 }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    name: options.name,
    requests: latencies.length,
    errors,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
  };
}
