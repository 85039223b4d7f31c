/**
 * The app as benchmarked: the real server on PostgreSQL, plus one bare
 * endpoint that does a single indexed query – the floor our endpoints are
 * compared against in the same run. Started as a child process by bench/run.ts.
 */
import { openDatabase } from '../src/db/client.ts';
import { buildApp } from '../src/http/app.ts';
import { actorOf, requireActor } from '../src/http/context.ts';
import { unsafeWithoutAuditForBenchmark } from '../src/services/audit.ts';
import { getChild } from '../src/services/children.ts';

const database = await openDatabase({ poolSize: 10 });
const app = await buildApp({ database, serveWeb: false });
const pool = database.pool!;
app.get('/bench/bare/:id', async (request) => {
  const { id } = request.params as { id: string };
  const { rows } = await pool.query({ name: 'bare', text: 'SELECT id, given_name, family_name, birth_date FROM children WHERE id = $1', values: [id] });
  return { child: rows[0] ?? null };
});
// The same child read as GET /api/children/:id, with its audit write skipped – to measure the audit's cost.
app.get('/bench/child-without-audit/:id', { preHandler: requireActor }, async (request) => {
  const { id } = request.params as { id: string };
  return { child: await unsafeWithoutAuditForBenchmark(() => getChild({ db: database.db, actor: actorOf(request), childId: id })) };
});
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`ready ${address}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => database.close()).then(() => process.exit(0));
});
