#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader (no separate build step).
import { register } from 'tsx/esm/api';

register();
process.env.SAMSYN_CLI = '1';
await import('../src/cli.ts');
