/**
 * Docs that stay true: every endpoint in the generated OpenAPI document is in
 * docs/api.md and every endpoint there exists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { testDatabase } from '../support/db.ts';

describe('the API documentation', () => {
  it('lists exactly the endpoints the server serves', async () => {
    const database = await testDatabase();
    const app = await buildApp({ database, serveWeb: false });
    try {
      const response = await app.inject({ url: '/api/docs/json' });
      expect(response.statusCode).toBe(200);
      const spec = response.json() as { paths: Record<string, Record<string, unknown>> };
      const served = Object.entries(spec.paths)
        .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
        .sort();
      const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
      const documented = [...doc.matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) \| `([^`?]+)(?:\?[^`]*)?` \|/gm)]
        .map((m) => `${m[1]} ${m[2]}`)
        .sort();
      expect(documented).toEqual(served);
      expect((await app.inject({ url: '/api/docs' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
