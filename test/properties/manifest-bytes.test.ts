/**
 * Properties of the MANIFEST.txt readers on hostile bytes, beyond the byte-level ones in test/signature: structured
 * cleartext with random headers, dash-escapes, whitespace and line endings; line-level edits of the real
 * manifests; manifest JSON with fields of every JSON type. The cleartext decoder never throws, and what it returns
 * keeps its own invariants; the JSON parser throws nothing but `ManifestFormatError`, and agrees with `JSON.parse`
 * on well-typed manifests; `readPluginManifest` never throws and never accepts changed signed bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManifestFormatError } from '../../src/errors.js';
import { decodeCleartext, type CleartextBlock } from '../../src/signature/cleartext.js';
import { TrustedKeys } from '../../src/signature/keys.js';
import { parseManifestJson } from '../../src/signature/manifest-json.js';
import { readPluginManifest } from '../../src/signature/read-manifest.js';
import { describeShared, HAVE_SHARED, SHARED_MANIFESTS } from '../helpers/shared.js';

const START = '-----BEGIN PGP SIGNED MESSAGE-----';
const SIG = '-----BEGIN PGP SIGNATURE-----\n\nwqEEARMKAAYFAl6U6o0ACgkQ\n=abcd\n-----END PGP SIGNATURE-----\n';

/** The decoder's contract: signed bytes are the plaintext's lines joined by CRLF, none ending in space or tab. */
function expectBlockInvariants(block: CleartextBlock) {
  const plain = block.plaintext.toString('latin1');
  const lines = plain === '' ? [] : plain.slice(0, -1).split('\n');
  if (plain !== '') expect(plain.endsWith('\n')).toBe(true);
  expect(block.signedBytes.toString('latin1')).toBe(lines.join('\r\n'));
  for (const line of lines) expect(line).not.toMatch(/[ \t]$/);
  expect(block.armoredSignature.toString('latin1')).toMatch(/^-----BEGIN PGP SIGNATURE-----/);
  expect(block.armoredSignature.toString('latin1')).toContain('\n-----END PGP SIGNATURE-----');
}

/** Mostly what decodes, sometimes what does not: both the decoder's success and failure paths get exercised. */
function weighted<T>(common: T[], rare: T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...common), weight: 6 },
    { arbitrary: fc.constantFrom(...rare), weight: 1 },
  );
}
const EOL = weighted(['\n', '\r\n'], ['\r', '\n\r']);
const LINE = fc.oneof(
  fc.constantFrom(
    '{',
    '}',
    '  "plugin": "x",',
    '- escaped',
    '- - twice',
    '-',
    '--',
    START,
    '-----BEGIN PGP SIGNATURE-----',
  ),
  fc.string({ unit: fc.constantFrom('a', ' ', '\t', '-', '"', '\\', '\r', '\0', '\xff', '\u00e9'), maxLength: 12 }),
);
const HEADER = fc.oneof(
  { arbitrary: fc.constantFrom('Hash: SHA512', 'Hash: SHA256, SHA1', 'SaltedHash: x'), weight: 6 },
  { arbitrary: fc.constantFrom('Version: 1', 'Hash:', 'Hash SHA512', 'Hash:\tx'), weight: 1 },
  {
    arbitrary: fc.string({ unit: fc.constantFrom('H', 'a', 's', 'h', ':', ' ', ',', '\x7f', '\xe9'), maxLength: 10 }),
    weight: 1,
  },
);

const CLEARTEXT = fc
  .record({
    before: weighted(['', '\n', '\r\n', 'junk\n'], ['\ufeff', 'x']),
    suffix: weighted([''], [' ', '\r']),
    headers: fc.array(HEADER, { maxLength: 3 }),
    lines: fc.array(LINE, { maxLength: 12 }),
    eols: fc.array(EOL, { minLength: 20, maxLength: 20 }),
    signature: weighted([SIG, SIG.replace(/\n/g, '\r\n'), SIG + 'trailing\n'], [SIG.slice(0, -30), '']),
  })
  .map(({ before, suffix, headers, lines, eols, signature }) => {
    const eol = (i: number) => eols[i % eols.length];
    const parts = [before, START + suffix, eol(0)];
    headers.forEach((h, i) => parts.push(h, eol(i + 1)));
    parts.push(eol(5));
    lines.forEach((l, i) => parts.push(l, eol(i + 7)));
    parts.push(signature);
    return Buffer.from(parts.join(''), 'latin1');
  });

describe('decodeCleartext (property, structured input)', () => {
  it('never throws; what it returns keeps the plaintext / signed bytes contract', () => {
    let decoded = 0;
    fc.assert(
      fc.property(CLEARTEXT, (bytes) => {
        const block = decodeCleartext(bytes);
        if (block) {
          decoded++;
          expectBlockInvariants(block);
        }
      }),
      { numRuns: 2000 },
    );
    expect(decoded).toBeGreaterThan(200); // the generator reaches the decoder's success path
  });
});

/** Field values of every JSON type, the right one included. */
const ANY_VALUE = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string(),
  fc.integer(),
  fc.constantFrom(null, 1.5, 1e21, -0, '1', 9007199254740993n, -9223372036854775808n, 9223372036854775808n),
);
const FIELD_NAMES = [
  'manifestVersion',
  'signatureType',
  'signedByOrg',
  'signedByOrgName',
  'plugin',
  'version',
  'keyId',
  'time',
  'files',
  'rootUrls',
];

/** A JSON text with the manifest's fields (names in any case), any values, and unknown fields. */
const HOSTILE_JSON = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...FIELD_NAMES, 'PLUGIN', 'Files', 'ROOTURLS', 'ſignatureType', 'x'), fc.string()),
      ANY_VALUE,
    ),
    { maxLength: 12 },
  )
  .map((pairs) =>
    Buffer.from(
      `{${pairs
        .map(([k, v]) => `${JSON.stringify(k)}:${typeof v === 'bigint' ? v.toString() : JSON.stringify(v)}`)
        .join(',')}}`,
    ),
  );

describe('parseManifestJson (property, manifest-shaped input)', () => {
  it('fields of any JSON type: throws nothing but ManifestFormatError, returns well-typed values', () => {
    fc.assert(
      fc.property(HOSTILE_JSON, (bytes) => {
        try {
          const m = parseManifestJson(bytes);
          for (const f of ['manifestVersion', 'signatureType', 'signedByOrg', 'plugin', 'version', 'keyId'] as const) {
            expect(typeof m[f]).toBe('string');
          }
          expect(Number.isInteger(m.time)).toBe(true);
          expect(m.files).toBeInstanceOf(Map);
          for (const [k, v] of m.files) expect([typeof k, typeof v]).toEqual(['string', 'string']);
          expect(m.rootUrls.every((u) => typeof u === 'string')).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ManifestFormatError);
          expect((e as Error).message).toMatch(/^Error parsing manifest JSON: /);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('well-typed manifests (any Unicode, unknown fields): the same values as JSON.parse', () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    const manifest = fc.record({
      manifestVersion: text,
      signatureType: text,
      signedByOrg: text,
      signedByOrgName: text,
      plugin: text,
      version: text,
      keyId: text,
      time: fc.maxSafeInteger(),
      files: fc.dictionary(text, text, { maxKeys: 8 }),
      rootUrls: fc.array(text, { maxLength: 4 }),
      'x-extra': fc.jsonValue({ maxDepth: 4 }),
    });
    fc.assert(
      fc.property(manifest, fc.boolean(), (m, pretty) => {
        const bytes = Buffer.from(JSON.stringify(m, null, pretty ? 2 : undefined), 'utf8');
        const parsed = parseManifestJson(bytes);
        const { 'x-extra': _extra, files, ...fields } = m;
        expect({ ...parsed, files: Object.fromEntries(parsed.files) }).toEqual({ ...fields, files: { ...files } });
      }),
      { numRuns: 500 },
    );
  });
});

/** Edits that keep bytes but move lines: delete, duplicate, swap, change line endings, dash-escape, add junk. */
const LINE_EDIT = fc.tuple(
  fc.constantFrom('delete', 'duplicate', 'swap', 'lf', 'crlf', 'cr', 'escape', 'trailing-space', 'junk-line'),
  fc.nat(),
  fc.nat(),
);

function editLines(original: Buffer, edits: [string, number, number][]): Buffer {
  const lines = original.toString('latin1').split('\n');
  for (const [op, a, b] of edits) {
    const i = a % lines.length;
    const j = b % lines.length;
    if (op === 'delete' && lines.length > 1) lines.splice(i, 1);
    else if (op === 'duplicate') lines.splice(i, 0, lines[i]);
    else if (op === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
    else if (op === 'lf') lines[i] = lines[i].replace(/\r$/, '');
    else if (op === 'crlf') lines[i] = lines[i].replace(/\r?$/, '\r');
    else if (op === 'cr') lines[i] = lines[i].replace(/\r?$/, '\r\r');
    else if (op === 'escape') lines[i] = `- ${lines[i]}`;
    else if (op === 'trailing-space') lines[i] = lines[i].replace(/(\r?)$/, ' \t$1');
    else lines.splice(i, 0, ['-----BEGIN PGP SIGNATURE-----', '', 'Hash: SHA1', '-', '=AAAA'][b % 5]);
  }
  return Buffer.from(lines.join('\n'), 'latin1');
}

/** Byte edits anywhere in the file: set, insert, delete. */
const BYTE_EDIT = fc.tuple(fc.constantFrom('set', 'insert', 'delete'), fc.nat(), fc.integer({ min: 0, max: 255 }));

function editBytes(original: Buffer, edits: [string, number, number][]): Buffer {
  let bytes = Buffer.from(original);
  for (const [op, at, value] of edits) {
    const i = at % (bytes.length + 1);
    if (op === 'set' && i < bytes.length) bytes[i] = value;
    else if (op === 'insert') bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([value]), bytes.subarray(i)]);
    else bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
  }
  return bytes;
}

describeShared('the real manifests, edited (property)', () => {
  // Read only when present: describe.skip still runs this callback.
  const files = HAVE_SHARED ? readdirSync(SHARED_MANIFESTS).filter((f) => f.endsWith('MANIFEST.txt')) : [];
  const originals = files.map((f) => readFileSync(path.join(SHARED_MANIFESTS, f)));

  it('line-level edits: decodeCleartext never throws and keeps its contract', () => {
    fc.assert(
      fc.property(fc.constantFrom(...originals), fc.array(LINE_EDIT, { minLength: 1, maxLength: 5 }), (o, edits) => {
        const block = decodeCleartext(editLines(o, edits));
        if (block) expectBlockInvariants(block);
      }),
      { numRuns: 1000 },
    );
  });

  it('readPluginManifest never throws, and never reads ok when the signed bytes changed', async () => {
    const keys = TrustedKeys.withEmbedded();
    const signedOriginals = new Map(originals.map((o) => [o, decodeCleartext(o)!.signedBytes]));
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...originals),
        fc.oneof(
          fc.array(LINE_EDIT, { minLength: 1, maxLength: 3 }).map((e) => (o: Buffer) => editLines(o, e)),
          fc.array(BYTE_EDIT, { minLength: 1, maxLength: 4 }).map((e) => (o: Buffer) => editBytes(o, e)),
        ),
        async (original, edit) => {
          const mutated = edit(original);
          const reading = await readPluginManifest(mutated, keys);
          const block = decodeCleartext(mutated);
          if (block && !block.signedBytes.equals(signedOriginals.get(original)!)) changed++;
          if (reading.ok) expect(reading.block.signedBytes.equals(signedOriginals.get(original)!)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    expect(changed).toBeGreaterThan(50);
  }, 60_000);
});
