/**
 * `node --import <this file> …` with `RECORD_LOADS_FILE=/path/to/log`: appends the `file:` URL of every ES module
 * the process loads (the bundle's `index.js` and each chunk ncc split off beside it) to that file, one per line.
 *
 * On the main thread this registers the file itself as a module-customization hook (`module.register`); in the
 * hooks thread its `resolve` hook records each resolved URL. Used by test/cli/lazy-load.test.ts to prove which
 * chunks `--help`, `manifest` and `verify` load.
 */
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

/** The resolve hook: records the URL Node resolved, changes nothing. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  const log = process.env.RECORD_LOADS_FILE;
  if (log && resolved.url.startsWith('file:')) appendFileSync(log, resolved.url + '\n');
  return resolved;
}
