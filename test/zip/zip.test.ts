/**
 * Plugin zips: the layout Grafana's installer and the catalog expect (SIGNATURES.md §9), safe extraction, the
 * verdict of the contents, and the distributable zip written by `packagePlugin`.
 *
 * Zips are built here with yazl; names yazl refuses to write (`..`, absolute, `\`) and lying headers are made by
 * patching the bytes of a yazl-built zip. Signed content: the real `nested` fixture (plugin id `test-datasource`)
 * and a synthetic backend plugin signed by the loopback grafana.com.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginError } from '../../src/errors.js';
import { TrustedKeys } from '../../src/signature/keys.js';
import { signPlugin } from '../../src/signing/sign.js';
import type { Finding } from '../../src/verify/findings.js';
import { verifyPlugin } from '../../src/verify/verify.js';
import { openPluginZip, verifyPluginZip, type ZipLayoutFinding } from '../../src/zip/read-zip.js';
import { packagePlugin } from '../../src/zip/write-zip.js';
import {
  DEMO_TOKEN,
  keysTrustingLoopback,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';
import { describeShared, SHARED_PLUGINS } from '../helpers/shared.js';
import { extractLikeGrafana } from '../helpers/grafana-extract.js';
import { copyPlugin, tempDir } from '../helpers/tmp.js';

const NESTED = path.join(SHARED_PLUGINS, 'nested');
const ID = 'test-datasource';
const FIXED_MTIME = new Date(Date.UTC(2024, 0, 2, 3, 4, 6));

interface ZipItem {
  name: string;
  data?: Buffer | string;
  /** Full unix mode, type bits included (default 0o100644, directories 0o40755). */
  mode?: number;
  dir?: boolean;
  compress?: boolean;
}

/** Builds a zip in memory with yazl, entries in the order given. */
async function makeZip(items: ZipItem[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const item of items) {
    if (item.dir) zip.addEmptyDirectory(item.name, { mtime: FIXED_MTIME, mode: item.mode ?? 0o40755 });
    else
      zip.addBuffer(Buffer.from(item.data ?? ''), item.name, {
        mtime: FIXED_MTIME,
        mode: item.mode ?? 0o100644,
        compress: item.compress ?? true,
      });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file of a folder (recursive, sorted) as zip items under `top/` (no top: at the zip root). */
function folderItems(dir: string, top?: string, rel = ''): ZipItem[] {
  const items: ZipItem[] = [];
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) items.push(...folderItems(dir, top, r));
    else items.push({ name: top ? `${top}/${r}` : r, data: readFileSync(path.join(dir, r)) });
  }
  return items;
}

/** Replaces an entry name in a zip's bytes (local header and central directory), keeping its length. */
function patchName(zip: Buffer, from: string, to: string): Buffer {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  expect(b.length).toBe(a.length);
  const out = Buffer.from(zip);
  let count = 0;
  for (let i = out.indexOf(a); i >= 0; i = out.indexOf(a, i + a.length)) {
    b.copy(out, i);
    count++;
  }
  expect(count).toBe(2);
  return out;
}

/** Offset of an entry's central directory header (found by its name, which follows the 46-byte header). */
function centralHeader(zip: Buffer, name: string): number {
  const cdOffset = zip.readUInt32LE(zip.length - 22 + 16);
  const at = zip.indexOf(Buffer.from(name), cdOffset);
  expect(at).toBeGreaterThan(cdOffset);
  expect(zip.readUInt32LE(at - 46)).toBe(0x02014b50);
  return at - 46;
}

/** Writes zip bytes to a new temp file. */
function zipFile(bytes: Buffer, name = 'plugin.zip'): string {
  const file = path.join(tempDir('zip-'), name);
  writeFileSync(file, bytes);
  return file;
}

/** Entries of a zip file as yauzl sees them: name, unix mode, DOS time (UTC wall clock). */
async function listZip(file: string): Promise<Array<{ name: string; mode: number; time: string }>> {
  const zip = await yauzl.openPromise(file);
  const out: Array<{ name: string; mode: number; time: string }> = [];
  for await (const entry of zip.eachEntry()) {
    out.push({
      name: entry.fileName,
      mode: entry.externalFileAttributes >>> 16,
      time: entry.getLastModDate({ timezone: 'UTC', forceDosFormat: true }).toISOString(),
    });
  }
  zip.close();
  return out;
}

const keys = () => TrustedKeys.withEmbedded();
/** Signature findings that decide a status (the informational ones excluded). */
const decisive = (findings: Finding[]) => findings.filter((f) => f.status !== null);

/**
 * The cross-check: the zip's verdict equals the verdict on the folder Grafana's installer would write
 * (`extractLikeGrafana` in test/helpers, from Go's archive/zip and Grafana's pkg/plugins/storage/fs.go), with
 * the same decisive findings. When the zip reader could not reproduce an entry the installer would extract
 * (an `unsafe-entry` finding), the zip must not verify valid.
 */
async function crossCheck(
  bytes: Buffer,
  result: Awaited<ReturnType<typeof verifyPluginZip>>,
  trusted: TrustedKeys,
  id: string,
) {
  const { pluginDir } = extractLikeGrafana(bytes, tempDir('grafana-plugins-'), id);
  const reference = await verifyPlugin(pluginDir, { keys: trusted });
  if (result.findings.some((f) => f.kind === 'unsafe-entry')) {
    expect(result.status).not.toBe('valid');
    return reference;
  }
  expect(result.status).toBe(reference.status);
  const decisiveOf = (findings: Finding[]) => decisive(findings).map((f) => [f.kind, f.path]);
  expect(decisiveOf(result.findings)).toEqual(decisiveOf(reference.findings));
  return reference;
}

/** Verifies zip bytes with a dedicated temp root, checks that the extraction folder is gone, and cross-checks. */
async function verifyBytes(bytes: Buffer, limits: Parameters<typeof verifyPluginZip>[2] = {}, id = ID) {
  const tempRoot = tempDir('extract-');
  const file = zipFile(bytes);
  const result = await verifyPluginZip(file, { keys: keys() }, { ...limits, tempRoot });
  expect(readdirSync(tempRoot)).toEqual([]);
  await crossCheck(bytes, result, keys(), id);
  return { result, file };
}

describeShared('verifyPluginZip on the real nested fixture (plugin id test-datasource)', () => {
  it('a zip laid out as the catalog expects verifies valid with no layout finding, and its temp folder is removed', async () => {
    const bytes = await makeZip([
      { name: `${ID}/`, dir: true },
      ...folderItems(NESTED, ID).slice(0, 1),
      { name: `${ID}/nested/`, dir: true },
      ...folderItems(NESTED, ID).slice(1),
    ]);
    const { result, file } = await verifyBytes(bytes);
    expect(result.layout).toEqual([]);
    expect(result.status).toBe('valid');
    expect(result.findings).toEqual([]);
    expect(result.headline).toBe("plugin 'test-datasource' has a valid signature");
    expect(result.filesCount).toBe(2);
    expect(result.plugin).toEqual({ id: ID, version: '1.0.0', type: 'datasource' });
    expect(result.pluginDir).toBe(path.resolve(file));
    expect(result.manifest?.files.has('nested/plugin.json')).toBe(true);
  });

  it('openPluginZip extracts under a new temp folder, names the top folder, and cleanup removes it', async () => {
    const tempRoot = tempDir('extract-');
    const opened = await openPluginZip(zipFile(await makeZip(folderItems(NESTED, ID))), { tempRoot });
    expect(opened.topFolder).toBe(ID);
    expect(opened.entries).toBe(3);
    expect(opened.layout).toEqual([]);
    expect(path.basename(opened.pluginDir)).toBe(ID);
    expect(path.dirname(path.dirname(opened.pluginDir))).toBe(tempRoot);
    expect(readFileSync(path.join(opened.pluginDir, 'nested/plugin.json'))).toEqual(
      readFileSync(path.join(NESTED, 'nested/plugin.json')),
    );
    expect(statSync(path.join(opened.pluginDir, 'plugin.json')).mode & 0o777).toBe(0o644);
    await opened.cleanup();
    expect(existsSync(path.dirname(opened.pluginDir))).toBe(false);
    expect(readdirSync(tempRoot)).toEqual([]);
    await opened.cleanup(); // twice is fine
  });

  it('a top folder not named after the plugin id: zip-top-folder-name, status still valid', async () => {
    const { result } = await verifyBytes(await makeZip(folderItems(NESTED, 'dist')));
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-top-folder-name',
        message:
          "top-level folder dist/ is not named after the plugin id test-datasource: the catalog expects test-datasource/ (Grafana's installer renames it to the plugin id)",
        path: 'dist/',
        expected: ID,
        actual: 'dist',
      },
    ]);
    expect(result.status).toBe('valid');
  });

  it('two top folders: zip-top-folders, and the installer merges them, so the extra file is not covered → modified', async () => {
    const bytes = await makeZip([...folderItems(NESTED, ID), { name: 'docs/README.md', data: '# docs\n' }]);
    const { result } = await verifyBytes(bytes);
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-top-folders',
        message:
          "the zip has 2 top-level folders (test-datasource/, docs/): Grafana's installer and the catalog expect exactly one, named after the plugin id; the installer renames each to the plugin id, merging their files",
        actual: 'test-datasource/, docs/',
      },
    ]);
    expect(result.status).toBe('modified');
    expect(result.reason).toBe('The following files were not included in the signature: README.md');
    expect(decisive(result.findings)).toEqual([
      expect.objectContaining({ kind: 'file-not-covered', path: 'README.md' }),
    ]);
  });

  it('a file at the zip root: zip-root-file; it is not part of the plugin, so the status stays valid', async () => {
    const { result } = await verifyBytes(await makeZip([...folderItems(NESTED, ID), { name: 'README.md', data: 'x' }]));
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-root-file',
        message:
          "file at the zip root: README.md; Grafana's installer and the catalog expect every file inside one top-level folder named after the plugin id (the installer writes it outside the plugin folder)",
        path: 'README.md',
      },
    ]);
    expect(result.status).toBe('valid');
  });

  it('the folder zipped flat (plugin.json at the root): the installer renames nested/ to the plugin, so only nested/plugin.json is installed → unsigned', async () => {
    const tempRoot = tempDir('extract-');
    const opened = await openPluginZip(zipFile(await makeZip(folderItems(NESTED))), { tempRoot });
    // Grafana's reGitBuild renames the first segment "nested/" to the plugin id; root files land outside the plugin.
    expect(opened.topFolder).toBe('nested');
    expect(opened.layout.map((l) => [l.kind, l.path])).toEqual([
      ['zip-root-file', 'MANIFEST.txt'],
      ['zip-root-file', 'plugin.json'],
      ['zip-top-folder-name', 'nested/'],
    ]);
    expect(readdirSync(opened.pluginDir)).toEqual(['plugin.json']);
    await opened.cleanup();
    const { result } = await verifyBytes(await makeZip(folderItems(NESTED)));
    expect(result.status).toBe('unsigned');
    expect(result.filesCount).toBe(1);
  });

  it('a <top>/../ entry: zip-path-escape, written outside the plugin (as the installer does), status valid', async () => {
    const built = await makeZip([...folderItems(NESTED, ID), { name: `${ID}/XX/evil.txt`, data: 'evil' }]);
    const bytes = patchName(built, `${ID}/XX/evil.txt`, `${ID}/../evil.txt`);
    const tempRoot = tempDir('extract-');
    const opened = await openPluginZip(zipFile(bytes), { tempRoot });
    const expected: ZipLayoutFinding[] = [
      {
        kind: 'zip-path-escape',
        message:
          "entry name climbs out of its folder with ..: test-datasource/../evil.txt; Grafana's installer writes it outside the plugin folder; not part of the plugin",
        path: 'test-datasource/../evil.txt',
      },
    ];
    expect(opened.layout).toEqual(expected);
    const tempDirOf = path.dirname(opened.pluginDir);
    expect(existsSync(path.join(tempDirOf, 'evil.txt'))).toBe(false);
    expect(existsSync(path.join(opened.pluginDir, 'evil.txt'))).toBe(false);
    expect(readdirSync(tempDirOf)).toEqual([ID]);
    await opened.cleanup();
    const { result } = await verifyBytes(bytes);
    expect(result.layout).toEqual(expected);
    expect(result.status).toBe('valid');
  });

  it('absolute names: C:x is outside the plugin; /x makes the installer refuse the archive and stop there', async () => {
    let bytes = await makeZip([
      { name: 'C_/evil.txt', data: 'evil' },
      ...folderItems(NESTED, ID).slice(0, 2),
      { name: 'Xetc/evil.txt', data: 'evil' },
      ...folderItems(NESTED, ID).slice(2),
    ]);
    bytes = patchName(bytes, 'Xetc/evil.txt', '/etc/evil.txt');
    bytes = patchName(bytes, 'C_/evil.txt', 'C:/evil.txt');
    const { result } = await verifyBytes(bytes);
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-absolute',
        message:
          "entry name is an absolute path on Windows: C:/evil.txt; not part of the plugin (Grafana's installer on Linux and macOS writes it outside the plugin folder)",
        path: 'C:/evil.txt',
      },
      {
        kind: 'zip-absolute',
        message:
          "entry name is an absolute path: /etc/evil.txt; not extracted (Grafana's installer refuses the archive); Grafana's installer stops at this entry, so the 1 after it were not extracted",
        path: '/etc/evil.txt',
      },
      {
        kind: 'zip-no-plugin-json',
        message:
          "the zip has no test-datasource/plugin.json: Grafana's installer and the catalog read the plugin id from it",
        path: 'test-datasource/plugin.json',
      },
    ]);
    // test-datasource/plugin.json came after /etc/evil.txt: the installer never wrote it.
    expect(result.status).toBe('modified');
    expect(decisive(result.findings).map((f) => [f.kind, f.path])).toEqual([
      ['plugin-id-mismatch', 'plugin.json'],
      ['plugin-version-mismatch', 'plugin.json'],
      ['file-missing', 'plugin.json'],
    ]);
  });

  it('a backslash separator: zip-backslash, and the file name keeps the \\ as on Linux → modified', async () => {
    const items = folderItems(NESTED, ID);
    const built = await makeZip(
      items.map((i) => (i.name === `${ID}/nested/plugin.json` ? { ...i, name: `${ID}/nested#plugin.json` } : i)),
    );
    const bytes = patchName(built, `${ID}/nested#plugin.json`, `${ID}/nested\\plugin.json`);
    const { result } = await verifyBytes(bytes);
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-backslash',
        message:
          "entry name uses \\ as separator: test-datasource/nested\\plugin.json; zip entry names must use / (the catalog requires it, and Grafana's installer on Linux and macOS keeps \\ in the file name)",
        path: 'test-datasource/nested\\plugin.json',
        expected: 'test-datasource/nested/plugin.json',
        actual: 'test-datasource/nested\\plugin.json',
      },
    ]);
    expect(result.status).toBe('modified');
    expect(decisive(result.findings).map((f) => [f.kind, f.path])).toEqual([
      ['file-missing', 'nested/plugin.json'],
      ['file-not-covered', 'nested\\plugin.json'],
    ]);
  });

  it('a backslash ..\\ is one file name at the zip root on Linux: reported, not part of the plugin', async () => {
    const built = await makeZip([...folderItems(NESTED, ID), { name: `${ID}/XXXevil.txt`, data: 'evil' }]);
    const bytes = patchName(built, `${ID}/XXXevil.txt`, `${ID}\\..\\evil.txt`);
    const { result } = await verifyBytes(bytes);
    expect(result.layout.map((l) => [l.kind, l.path])).toEqual([
      ['zip-backslash', 'test-datasource\\..\\evil.txt'],
      ['zip-root-file', 'test-datasource\\..\\evil.txt'],
    ]);
    expect(result.status).toBe('valid');
  });

  it('a file tampered with inside the zip: no layout finding, modified, naming the file', async () => {
    const items = folderItems(NESTED, ID).map((i) =>
      i.name === `${ID}/plugin.json` ? { ...i, data: Buffer.concat([i.data as Buffer, Buffer.from(' ')]) } : i,
    );
    const { result } = await verifyBytes(await makeZip(items));
    expect(result.layout).toEqual([]);
    expect(result.status).toBe('modified');
    expect(result.headline).toBe("plugin 'test-datasource' has an modified signature");
    expect(result.reason).toBe('Plugin file checksum does not match signature checksum: plugin.json');
    expect(decisive(result.findings).map((f) => [f.kind, f.path])).toEqual([['file-modified', 'plugin.json']]);
  });

  it('a symlink entry: zip-symlink, never created; the installer would create it, so never valid (invalid)', async () => {
    const bytes = await makeZip([
      ...folderItems(NESTED, ID),
      { name: `${ID}/link.json`, data: 'plugin.json', mode: 0o120777 },
    ]);
    const tempRoot = tempDir('extract-');
    const opened = await openPluginZip(zipFile(bytes), { tempRoot });
    const expected: ZipLayoutFinding[] = [
      {
        kind: 'zip-symlink',
        message:
          "symlink entry: test-datasource/link.json; not created (links in a zip are neither followed nor created here): put the file itself in the zip; Grafana's installer would create it, so the verdict cannot be valid",
        path: 'test-datasource/link.json',
      },
    ];
    expect(opened.layout).toEqual(expected);
    expect(() => lstatSync(path.join(opened.pluginDir, 'link.json'))).toThrow(/ENOENT/);
    await opened.cleanup();
    const { result } = await verifyBytes(bytes);
    expect(result.layout).toEqual(expected);
    expect(result.status).toBe('invalid');
    expect(result.findings[0]).toMatchObject({ kind: 'unsafe-entry', status: 'invalid' });
    expect(result.reason).toBe(
      "Grafana's installer would extract entries that were not reproduced here: test-datasource/link.json; the files Grafana would load cannot be checked, so the zip cannot verify valid (see the zip layout problems)",
    );
  });

  it('a duplicate name: zip-duplicate, and the last one wins as with Grafana’s installer → modified', async () => {
    const items = folderItems(NESTED, ID);
    const original = items.find((i) => i.name === `${ID}/plugin.json`)!;
    const bytes = await makeZip([...items, { name: `${ID}/plugin.json`, data: '{"id":"test-datasource"}' }]);
    const { result } = await verifyBytes(bytes);
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-duplicate',
        message:
          "duplicate entry: test-datasource/plugin.json extracts to the same file as test-datasource/plugin.json (plugin.json); Grafana's installer keeps the last one, other tools may keep the first",
        path: 'test-datasource/plugin.json',
        expected: 'test-datasource/plugin.json',
      },
    ]);
    expect(result.status).toBe('modified');
    expect(decisive(result.findings).map((f) => [f.kind, f.path])).toEqual([
      ['plugin-version-mismatch', 'plugin.json'],
      ['file-modified', 'plugin.json'],
    ]);
    // the other order: the original last → valid.
    const { result: again } = await verifyBytes(
      await makeZip([{ name: `${ID}/plugin.json`, data: '{}' }, ...items.filter((i) => i !== original), original]),
    );
    expect(again.layout.map((l) => l.kind)).toEqual(['zip-duplicate']);
    expect(again.status).toBe('valid');
  });

  it('no plugin.json in the top folder: zip-no-plugin-json, and messages name the zip, not the temp folder', async () => {
    const tempRoot = tempDir('extract-');
    const file = zipFile(await makeZip(folderItems(NESTED, ID).filter((i) => i.name !== `${ID}/plugin.json`)));
    const result = await verifyPluginZip(file, { keys: keys() }, { tempRoot });
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-no-plugin-json',
        message:
          "the zip has no test-datasource/plugin.json: Grafana's installer and the catalog read the plugin id from it",
        path: 'test-datasource/plugin.json',
      },
    ]);
    const pluginJson = result.findings.find((f) => f.kind === 'plugin-json')!;
    expect(pluginJson.message).toBe(
      `plugin.json not found in ${path.resolve(file)}:test-datasource: every plugin needs one at its root`,
    );
    expect(JSON.stringify(result)).not.toContain(tempRoot);
    expect(result.status).toBe('modified');
  });

  it('a corrupt entry (CRC-32 mismatch): zip-unreadable, the bytes read are judged → modified', async () => {
    const items = folderItems(NESTED, ID).map((i) => ({ ...i, compress: false }));
    const built = await makeZip(items);
    const at = built.indexOf('Parent plugin');
    expect(at).toBeGreaterThan(0);
    const bytes = Buffer.from(built);
    bytes[at] = 'p'.charCodeAt(0);
    const { result } = await verifyBytes(bytes);
    expect(result.layout).toHaveLength(1);
    expect(result.layout[0]).toMatchObject({
      kind: 'zip-unreadable',
      message: 'entry test-datasource/plugin.json fails its CRC-32 check: the zip is corrupt (extracted as read)',
      path: 'test-datasource/plugin.json',
    });
    expect(result.layout[0].expected).toMatch(/^[0-9a-f]{8}$/);
    expect(result.layout[0].actual).toMatch(/^[0-9a-f]{8}$/);
    expect(result.layout[0].actual).not.toBe(result.layout[0].expected);
    expect(result.status).toBe('modified');
    expect(decisive(result.findings).map((f) => [f.kind, f.path])).toEqual([['file-modified', 'plugin.json']]);
  });

  it('not a zip: zip-unreadable, and the contents (none) are unsigned', async () => {
    const { result } = await verifyBytes(Buffer.from('this is not a zip file at all, just text'));
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-unreadable',
        message:
          "cannot read the zip: zip: not a valid zip file (no end of central directory record); nothing was extracted (Go's archive/zip, which Grafana's installer uses, refuses it too)",
      },
    ]);
    expect(result.status).toBe('unsigned');
    expect(result.reason).toBe('plugin is unsigned: could not find a MANIFEST.txt');
  });

  it('a missing zip path throws PluginError', async () => {
    const missing = path.join(tempDir(), 'nope.zip');
    await expect(verifyPluginZip(missing, { keys: keys() })).rejects.toThrow(PluginError);
    await expect(verifyPluginZip(missing, { keys: keys() })).rejects.toThrow(
      `plugin zip ${missing} cannot be read: ENOENT`,
    );
  });
});

/** The `unsafe-entry` finding a limit adds: Grafana's installer would extract what was not reproduced. */
const unreproduced = (entries: string) =>
  `Grafana's installer would extract entries that were not reproduced here: ${entries}; the files Grafana would load cannot be checked, so the zip cannot verify valid (see the zip layout problems)`;

describeShared('limits (zip bombs stop early; the verdict is then never valid)', () => {
  const EIGHT_MIB = 8 * 1024 * 1024;
  const ONE_MIB = 1024 * 1024;
  const bomb = () => makeZip([...folderItems(NESTED, ID), { name: `${ID}/big.bin`, data: Buffer.alloc(EIGHT_MIB) }]);

  it('an entry whose header declares more than maxEntryBytes is not extracted → invalid', async () => {
    const { result } = await verifyBytes(await bomb(), { maxEntryBytes: ONE_MIB });
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-too-large',
        message:
          'entry test-datasource/big.bin declares 8388608 bytes, more than the limit of 1048576 per entry; not extracted',
        path: 'test-datasource/big.bin',
        expected: 'at most 1048576 bytes',
        actual: '8388608',
      },
    ]);
    expect(result.status).toBe('invalid');
    expect(result.reason).toBe(unreproduced('test-datasource/big.bin'));
  });

  it('an entry whose header lies (says 1000 bytes) is stopped while inflating, just past the limit', async () => {
    const bytes = await bomb();
    bytes.writeUInt32LE(1000, centralHeader(bytes, `${ID}/big.bin`) + 24);
    const { result } = await verifyBytes(bytes, { maxEntryBytes: ONE_MIB });
    expect(result.layout).toHaveLength(1);
    const [finding] = result.layout;
    expect(finding).toMatchObject({
      kind: 'zip-too-large',
      path: 'test-datasource/big.bin',
      expected: 'at most 1048576 bytes',
      actual: 'more than 1048576 bytes',
    });
    const m =
      /^entry test-datasource\/big\.bin inflates to more than 1048576 bytes, the limit per entry \(stopped after (\d+) bytes; its header says 1000\); not extracted$/.exec(
        finding.message,
      );
    expect(m).not.toBeNull();
    const stoppedAfter = Number(m![1]);
    expect(stoppedAfter).toBeGreaterThan(ONE_MIB);
    expect(stoppedAfter).toBeLessThanOrEqual(ONE_MIB + 64 * 1024);
    expect(result.status).toBe('invalid');
    expect(result.reason).toBe(unreproduced('test-datasource/big.bin'));
  });

  it('with default limits, a lying header is a size mismatch Grafana writes only in part → invalid', async () => {
    const bytes = await bomb();
    bytes.writeUInt32LE(1000, centralHeader(bytes, `${ID}/big.bin`) + 24);
    const { result } = await verifyBytes(bytes);
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-unreadable',
        message:
          "entry test-datasource/big.bin holds 8388608 bytes but its header says 1000: the zip is corrupt (Grafana's installer writes only part of it)",
        path: 'test-datasource/big.bin',
        expected: '1000',
        actual: '8388608',
      },
    ]);
    expect(result.status).toBe('invalid');
    expect(result.reason).toBe(unreproduced('test-datasource/big.bin'));
    expect(decisive(result.findings).map((f) => [f.kind, f.path])).toEqual([
      ['unsafe-entry', undefined],
      ['file-not-covered', 'big.bin'],
    ]);
  });

  it('passing maxTotalBytes stops the extraction: that entry and the later ones are not extracted', async () => {
    const part = Buffer.alloc(600 * 1024, 1);
    const bytes = await makeZip([
      ...folderItems(NESTED, ID),
      { name: `${ID}/a.bin`, data: part },
      { name: `${ID}/b.bin`, data: part },
      { name: `${ID}/c.bin`, data: part },
    ]);
    const { result } = await verifyBytes(bytes, { maxTotalBytes: ONE_MIB });
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-too-large',
        message:
          'the zip inflates to more than 1048576 bytes in total, the limit (passed in test-datasource/b.bin); extraction stopped: this entry and the ones after it were not extracted',
        path: 'test-datasource/b.bin',
        expected: 'at most 1048576 bytes',
        actual: 'more than 1048576 bytes',
      },
    ]);
    expect(result.status).toBe('invalid');
    expect(decisive(result.findings).map((f) => [f.kind, f.path])).toEqual([
      ['unsafe-entry', undefined],
      ['file-not-covered', 'a.bin'],
    ]);
  });

  it('more entries than maxEntries: nothing is extracted', async () => {
    const { result } = await verifyBytes(await makeZip(folderItems(NESTED, ID)), { maxEntries: 2 });
    expect(result.layout).toEqual<ZipLayoutFinding[]>([
      {
        kind: 'zip-too-large',
        message:
          'the zip has more than 2 entries, the limit: nothing was extracted, so the signature check below sees an empty plugin',
        expected: 'at most 2 entries',
        actual: 'more than 2',
      },
    ]);
    expect(result.status).toBe('invalid');
    expect(result.reason).toBe(unreproduced('(every entry)'));
  });
});

describeShared('packagePlugin on the real nested fixture', () => {
  it('writes <id>-<version>.zip with one top folder, walk order, 0644 files, the signing time, and verifies valid', async () => {
    const dir = copyPlugin(NESTED);
    const out = tempDir('out-');
    const packaged = await packagePlugin(dir, out);
    const archive = path.join(out, 'test-datasource-1.0.0.zip');
    expect(packaged).toEqual({
      archive,
      sha1: expect.stringMatching(/^[0-9a-f]{40}$/) as string,
      md5: expect.stringMatching(/^[0-9a-f]{32}$/) as string,
      sha1Path: `${archive}.sha1`,
      md5Path: `${archive}.md5`,
      entries: 3,
    });
    expect(readdirSync(out).sort()).toEqual([
      'test-datasource-1.0.0.zip',
      'test-datasource-1.0.0.zip.md5',
      'test-datasource-1.0.0.zip.sha1',
    ]);
    const bytes = readFileSync(archive);
    expect(packaged.sha1).toBe(createHash('sha1').update(bytes).digest('hex'));
    expect(packaged.md5).toBe(createHash('md5').update(bytes).digest('hex'));
    expect(readFileSync(packaged.sha1Path, 'utf8')).toBe(`${packaged.sha1}\n`);
    expect(readFileSync(packaged.md5Path, 'utf8')).toBe(`${packaged.md5}\n`);
    // manifest time 1661172777367 = 2022-08-22T12:52:57.367Z; DOS times have 2-second steps.
    const time = '2022-08-22T12:52:56.000Z';
    expect(await listZip(archive)).toEqual([
      { name: 'test-datasource/MANIFEST.txt', mode: 0o100644, time },
      { name: 'test-datasource/nested/plugin.json', mode: 0o100644, time },
      { name: 'test-datasource/plugin.json', mode: 0o100644, time },
    ]);
    const { result } = await verifyBytes(bytes);
    expect(result.layout).toEqual([]);
    expect(result.status).toBe('valid');
    expect(result.findings).toEqual([]);
  });

  it('is byte-identical across runs and time zones', async () => {
    const dir = copyPlugin(NESTED);
    const savedTz = process.env.TZ;
    const run = async (tz: string) => {
      process.env.TZ = tz;
      try {
        return readFileSync((await packagePlugin(dir, tempDir('out-'))).archive);
      } finally {
        if (savedTz === undefined) delete process.env.TZ;
        else process.env.TZ = savedTz;
      }
    };
    const first = await run('UTC');
    const second = await run('UTC');
    const auckland = await run('Pacific/Auckland');
    const losAngeles = await run('America/Los_Angeles');
    expect(second.equals(first)).toBe(true);
    expect(auckland.equals(first)).toBe(true);
    expect(losAngeles.equals(first)).toBe(true);
  });

  it('refuses a folder Grafana would not load (a link outside it), a folder without MANIFEST.txt, and an outDir inside it', async () => {
    const outside = copyPlugin(NESTED);
    const elsewhere = path.join(tempDir(), 'elsewhere.txt');
    writeFileSync(elsewhere, 'outside the plugin\n');
    symlinkSync(elsewhere, path.join(outside, 'escape.txt'));
    await expect(packagePlugin(outside, tempDir('out-'))).rejects.toThrow(
      /^refusing to package .*: Grafana would not load it:\n {2}escape\.txt: symlink resolves outside the plugin folder/,
    );

    const unsigned = copyPlugin(NESTED);
    rmSync(path.join(unsigned, 'MANIFEST.txt'));
    await expect(packagePlugin(unsigned, tempDir('out-'))).rejects.toThrow(
      `refusing to package ${unsigned}: it has no MANIFEST.txt; sign the plugin first`,
    );

    const inside = copyPlugin(NESTED);
    await expect(packagePlugin(inside, path.join(inside, 'release'))).rejects.toThrow(
      /^refusing to write the zip into .*release: it is inside the plugin folder/,
    );
    expect(existsSync(path.join(inside, 'release'))).toBe(false);

    const renamed = copyPlugin(NESTED);
    await expect(packagePlugin(renamed, tempDir('out-'), { pluginId: 'other-datasource' })).rejects.toThrow(
      `cannot package ${renamed} as other-datasource: its plugin.json id is test-datasource, and the zip's top-level folder must be named after it`,
    );
  });
});

describe('backend binaries (a synthetic plugin signed by the loopback grafana.com)', () => {
  const BACKEND_ID = 'myorg-backend-datasource';
  let server: LoopbackGrafanaCom;
  let trusted: TrustedKeys;
  let signedDir: string;
  let linkedDir: string;
  const BINARIES = ['bin/backend_darwin_arm64', 'bin/backend_linux_amd64', 'bin/backend_windows_amd64.exe', 'gpx_tool'];

  beforeAll(async () => {
    server = await startLoopbackGrafanaCom({
      tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { [BACKEND_ID]: 'community' } } },
    });
    trusted = await keysTrustingLoopback(server);
    signedDir = path.join(tempDir('backend-'), 'dist');
    const files: Record<string, string> = {
      'plugin.json': JSON.stringify({
        type: 'datasource',
        id: BACKEND_ID,
        backend: true,
        executable: 'bin/backend',
        info: { version: '2.0.0' },
      }),
      'module.js': 'define([], function () { return {}; });\n',
      'README.md': '# backend\n',
      'bin/backend': 'not a platform binary: no suffix\n',
      ...Object.fromEntries(BINARIES.map((b) => [b, `\u007fELF ${b}\n`])),
    };
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(signedDir, rel)), { recursive: true });
      writeFileSync(path.join(signedDir, rel), content);
    }
    const signed = await signPlugin({ dist: signedDir, token: DEMO_TOKEN, grafanaComUrl: server.url, keys: trusted });
    expect(signed.verification.status).toBe('valid');

    // A folder with a symlink to a file inside it: Grafana lists it under the link's path, hashed by the target.
    linkedDir = path.join(tempDir('linked-'), 'dist');
    mkdirSync(path.join(linkedDir, 'img'), { recursive: true });
    writeFileSync(
      path.join(linkedDir, 'plugin.json'),
      JSON.stringify({ type: 'datasource', id: BACKEND_ID, info: { version: '3.0.0' } }),
    );
    writeFileSync(path.join(linkedDir, 'img/logo.svg'), '<svg/>\n');
    symlinkSync('logo.svg', path.join(linkedDir, 'img/logo-link.svg'));
    const linked = await signPlugin({ dist: linkedDir, token: DEMO_TOKEN, grafanaComUrl: server.url, keys: trusted });
    expect(linked.verification.status).toBe('valid');
    expect(Object.keys(linked.request.files)).toEqual(['img/logo-link.svg', 'img/logo.svg', 'plugin.json']);
  });
  afterAll(() => server?.close());

  it('binaries without 0755 in the zip: one zip-binary-mode each, other files untouched, status valid', async () => {
    const items = folderItems(signedDir, BACKEND_ID).map((i) =>
      i.name === `${BACKEND_ID}/bin/backend_windows_amd64.exe` ? { ...i, mode: 0o100755 } : i,
    );
    const bytes = await makeZip(items);
    const tempRoot = tempDir('extract-');
    const file = zipFile(bytes);
    const opened = await openPluginZip(file, { tempRoot });
    const message = (name: string) =>
      `backend binary ${BACKEND_ID}/${name} has mode 0644: the catalog and Grafana's installer expect 0755`;
    expect(opened.layout).toEqual<ZipLayoutFinding[]>(
      ['bin/backend_darwin_arm64', 'bin/backend_linux_amd64', 'gpx_tool'].map((name) => ({
        kind: 'zip-binary-mode',
        message: message(name),
        path: `${BACKEND_ID}/${name}`,
        expected: '0755',
        actual: '0644',
      })),
    );
    // modes are preserved on extraction
    expect(statSync(path.join(opened.pluginDir, 'bin/backend_linux_amd64')).mode & 0o777).toBe(0o644);
    expect(statSync(path.join(opened.pluginDir, 'bin/backend_windows_amd64.exe')).mode & 0o777).toBe(0o755);
    await opened.cleanup();
    const result = await verifyPluginZip(file, { keys: trusted }, { tempRoot });
    expect(result.status).toBe('valid');
    expect(result.layout.map((l) => l.path)).toEqual([
      `${BACKEND_ID}/bin/backend_darwin_arm64`,
      `${BACKEND_ID}/bin/backend_linux_amd64`,
      `${BACKEND_ID}/gpx_tool`,
    ]);
  });

  it('a zip made on a non-unix system carries no mode: binaries are reported with actual "none"', async () => {
    const bytes = await makeZip(
      folderItems(signedDir, BACKEND_ID).map((i) => ({
        ...i,
        mode: BINARIES.some((b) => i.name.endsWith(b)) ? 0o100755 : 0o100644,
      })),
    );
    // "version made by" host byte: 3 (unix) → 0 (MS-DOS), for every central directory entry.
    const cdOffset = bytes.readUInt32LE(bytes.length - 22 + 16);
    for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), cdOffset); at >= 0;) {
      bytes[at + 5] = 0;
      at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46);
    }
    const { result } = await verifyBytesWith(bytes, trusted);
    expect(result.layout.map((l) => [l.kind, l.path, l.actual])).toEqual(
      BINARIES.map((b) => ['zip-binary-mode', `${BACKEND_ID}/${b}`, 'none']),
    );
    expect(result.layout[0].message).toBe(
      `backend binary ${BACKEND_ID}/bin/backend_darwin_arm64 carries no unix mode (the zip was made on a non-unix system): the catalog and Grafana's installer expect mode 0755`,
    );
    expect(result.status).toBe('valid');
  });

  it('packagePlugin gives the binaries 0755 and every other file 0644; the zip verifies valid with no layout finding', async () => {
    const packaged = await packagePlugin(signedDir, tempDir('out-'));
    expect(path.basename(packaged.archive)).toBe(`${BACKEND_ID}-2.0.0.zip`);
    const entries = await listZip(packaged.archive);
    expect(entries.map((e) => [e.name, e.mode.toString(8)])).toEqual([
      [`${BACKEND_ID}/MANIFEST.txt`, '100644'],
      [`${BACKEND_ID}/README.md`, '100644'],
      [`${BACKEND_ID}/bin/backend`, '100644'],
      [`${BACKEND_ID}/bin/backend_darwin_arm64`, '100755'],
      [`${BACKEND_ID}/bin/backend_linux_amd64`, '100755'],
      [`${BACKEND_ID}/bin/backend_windows_amd64.exe`, '100755'],
      [`${BACKEND_ID}/gpx_tool`, '100755'],
      [`${BACKEND_ID}/module.js`, '100644'],
      [`${BACKEND_ID}/plugin.json`, '100644'],
    ]);
    expect(packaged.entries).toBe(9);
    const { result } = await verifyBytesWith(readFileSync(packaged.archive), trusted);
    expect(result.layout).toEqual([]);
    expect(result.status).toBe('valid');
    expect(result.signedAt).toMatch(/^\d{4}-/);
  });

  it('packagePlugin stores a symlinked file as a regular file with the target’s bytes; the zip verifies valid', async () => {
    const packaged = await packagePlugin(linkedDir, tempDir('out-'));
    const entries = await listZip(packaged.archive);
    expect(entries.map((e) => [e.name, e.mode.toString(8)])).toEqual([
      [`${BACKEND_ID}/MANIFEST.txt`, '100644'],
      [`${BACKEND_ID}/img/logo-link.svg`, '100644'],
      [`${BACKEND_ID}/img/logo.svg`, '100644'],
      [`${BACKEND_ID}/plugin.json`, '100644'],
    ]);
    const tempRoot = tempDir('extract-');
    const opened = await openPluginZip(packaged.archive, { tempRoot });
    expect(lstatSync(path.join(opened.pluginDir, 'img/logo-link.svg')).isFile()).toBe(true);
    expect(readFileSync(path.join(opened.pluginDir, 'img/logo-link.svg'), 'utf8')).toBe('<svg/>\n');
    await opened.cleanup();
    const { result } = await verifyBytesWith(readFileSync(packaged.archive), trusted);
    expect(result.layout).toEqual([]);
    expect(result.status).toBe('valid');
    expect(result.filesCount).toBe(3);
  });
});

/** {@link verifyBytes} with other trusted keys (and the cross-check). */
async function verifyBytesWith(bytes: Buffer, trusted: TrustedKeys, id = 'myorg-backend-datasource') {
  const tempRoot = tempDir('extract-');
  const result = await verifyPluginZip(zipFile(bytes), { keys: trusted }, { tempRoot });
  expect(readdirSync(tempRoot)).toEqual([]);
  await crossCheck(bytes, result, trusted, id);
  return { result };
}
