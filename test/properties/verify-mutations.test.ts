/**
 * Property: Grafana's real signed plugins (../shared/grafana/fixtures/plugins), copied, with their MANIFEST.txt
 * edited anywhere (bytes set, inserted, deleted; lines deleted, duplicated, swapped, re-ended, dash-escaped),
 * never verify `valid` with the embedded Grafana key once what the signature covers has changed. Edits the format
 * ignores (text before the message, trailing spaces, the armor checksum, text after the signature) may stay
 * valid, and then the signed bytes are exactly the original's. `verifyPlugin` never throws on them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { decodeCleartext } from '../../src/signature/cleartext.js';
import { TrustedKeys } from '../../src/signature/keys.js';
import { verifyPlugin } from '../../src/verify/verify.js';
import { describeShared, SHARED_PLUGINS } from '../helpers/shared.js';
import { copyPlugin } from '../helpers/tmp.js';

/** Each real plugin and an app URL it is valid for (the README table of test/verify/fixtures.test.ts). */
const PLUGINS: [folder: string, appUrl: string][] = [
  ['private-localhost', 'http://localhost:3000/'],
  ['private-subpath', 'http://localhost:3000/grafana'],
  ['grafana-with-root-url', 'https://dev.grafana.com/'],
  ['nested', 'http://localhost:3000/'],
];

type Edit =
  | { op: 'set' | 'insert' | 'delete'; at: number; value: number }
  | { op: 'line-delete' | 'line-duplicate' | 'line-swap' | 'line-lf' | 'line-escape'; at: number; other: number };

const EDIT: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constantFrom('set' as const, 'insert' as const, 'delete' as const),
    at: fc.nat(),
    value: fc.nat(255),
  }),
  fc.record({
    op: fc.constantFrom(
      'line-delete' as const,
      'line-duplicate' as const,
      'line-swap' as const,
      'line-lf' as const,
      'line-escape' as const,
    ),
    at: fc.nat(),
    other: fc.nat(),
  }),
);

function apply(original: Buffer, edits: Edit[]): Buffer {
  let bytes = Buffer.from(original);
  for (const e of edits) {
    if ('value' in e) {
      const i = e.at % (bytes.length + 1);
      if (e.op === 'set' && i < bytes.length) bytes[i] = e.value;
      else if (e.op === 'insert')
        bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([e.value]), bytes.subarray(i)]);
      else bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
      continue;
    }
    const lines = bytes.toString('latin1').split('\n');
    const i = e.at % lines.length;
    const j = e.other % lines.length;
    if (e.op === 'line-delete') lines.splice(i, 1);
    else if (e.op === 'line-duplicate') lines.splice(i, 0, lines[i]);
    else if (e.op === 'line-swap') [lines[i], lines[j]] = [lines[j], lines[i]];
    else if (e.op === 'line-lf') lines[i] = lines[i].replace(/\r$/, '');
    else lines[i] = `- ${lines[i]}`;
    bytes = Buffer.from(lines.join('\n'), 'latin1');
  }
  return bytes;
}

describeShared('real signed plugins with an edited MANIFEST.txt (property)', () => {
  it('never valid once the signed bytes changed; never a throw', async () => {
    const keys = TrustedKeys.withEmbedded();
    const copies = await Promise.all(
      PLUGINS.map(async ([folder, appUrl]) => {
        const dir = copyPlugin(path.join(SHARED_PLUGINS, folder));
        const manifest = readFileSync(path.join(dir, 'MANIFEST.txt'));
        const result = await verifyPlugin(dir, { keys, appUrls: [appUrl] });
        expect(result.status, folder).toBe('valid'); // the unedited copy is valid
        return { folder, dir, appUrl, manifest, signed: decodeCleartext(manifest)!.signedBytes };
      }),
    );
    const tally = { signedChanged: 0, stillValid: 0, verdicts: new Map<string, number>() };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...copies),
        fc.array(EDIT, { minLength: 1, maxLength: 4 }),
        async (copy, edits) => {
          const mutated = apply(copy.manifest, edits);
          fc.pre(!mutated.equals(copy.manifest));
          writeFileSync(path.join(copy.dir, 'MANIFEST.txt'), mutated);
          const result = await verifyPlugin(copy.dir, { keys, appUrls: [copy.appUrl] });
          tally.verdicts.set(result.status, (tally.verdicts.get(result.status) ?? 0) + 1);
          const block = decodeCleartext(mutated);
          const signedChanged = !block || !block.signedBytes.equals(copy.signed);
          if (signedChanged) tally.signedChanged++;
          if (result.status === 'valid') {
            tally.stillValid++;
            expect(signedChanged, `${copy.folder}: ${JSON.stringify(edits)}`).toBe(false);
            expect(result.manifest?.files.size).toBeGreaterThan(0);
          } else {
            expect(result.findings.length).toBeGreaterThan(0);
            expect(result.reason).not.toBe('');
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(tally.signedChanged).toBeGreaterThan(100); // most edits hit what is signed (or break the format)
    expect(tally.verdicts.get('invalid')).toBeGreaterThan(50);
  }, 60_000);
});
