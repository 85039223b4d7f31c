/**
 * The web app takes its API types from the server's zod schemas and the domain
 * (src/web/api-types.ts), but never server code: every import from
 * src/http, src/services, src/db or src/domain must be `import type` (or
 * `export type … from`), which the bundler erases. `import { type X }` is not
 * enough – under verbatimModuleSyntax it still loads the module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const WEB = dirname(fileURLToPath(import.meta.url));
const SRC = resolve(WEB, '..');
const SERVER_ONLY = ['http', 'services', 'db', 'domain'].map((folder) => join(SRC, folder));

/** Runtime imports of pure domain constants the web app already had (none today); add here only deliberately. */
const ALLOWED_RUNTIME_IMPORTS: readonly string[] = [];

/** The specifiers `file` loads at runtime (type-only imports and `import()` types left out). */
function runtimeImports(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      if (!node.isTypeOnly && ts.isStringLiteral(node.moduleReference.expression)) found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments;
      found.push(specifier && ts.isStringLiteralLike(specifier) ? specifier.text : '<computed>');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** "file → specifier" for each runtime import of `file` that reaches server-only code. */
function serverImports(filePath: string, source: string): string[] {
  return runtimeImports(filePath, source)
    .filter((specifier) => {
      if (specifier === '<computed>') return true;
      if (!specifier.startsWith('.')) return false;
      const target = resolve(dirname(filePath), specifier);
      return SERVER_ONLY.some((folder) => target === folder || target.startsWith(folder + sep));
    })
    .map((specifier) => `${relative(SRC, filePath)} → ${specifier}`)
    .filter((entry) => !ALLOWED_RUNTIME_IMPORTS.includes(entry));
}

function webSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return webSources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the web app imports no server code', () => {
  it('reads the web sources, api-types.ts among them', () => {
    expect(webSources(WEB).map((p) => relative(WEB, p))).toContain('api-types.ts');
  });

  it('imports from src/http, src/services, src/db and src/domain only with `import type`', () => {
    const offending = webSources(WEB).flatMap((path) => serverImports(path, readFileSync(path, 'utf8')));
    expect(offending).toEqual([]);
  });

  it('would catch each way of loading a server module at runtime', () => {
    const file = join(WEB, 'example.ts');
    const source = [
      "import type { z } from 'zod';",
      "import type * as children from '../http/routes/children.schema.ts';",
      "export type { Actor } from '../domain/access.ts';",
      "type Lazy = typeof import('../db/client.ts');",
      "import { useQuery } from '@tanstack/react-query';",
      "import { api } from './api.ts';",
      // Each of these loads server code:
      "import { ChildSummary } from '../http/routes/children.schema.ts';",
      "import { type Actor } from '../domain/access.ts';",
      "import '../db/client.ts';",
      "export * from '../services/children.ts';",
      "const lazy = () => import('../services/concerns.ts');",
    ].join('\n');
    expect(serverImports(file, source)).toEqual([
      'web/example.ts → ../http/routes/children.schema.ts',
      'web/example.ts → ../domain/access.ts',
      'web/example.ts → ../db/client.ts',
      'web/example.ts → ../services/children.ts',
      'web/example.ts → ../services/concerns.ts',
    ]);
  });
});
