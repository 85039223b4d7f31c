import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS } from './errors.ts';

describe('the error list', () => {
  it('has a status and a non-empty message in both languages for every code', () => {
    for (const [code, entry] of Object.entries(ERRORS)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.message.sv.length, code).toBeGreaterThan(5);
      expect(entry.message.en.length, code).toBeGreaterThan(5);
      expect(entry.message.sv, code).not.toBe(entry.message.en);
    }
  });

  it('is documented code by code in docs/api.md with the same status', () => {
    const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    for (const [code, entry] of Object.entries(ERRORS)) {
      expect(doc, `docs/api.md lacks ${code}`).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${entry.status}\\s*\\|`));
    }
  });
});
