#!/usr/bin/env node
// The gcmt CLI. `npm install` bundles the TypeScript sources (scripts/build-cli.ts); the bundle
// runs only while it is newer than every source file, else the sources run directly through tsx,
// so an edit never runs stale and there is no build step to remember.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bundle = join(root, 'node_modules/.cache/gcmt/main.js');

function bundleIsFresh() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  const src = join(root, 'src');
  return readdirSync(src, { recursive: true }).every(
    (file) => !/\.tsx?$/.test(file) || statSync(join(src, file)).mtimeMs < built,
  );
}

if (process.env.GCMT_NO_BUNDLE !== '1' && bundleIsFresh()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
