/**
 * The `samsyn` command: start | migrate | seed | handover | check | audit verify.
 * Every command opens the database the same way the server does.
 */
import { parseArgs } from 'node:util';
import { type Database, migrate, openDatabase } from './db/client.ts';
import { buildApp } from './http/app.ts';
import { verifyAuditChain } from './services/audit.ts';
import { applyDueHandovers, listChildrenWithoutNamedPerson } from './services/named-person.ts';
import { ensureBuiltInProfiles } from './services/profiles.ts';
import { isSeeded, seedDemo } from './services/seed.ts';

const HELP = `samsyn <command>

  start                       migrate, seed demo data on first start, serve API + web app on PORT (default 3000)
  migrate                     apply database migrations
  seed [--children N] [--seed S]
                              generate a synthetic collaboration area (default 2000 children)
  handover [--date YYYY-MM-DD]
                              apply due named-person handovers (idempotent; also runs daily in 'start')
  check                       list children with no named person (exit 1 if any)
  audit verify                verify the audit trail's hash chain (exit 1 if broken)

Environment: DATABASE_URL (PostgreSQL; otherwise embedded PGlite in SAMSYN_DATA_DIR, default ./data),
PORT, HOST, SAMSYN_SEED_CHILDREN, SAMSYN_TIMEZONE (default Europe/Stockholm).`;

/** A one-line progress bar on stderr. */
export function progressBar(label: string) {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < 200) return;
    last = now;
    const width = 30;
    const share = total > 0 ? Math.min(done / total, 1) : 1;
    const filled = Math.round(share * width);
    process.stderr.write(
      `\r${label.padEnd(14)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done >= total ? '\n' : ''}`,
    );
  };
}

async function prepare(): Promise<Database> {
  const database = await openDatabase();
  await migrate(database);
  await ensureBuiltInProfiles(database.db);
  return database;
}

async function seed(database: Database, children: number, seedValue: number) {
  const started = Date.now();
  const bars = new Map<string, ReturnType<typeof progressBar>>();
  const result = await seedDemo({
    db: database.db,
    children,
    seed: seedValue,
    onProgress: (phase, done, total) => {
      if (!bars.has(phase)) bars.set(phase, progressBar(phase));
      bars.get(phase)!(done, total);
    },
  });
  console.log(`Seeded ${result.children} children, ${result.guardians} guardians, ${result.staff} staff in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function start() {
  const database = await prepare();
  if (!(await isSeeded(database.db)) && process.env.SAMSYN_SEED !== 'false') {
    console.log('First start: seeding demo data (generated, not real people)…');
    await seed(database, Number(process.env.SAMSYN_SEED_CHILDREN ?? 2000), 1);
  }
  const handover = async () => {
    const { changed } = await applyDueHandovers({ db: database.db });
    if (changed > 0) console.log(`Named-person handovers applied: ${changed}`);
  };
  await handover();
  const daily = setInterval(() => void handover().catch((e) => console.error('handover failed', e)), 24 * 60 * 60 * 1000);
  daily.unref();

  const app = await buildApp({ database, logger: process.env.LOG_LEVEL !== 'silent' });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  console.log(`Samsyn is running on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (database: ${database.kind})`);
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const { values } = parseArgs({
    args: command === 'audit' ? rest : [sub, ...rest].filter((a): a is string => a !== undefined),
    options: { children: { type: 'string' }, seed: { type: 'string' }, date: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });
  switch (command) {
    case 'start':
      await start();
      return -1; // keep running
    case 'migrate': {
      const database = await prepare();
      await database.close();
      console.log('Migrations applied.');
      return 0;
    }
    case 'seed': {
      const n = Number(values.children ?? 2000);
      if (!Number.isInteger(n) || n < 1 || n > 3_000_000) {
        console.error('--children must be a whole number from 1 to 3000000');
        return 2;
      }
      const database = await prepare();
      try {
        await seed(database, n, Number(values.seed ?? 1));
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'handover': {
      if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
        console.error('--date must be YYYY-MM-DD');
        return 2;
      }
      const database = await prepare();
      try {
        const result = await applyDueHandovers({ db: database.db, today: values.date, onProgress: progressBar('handover') });
        console.log(`Examined ${result.examined} children; ${result.changed} handovers applied.`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'check': {
      const database = await prepare();
      try {
        const missing = await listChildrenWithoutNamedPerson(database.db);
        for (const c of missing) console.log(`${c.id}\t${c.personnummer}`);
        console.log(`${missing.length} children without a named person.`);
        return missing.length === 0 ? 0 : 1;
      } finally {
        await database.close();
      }
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const database = await prepare();
      try {
        const result = await verifyAuditChain(database.db);
        if (result.ok) console.log(`Audit trail intact: ${result.checked} events verified.`);
        else console.log(`Audit trail BROKEN at event ${result.brokenAtSeq} (${result.problem}); ${result.checked} events before it verified.`);
        return result.ok ? 0 : 1;
      } finally {
        await database.close();
      }
    }
    default:
      break;
  }
  console.log(HELP);
  return command && command !== 'help' && !values.help ? 2 : 0;
}

// bin/samsyn.mjs sets SAMSYN_CLI before importing this module; tests import `main` directly.
if (process.env.SAMSYN_CLI === '1') {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
