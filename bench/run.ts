/**
 * `npm run bench`: seeds a synthetic population on a fresh PostgreSQL database,
 * then measures API endpoints against a bare one-query endpoint in the same
 * run, and writes docs/performance.md (machine, date, command, ratios).
 *
 * Environment: BENCH_CHILDREN (default 200000), BENCH_SECONDS per scenario
 * (default 10), BENCH_CONNECTIONS (default 16), BENCH_PG (server URL without a
 * database name, default postgres://postgres@127.0.0.1:5432), BENCH_KEEP_DB=1.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { migrate, openDatabase } from '../src/db/client.ts';
import { ensureBuiltInProfiles } from '../src/services/profiles.ts';
import { seedDemo } from '../src/services/seed.ts';
import { type LoadResult, runLoad } from './load.ts';

const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 200_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SERVER = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';

function log(message: string) {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function startServer(url: string): Promise<{ base: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /ready (http:\/\/\S+)/.exec(buffer);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    base,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function json<T>(base: string, path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return { body: (await response.json()) as T, headers: response.headers };
}

async function main() {
  const dbName = `samsyn_bench_${Date.now()}`;
  const url = `${SERVER}/${dbName}`;
  await adminQuery(`CREATE DATABASE ${dbName}`);
  log(`database ${dbName}`);
  const results: Record<string, string | number> = {};
  try {
    const database = await openDatabase({ url, poolSize: 4 });
    await migrate(database);
    await ensureBuiltInProfiles(database.db);
    const phases = new Map<string, number>();
    let lastPhase = '';
    const t0 = performance.now();
    let mark = t0;
    await seedDemo({
      db: database.db,
      children: CHILDREN,
      seed: 1,
      onProgress: (phase) => {
        if (phase !== lastPhase) {
          const now = performance.now();
          if (lastPhase) phases.set(lastPhase, (phases.get(lastPhase) ?? 0) + (now - mark));
          mark = now;
          lastPhase = phase;
          log(`seed: ${phase}`);
        }
      },
    });
    const seedTotal = performance.now() - t0;
    if (lastPhase) phases.set(lastPhase, (phases.get(lastPhase) ?? 0) + (performance.now() - mark));
    results.seedSeconds = (seedTotal / 1000).toFixed(1);
    results.seedPhases = [...phases].map(([p, ms]) => `${p} ${(ms / 1000).toFixed(1)} s`).join(', ');
    results.seedRssMb = (process.memoryUsage().rss / 1024 / 1024).toFixed(0);
    log(`seeded ${CHILDREN} children in ${results.seedSeconds} s`);
    await database.close();

    const server = await startServer(url);
    try {
      const login = await json<{ user: { id: string } }>(server.base, '/api/auth/login', {
        method: 'POST',
        body: { username: 'anna.rektor', password: 'samsyn-demo' },
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await json(
          server.base,
          `/api/children?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
          { cookie },
        );
        ids.push(...page.body.items.map((c) => c.id));
        cursor = page.body.nextCursor;
      } while (cursor && ids.length < 2_000);
      results.visibleChildren = ids.length;
      log(`anna.rektor sees ${ids.length} children`);
      let i = 0;
      const nextId = () => ids[i++ % ids.length]!;
      const headers = { cookie };

      const scenarios: { name: string; paths: () => string }[] = [
        { name: 'bare: one indexed query (floor)', paths: () => `/bench/bare/${nextId()}` },
        { name: 'GET /api/children?limit=50', paths: () => '/api/children?limit=50' },
        { name: 'GET /api/children/:id', paths: () => `/api/children/${nextId()}` },
        { name: 'GET /api/children/:id without the audit write', paths: () => `/bench/child-without-audit/${nextId()}` },
      ];
      // Warm up every path once so JIT and PostgreSQL caches are comparable.
      for (const s of scenarios) await runLoad({ name: s.name, base: server.base, paths: s.paths, headers, connections: 4, seconds: 2 });
      const measured: LoadResult[] = [];
      for (const s of scenarios) {
        log(`load: ${s.name}`);
        measured.push(await runLoad({ name: s.name, base: server.base, paths: s.paths, headers, connections: CONNECTIONS, seconds: SECONDS }));
      }
      // The audit overhead is a small difference between two noisy numbers: measure the pair alternately in
      // rounds (ABBA order, so drift over time cancels) and report the median of the per-round ratios.
      const [withAudit, withoutAudit] = [scenarios[2]!, scenarios[3]!];
      const rounds: { rps: number; p95: number }[] = [];
      for (let round = 0; round < AUDIT_ROUNDS; round++) {
        log(`audit overhead: round ${round + 1} of ${AUDIT_ROUNDS}`);
        const order = round % 2 === 0 ? [withAudit, withoutAudit] : [withoutAudit, withAudit];
        const pair = new Map<string, LoadResult>();
        for (const s of order) pair.set(s.name, await runLoad({ name: s.name, base: server.base, paths: s.paths, headers, connections: CONNECTIONS, seconds: SECONDS / 2 }));
        const a = pair.get(withAudit.name)!;
        const b = pair.get(withoutAudit.name)!;
        rounds.push({ rps: 1 - a.rps / b.rps, p95: a.p95 / b.p95 - 1 });
      }
      results.auditRounds = rounds.map((r) => `${(r.rps * 100).toFixed(1)} %`).join(', ');
      results.auditOverhead = `${(median(rounds.map((r) => r.rps)) * 100).toFixed(1)} % fewer requests per second, p95 ${signed(median(rounds.map((r) => r.p95)) * 100)} % (median of ${AUDIT_ROUNDS} alternating rounds of ${SECONDS / 2} s each: ${results.auditRounds})`;
      results.serverRssMb = rssOf(server.pid).toFixed(0);
      results.loadAverage = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
      writeReport(measured, results);
    } finally {
      await server.stop();
    }
  } finally {
    if (!process.env.BENCH_KEEP_DB) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

const AUDIT_ROUNDS = Number(process.env.BENCH_AUDIT_ROUNDS ?? 6);
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;

/** The single back-to-back pair in the main table, for comparison with the rounds. */
function auditOverhead(measured: LoadResult[]): string {
  const withAudit = measured.find((m) => m.name === 'GET /api/children/:id');
  const without = measured.find((m) => m.name.includes('without the audit write'));
  if (!withAudit || !without) return 'n/a';
  const throughput = (1 - withAudit.rps / without.rps) * 100;
  const p95 = (withAudit.p95 / without.p95 - 1) * 100;
  return `${throughput.toFixed(1)} % fewer requests per second, p95 ${p95 >= 0 ? '+' : ''}${p95.toFixed(1)} %`;
}

function writeReport(measured: LoadResult[], results: Record<string, string | number>) {
  const floor = measured[0]!;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const rows = measured.map(
    (m) =>
      `| ${m.name} | ${m.rps.toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m.p99.toFixed(1)} | ${m.errors} | ${(m.rps / floor.rps).toFixed(2)} | ${(m.p95 / floor.p95).toFixed(1)}× |`,
  );
  const report = `# Performance

Measured by \`npm run bench\` (bench/run.ts). Timings are never asserted in tests; they are measured here, with our endpoints compared as ratios to a bare endpoint that does one indexed query, in the same run on the same machine.

- **Date:** ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
- **Machine:** ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}; PostgreSQL server, app server and load generator on the same (shared, noisy) box; load average after the runs ${results.loadAverage} (1 / 5 / 15 min)
- **Command:** \`BENCH_CHILDREN=${CHILDREN} BENCH_SECONDS=${SECONDS} BENCH_CONNECTIONS=${CONNECTIONS} npm run bench\`

## Seeding ${CHILDREN.toLocaleString('en')} children on PostgreSQL

\`samsyn seed\` in one transaction, bulk inserts via \`json_to_recordset\`, then the named-person handover for every child.

- **Total:** ${results.seedSeconds} s (${results.seedPhases})
- **Seeder RSS at end:** ${results.seedRssMb} MiB

## API throughput and latency

Signed in as \`anna.rektor\` (school principal; sees ${results.visibleChildren} children). ${CONNECTIONS} keep-alive connections, ${SECONDS} s per scenario after a 2 s warm-up. Every API request authenticates the session, runs the access filter, and writes a hash-chained audit event in the same transaction.

| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | throughput vs floor | p95 vs floor |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

- **App server RSS after the runs:** ${results.serverRssMb} MiB
- **Audit overhead on the child read:** ${results.auditOverhead} – target ≤ 25 %. The same request with the access check, measured with and without appending its hash-chained audit event. (The single back-to-back pair in the table above: ${auditOverhead(measured)}.)

## Reading the numbers
The bare endpoint is the floor: one prepared, indexed \`SELECT\` per request through the same Fastify server. The API endpoints additionally look up the session and the actor's roles, evaluate the access rules in SQL, read the child's guardians, enrollments and named person, and append the audit event under the chain lock inside the transaction. The ratio columns are the comparable figures across machines.

Where the time goes (profiled with \`node --cpu-prof\` under the same load, 2026-11-23): the app server is idle about 40 % of the time – it waits on round trips, not on its own CPU. A child read makes about 14 short statements (session, actor, access facts, the child, guardians, enrollments, named person, profile, then the audit lock and insert, and the transaction's begin/commit), each well under a millisecond in PostgreSQL, against the floor's one; on two shared cores the round trips cost more than the SQL. The next steps, in order of gain: one statement for session and actor, the child's detail as one statement with \`json_agg\`, and an in-memory cache of the (immutable, versioned) model profiles. The audit write adds two statements (the chain lock, then one \`INSERT … SELECT\` that hashes in SQL) and holds the chain lock until commit.

The seeding time is dominated by inserting children, guardians and enrollments (one transaction, bulk JSON inserts) and by the named-person handover for every child; it runs on the same two cores as everything else.
`;
  writeFileSync('docs/performance.md', report);
  log('wrote docs/performance.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
