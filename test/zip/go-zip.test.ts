/**
 * Zips that a reader other than Go's `archive/zip` reads differently (issue 9, item 4). Each zip is built from
 * raw bytes (test/helpers/raw-zip.ts) so that a library-decoded reading would see the signed plugin while
 * Grafana's installer extracts other files. Checked three ways: `verifyPluginZip`, the reference extraction
 * (test/helpers/grafana-extract.ts, from Go's archive/zip and Grafana's pkg/plugins/storage/fs.go) verified as
 * a folder, and end to end through the bundled CLI (`node dist/cli/index.js verify --json x.zip`).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrustedKeys } from '../../src/signature/keys.js';
import { signPlugin } from '../../src/signing/sign.js';
import type { Finding } from '../../src/verify/findings.js';
import { verifyPlugin } from '../../src/verify/verify.js';
import { verifyPluginZip, type OpenPluginZipOptions } from '../../src/zip/read-zip.js';
import {
  DEMO_TOKEN,
  keysTrustingLoopback,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';
import { extractLikeGrafana } from '../helpers/grafana-extract.js';
import { writeRawZip, unicodePathField, type RawEntry } from '../helpers/raw-zip.js';
import { CLI_BUNDLE, runCli } from '../helpers/run-action.js';
import { tempDir } from '../helpers/tmp.js';

const ID = 'myorg-go-datasource';
const decisive = (findings: Finding[]) =>
  findings.filter((f) => f.status !== null).map((f) => [f.kind, f.path ?? null] as [string, string | null]);

let server: LoopbackGrafanaCom;
let trusted: TrustedKeys;
let keyFile: string;
let signedDir: string;
/** The signed plugin's files, as zip entries under `<id>/`, sorted. */
let signedEntries: RawEntry[];

beforeAll(async () => {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run build`);
  server = await startLoopbackGrafanaCom({
    tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { [ID]: 'community' } } },
  });
  trusted = await keysTrustingLoopback(server);
  keyFile = path.join(tempDir('key-'), 'grafana-com.asc');
  writeFileSync(keyFile, server.publicKeyArmored);
  signedDir = path.join(tempDir('go-zip-'), 'dist');
  mkdirSync(path.join(signedDir, 'img'), { recursive: true });
  writeFileSync(
    path.join(signedDir, 'plugin.json'),
    JSON.stringify({ type: 'datasource', id: ID, info: { version: '1.0.0' } }),
  );
  writeFileSync(path.join(signedDir, 'module.js'), 'define([], function () { return {}; });\n');
  writeFileSync(path.join(signedDir, 'café.js'), 'console.log("café");\n');
  writeFileSync(path.join(signedDir, 'img/logo.svg'), '<svg/>\n');
  const signed = await signPlugin({ dist: signedDir, token: DEMO_TOKEN, grafanaComUrl: server.url, keys: trusted });
  expect(signed.verification.status).toBe('valid');
  signedEntries = ['MANIFEST.txt', 'café.js', 'img/logo.svg', 'module.js', 'plugin.json'].map((rel) => ({
    name: `${ID}/${rel}`,
    data: readFileSync(path.join(signedDir, rel)),
  }));
});
afterAll(() => server?.close());

/** Verifies zip bytes three ways; returns the zip's result, the reference's, and the CLI's JSON. */
async function threeWays(bytes: Buffer, zipOptions: OpenPluginZipOptions = {}) {
  const file = path.join(tempDir('zip-'), 'plugin.zip');
  writeFileSync(file, bytes);
  const tempRoot = tempDir('extract-');
  const result = await verifyPluginZip(file, { keys: trusted }, { ...zipOptions, tempRoot });
  expect(readdirSync(tempRoot)).toEqual([]);
  const { pluginDir } = extractLikeGrafana(bytes, tempDir('grafana-plugins-'), ID);
  const reference = await verifyPlugin(pluginDir, { keys: trusted });
  const run = await runCli(['verify', '--json', '--public-key', keyFile, file]);
  expect(run.code).toBe(1);
  const cli = JSON.parse(run.stdout) as { status: string; findings: Finding[]; layout?: Array<{ kind: string }> };
  return { result, reference, cli };
}

describe('zips read as Go’s archive/zip reads them (the four of issue 9)', () => {
  it('the signed plugin zipped plainly verifies valid three ways (the baseline)', async () => {
    const bytes = writeRawZip([{ name: `${ID}/` }, ...signedEntries]);
    const file = path.join(tempDir('zip-'), 'plugin.zip');
    writeFileSync(file, bytes);
    expect((await verifyPluginZip(file, { keys: trusted })).status).toBe('valid');
    const { pluginDir } = extractLikeGrafana(bytes, tempDir('grafana-plugins-'), ID);
    expect((await verifyPlugin(pluginDir, { keys: trusted })).status).toBe('valid');
    const run = await runCli(['verify', '--json', '--public-key', keyFile, file]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { status: string }).status).toBe('valid');
  });

  it(
    'an end record counting 6 entries while the directory holds 65,542: every entry is read, as Go does',
    { timeout: 300_000 },
    async () => {
      const entries: RawEntry[] = [{ name: `${ID}/` }, ...signedEntries.filter((e) => e.name !== `${ID}/café.js`)];
      expect(entries).toHaveLength(5);
      entries.push({ name: `${ID}/img/` });
      const dirIndex = entries.length - 1;
      for (let i = 0; i < 65_535; i++) entries.push({ name: `${ID}/img/`, sameLocalAs: dirIndex });
      entries.push({ name: `${ID}/evil.js`, data: 'alert(1)\n' });
      expect(entries).toHaveLength(65_542);
      const bytes = writeRawZip(entries, { endCount: 6 });
      expect(bytes.readUInt16LE(bytes.length - 22 + 10)).toBe(6);

      // With a limit above the count, the verdict is Go's: evil.js is not covered, café.js is missing.
      const { result, reference, cli } = await threeWays(bytes, { maxEntries: 70_000 });
      expect(reference.status).toBe('modified');
      expect(decisive(reference.findings)).toEqual([
        ['file-missing', 'café.js'],
        ['file-not-covered', 'evil.js'],
      ]);
      expect(result.status).toBe('modified');
      expect(decisive(result.findings)).toEqual(decisive(reference.findings));
      expect(result.layout.filter((l) => l.kind !== 'zip-duplicate')).toEqual([]);
      // The CLI keeps the default limit (20,000 entries): nothing extracted, never valid.
      expect(cli.status).toBe('invalid');
      expect(cli.findings[0].kind).toBe('unsafe-entry');
      expect(cli.layout?.map((l) => l.kind)).toEqual(['zip-too-large']);
    },
  );

  it('an Info-ZIP Unicode Path field (0x7075) naming module.js on an entry named evil.js: the name is evil.js', async () => {
    const module = signedEntries.find((e) => e.name === `${ID}/module.js`)!;
    const evilName = `${ID}/evil.js`;
    const bytes = writeRawZip([
      { name: `${ID}/` },
      ...signedEntries.filter((e) => e !== module),
      { name: evilName, data: module.data, flags: 0, extra: unicodePathField(evilName, module.name as string) },
    ]);
    const { result, reference, cli } = await threeWays(bytes);
    expect(reference.status).toBe('modified');
    expect(decisive(reference.findings)).toEqual([
      ['file-missing', 'module.js'],
      ['file-not-covered', 'evil.js'],
    ]);
    expect(result.status).toBe('modified');
    expect(decisive(result.findings)).toEqual(decisive(reference.findings));
    expect(cli.status).toBe('modified');
    expect(decisive(cli.findings)).toEqual(decisive(reference.findings));
  });

  it('an entry with the MS-DOS directory attribute from host 10: Go gives it mode 0, so it is a file', async () => {
    const bytes = writeRawZip([
      { name: `${ID}/` },
      ...signedEntries,
      { name: `${ID}/evil`, data: 'alert(1)\n', host: 10, externalAttrs: 0x10 },
    ]);
    const { result, reference, cli } = await threeWays(bytes);
    expect(reference.status).toBe('modified');
    expect(decisive(reference.findings)).toEqual([['file-not-covered', 'evil']]);
    expect(result.status).toBe('modified');
    expect(decisive(result.findings)).toEqual(decisive(reference.findings));
    expect(cli.status).toBe('modified');
    expect(decisive(cli.findings)).toEqual([['file-not-covered', 'evil']]);
  });

  it('a CP437 name without the UTF-8 flag (caf\\x82.js): the raw bytes are the file name, café.js is missing', async () => {
    const cafe = signedEntries.find((e) => e.name === `${ID}/café.js`)!;
    const rawName = Buffer.concat([Buffer.from(`${ID}/caf`), Buffer.from([0x82]), Buffer.from('.js')]);
    const bytes = writeRawZip([
      { name: `${ID}/` },
      ...signedEntries.filter((e) => e !== cafe),
      { name: rawName, data: cafe.data, flags: 0 },
    ]);
    const { result, reference, cli } = await threeWays(bytes);
    // The status of a folder holding a name that is not UTF-8 is the walk's business (src/manifest/walk.ts):
    // whatever it is, the zip, the reference folder and the CLI agree, and it is never valid.
    expect(reference.status).not.toBe('valid');
    expect(result.status).toBe(reference.status);
    expect(decisive(result.findings)).toEqual(decisive(reference.findings));
    expect(decisive(result.findings)).toContainEqual(['file-missing', 'café.js']);
    expect(cli.status).toBe(reference.status);
    expect(decisive(cli.findings)).toEqual(decisive(reference.findings));
    // The file Grafana would load has the raw byte 0x82 in its name, not "é".
    const tempRoot = tempDir('extract-');
    const { pluginDir } = extractLikeGrafana(bytes, tempRoot, ID);
    expect(
      readdirSync(pluginDir, { encoding: 'buffer' }).some((n) =>
        n.equals(Buffer.from([0x63, 0x61, 0x66, 0x82, 0x2e, 0x6a, 0x73])),
      ),
    ).toBe(true);
  });

  it('an end record count that disagrees modulo 65,536 makes Go refuse the zip: nothing extracted, unsigned', async () => {
    const bytes = writeRawZip([{ name: `${ID}/` }, ...signedEntries], { endCount: 5 });
    const { result, reference, cli } = await threeWays(bytes);
    expect(reference.status).toBe('unsigned');
    expect(result.status).toBe('unsigned');
    expect(result.layout).toEqual([
      {
        kind: 'zip-unreadable',
        message:
          "cannot read the zip: unexpected EOF: the central directory has 6 entries, the end record says 5; nothing was extracted (Go's archive/zip, which Grafana's installer uses, refuses it too)",
      },
    ]);
    expect(cli.status).toBe('unsigned');
  });
});
