/**
 * The server log never carries what a professional searched for: a name or a
 * personal identity number in `?search=` could expose a child with protected identity.
 * Nor the secret in a calendar feed address, which is the feed's only credential.
 */
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { buildApp, requestForLog } from '../../src/http/app.ts';
import { testDatabase } from '../support/db.ts';
import { makeWorld, signIn, type World } from '../support/factories.ts';

let database: Database;
let world: World;

beforeAll(async () => {
  database = await testDatabase();
  world = await makeWorld(database.db);
});
afterAll(async () => {
  await database?.close();
});

it('logs the request path without its query string', async () => {
  const child = await world.makeChild({
    age: 12,
    protectedIdentity: true,
    givenName: `Loggsson${world.tag}`,
    at: [{ unitId: world.units.school.id, kind: 'school_class' }],
  });
  const stream = new PassThrough();
  let log = '';
  stream.on('data', (chunk) => (log += String(chunk)));
  const app = await buildApp({ database, serveWeb: false, logStream: stream });
  try {
    const { cookie } = await signIn(app, world.staff.principal.username);
    for (const search of [child.givenName, child.personnummer]) {
      const response = await app.inject({ method: 'GET', url: `/api/children?search=${encodeURIComponent(search)}`, headers: { cookie } });
      expect(response.statusCode).toBe(200);
    }
  } finally {
    await app.close();
  }
  expect(log).toContain('/api/children');
  expect(log).not.toContain(child.givenName);
  expect(log).not.toContain(child.personnummer);
  expect(log).not.toContain(child.personnummer.slice(2));
});

it('logs a calendar feed address without its token', async () => {
  const stream = new PassThrough();
  let log = '';
  stream.on('data', (chunk) => (log += String(chunk)));
  const app = await buildApp({ database, serveWeb: false, logStream: stream });
  const token = randomBytes(32).toString('base64url');
  try {
    const response = await app.inject({ method: 'GET', url: `/api/calendar/${token}.ics` });
    expect(response.statusCode).toBe(404);
  } finally {
    await app.close();
  }
  await new Promise((resolve) => setImmediate(resolve)); // the stream hands on what it got on the next turn
  // The feed route logs only warnings and errors; should one name the request, it shows no token.
  expect(log).not.toContain(token);
  expect(requestForLog({ method: 'GET', url: `/api/calendar/${token}.ics` }).url).toBe('/api/calendar/[token].ics');
  expect(requestForLog({ method: 'GET', url: '/api/calendar/feed' }).url).toBe('/api/calendar/feed');
});
