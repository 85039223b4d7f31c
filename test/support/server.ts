/**
 * Starts the real app for browser tests: a fresh migrated database seeded with
 * demo data, the built web app, a random local port.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, WEB_DIST } from '../../src/http/app.ts';
import { applyDueHandovers } from '../../src/services/named-person.ts';
import { seedDemo } from '../../src/services/seed.ts';
import { freshDatabase } from './db.ts';

function newestMtime(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds dist/web when it is missing or older than src/web. */
export function ensureWebBuild(): void {
  const index = join(WEB_DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime('src/web')) return;
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
}

export async function startTestServer(options: { children?: number } = {}): Promise<{ url: string; close(): Promise<void> }> {
  ensureWebBuild();
  const database = await freshDatabase();
  await seedDemo({ db: database.db, children: options.children ?? 300, seed: 7 });
  await applyDueHandovers({ db: database.db });
  const app = await buildApp({ database, serveWeb: true });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
