import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashEvent } from './audit.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the audit trail', () => {
  it('hashes canonical JSON, so key order (as jsonb stores it) does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
    const event = {
      occurredAt: new Date('2026-11-23T10:00:00.000Z'),
      actorId: null,
      actorUnitId: null,
      action: 'child.read',
      outcome: 'allowed' as const,
      municipalityId: null,
      childId: null,
      childIds: null,
      resourceType: null,
      resourceId: null,
      purpose: null,
    };
    expect(hashEvent({ ...event, details: { x: 1, y: 2 } }, GENESIS_HASH)).toBe(hashEvent({ ...event, details: { y: 2, x: 1 } }, GENESIS_HASH));
    expect(hashEvent({ ...event, details: null }, GENESIS_HASH)).not.toBe(hashEvent({ ...event, outcome: 'denied', details: null }, GENESIS_HASH));
  });

  it('is bypassed by nothing in src/: the benchmark-only switch is used only by bench/', () => {
    const users = sourceFiles('src').filter(
      (f) => !f.endsWith(join('services', 'audit.ts')) && readFileSync(f, 'utf8').includes('unsafeWithoutAuditForBenchmark'),
    );
    expect(users).toEqual([]);
  });
});
