/**
 * The `results` output within GitHub's limits: a job's outputs share 1 MiB, so `results` holds at most
 * {@link MAX_RESULTS_OUTPUT_BYTES} and the full JSON goes to a file whose path is the `results-file` output.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { redact } from '../text/redact.js';

/** Largest `results` output in UTF-8 bytes: 900 KiB, leaving room for the other outputs under GitHub's 1 MiB. */
const MAX_RESULTS_OUTPUT_BYTES = 900 * 1024;

/** What {@link boundResults} produced. */
export interface BoundedResults {
  /** The `results` output: the full JSON array, or the first entries that fit and a note entry. */
  output: string;
  /** Absolute path of the file holding the full JSON array. */
  file: string;
  /** Entries left out of `output` (0 when it is complete). */
  omitted: number;
}

/**
 * Writes the full results (token redacted) to `<RUNNER_TEMP or the OS temp folder>/sign-plugin-action-results-<random>.json` and
 * returns the `results` output: the full JSON array when it has at most `maxBytes` UTF-8 bytes; otherwise the
 * largest prefix of entries that fits, followed by one note entry
 * `{ "truncated": true, "omitted": N, "total": T, "resultsFile": "<path>", "note": "…" }`, so the output stays a
 * JSON array a workflow can parse.
 *
 * @param entries one JSON-able entry per plugin. @param env the runner's environment (`RUNNER_TEMP`).
 * @param maxBytes the output's bound (default {@link MAX_RESULTS_OUTPUT_BYTES}).
 * @returns the output, the file's path and how many entries were left out.
 * @throws the `fs` error when the file cannot be written.
 */
export async function boundResults(
  entries: readonly unknown[],
  env: NodeJS.ProcessEnv,
  maxBytes = MAX_RESULTS_OUTPUT_BYTES,
): Promise<BoundedResults> {
  const full = JSON.stringify(entries);
  const dir = env.RUNNER_TEMP || tmpdir();
  const file = path.join(dir, `sign-plugin-action-results-${randomBytes(6).toString('hex')}.json`);
  await writeFile(file, redact(full), { flag: 'wx', mode: 0o600 });
  if (Buffer.byteLength(full, 'utf8') <= maxBytes) return { output: full, file, omitted: 0 };

  const note = (shown: number) => ({
    truncated: true,
    omitted: entries.length - shown,
    total: entries.length,
    resultsFile: file,
    note:
      `results holds the first ${shown} of ${entries.length} plugins (GitHub limits a job's outputs to 1 MiB); ` +
      'the full JSON is in the results-file output',
  });
  const render = (shown: number) => JSON.stringify([...entries.slice(0, shown), note(shown)]);
  let lo = 0;
  let hi = entries.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (Buffer.byteLength(render(mid), 'utf8') <= maxBytes) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return { output: render(best), file, omitted: entries.length - best };
}
