/**
 * Synthetic plugins signed by the loopback grafana.com (a real OpenPGP signature by its test key): one case per
 * row of SIGNATURES.md §1, per rule of §2–§5, and the ordering consequences of §1.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest } from '../../src/manifest/build.js';
import { TrustedKeys } from '../../src/signature/keys.js';
import { signPlugin, SignedManifestRejectedError } from '../../src/signing/sign.js';
import type { SignatureStatus, FindingKind } from '../../src/verify/findings.js';
import { verifyPlugin, type VerifyResult } from '../../src/verify/verify.js';
import {
  clearsignLikeGrafanaCom,
  DEMO_TOKEN,
  keysTrustingLoopback,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';
import { tempDir } from '../helpers/tmp.js';

let server: LoopbackGrafanaCom;
let keys: TrustedKeys;

beforeAll(async () => {
  server = await startLoopbackGrafanaCom({
    tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { 'myorg-synth-panel': 'community' } } },
  });
  keys = await keysTrustingLoopback(server);
});
afterAll(() => server?.close());

const PLUGIN_JSON = JSON.stringify({ type: 'panel', id: 'myorg-synth-panel', info: { version: '1.2.3' } }, null, 2);

function makePlugin(extra: Record<string, string> = {}): string {
  const dir = path.join(tempDir('synth-'), 'dist');
  const files: Record<string, string> = {
    'plugin.json': PLUGIN_JSON,
    'module.js': 'define([], function () { return {}; });\n',
    'img/logo.svg': '<svg/>\n',
    ...extra,
  };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** The manifest grafana.com would sign for `dir`, with `overrides` applied (undefined deletes a field). */
async function manifestObject(dir: string, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const built = await buildManifest(dir);
  const m: Record<string, unknown> = {
    manifestVersion: '2.0.0',
    signatureType: 'community',
    signedByOrg: 'myorg',
    signedByOrgName: 'My Org',
    plugin: built.plugin,
    version: built.version,
    time: Date.now() - 60_000,
    keyId: server.keyId,
    files: { ...built.files },
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete m[k];
    else m[k] = v;
  }
  return m;
}

/** Signs `text` with the loopback key and writes it as dist/MANIFEST.txt. */
async function writeSigned(dir: string, text: string, date?: Date): Promise<Buffer> {
  const bytes = Buffer.from(await clearsignLikeGrafanaCom(text, server.privateKeyArmored, date));
  writeFileSync(path.join(dir, 'MANIFEST.txt'), bytes);
  return bytes;
}

async function signWith(dir: string, overrides: Record<string, unknown> = {}): Promise<void> {
  await writeSigned(dir, JSON.stringify(await manifestObject(dir, overrides), null, 2));
}

const verify = (dir: string, appUrls?: string[] | null) => verifyPlugin(dir, { keys, appUrls });

function expectVerdict(
  result: VerifyResult,
  status: SignatureStatus,
  kind: FindingKind | null,
  reason?: string | RegExp,
) {
  expect(result.status).toBe(status);
  if (kind === null) {
    expect(result.findings.filter((f) => f.status !== null)).toEqual([]);
    return;
  }
  const decisive = result.findings.filter((f) => f.status !== null).sort((a, b) => a.check - b.check)[0];
  expect(decisive?.kind).toBe(kind);
  if (typeof reason === 'string') expect(result.reason).toBe(reason);
  else if (reason) expect(result.reason).toMatch(reason);
}

describe('SIGNATURES.md §1, row by row', () => {
  it('signing through the loopback grafana.com gives a valid plugin (row 14)', async () => {
    const dir = makePlugin();
    const signed = await signPlugin({ dist: dir, token: DEMO_TOKEN, grafanaComUrl: server.url, keys });
    expect(signed.verification.status).toBe('valid');
    expect(readFileSync(path.join(dir, 'MANIFEST.txt')).equals(signed.manifestBytes)).toBe(true);
    const result = await verify(dir);
    expectVerdict(result, 'valid', null);
    expect(result.manifest).toMatchObject({
      signatureType: 'community',
      signedByOrg: 'myorg',
      signedByOrgName: 'My Org',
    });
    expect(result.key).toMatchObject({ keyId: server.keyId, source: 'input' });
    expect(result.signedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('row 1: no MANIFEST.txt → unsigned', async () => {
    expectVerdict(
      await verify(makePlugin()),
      'unsigned',
      'manifest-missing',
      'plugin is unsigned: could not find a MANIFEST.txt',
    );
  });

  it.skipIf(process.getuid?.() === 0)(
    'row 2: an unreadable MANIFEST.txt → invalid (skipped as root: root reads it)',
    async () => {
      const dir = makePlugin();
      await signWith(dir);
      chmodSync(path.join(dir, 'MANIFEST.txt'), 0);
      expectVerdict(await verify(dir), 'invalid', 'manifest-unreadable', 'could not open MANIFEST.txt: EACCES');
    },
  );

  it('row 2: a MANIFEST.txt too large to be a manifest is not read → invalid', async () => {
    const dir = makePlugin();
    writeFileSync(path.join(dir, 'MANIFEST.txt'), '');
    truncateSync(path.join(dir, 'MANIFEST.txt'), 100 * 1024 * 1024); // sparse: costs no disk
    expectVerdict(await verify(dir), 'invalid', 'manifest-unreadable', /could not open MANIFEST.txt: 104857600 bytes/);
  });

  it('row 3: a MANIFEST.txt under 10 bytes → unsigned', async () => {
    const dir = makePlugin();
    writeFileSync(path.join(dir, 'MANIFEST.txt'), '123456789');
    expectVerdict(await verify(dir), 'unsigned', 'manifest-too-short', /^MANIFEST.txt is invalid/);
  });

  it('row 4: not a cleartext-signed message → invalid', async () => {
    const dir = makePlugin();
    writeFileSync(path.join(dir, 'MANIFEST.txt'), '{"plugin": "myorg-synth-panel"}\n');
    expectVerdict(await verify(dir), 'invalid', 'manifest-undecodable', 'unable to decode manifest');
  });

  it('row 5: signed text that is not JSON → invalid', async () => {
    const dir = makePlugin();
    await writeSigned(dir, '{ this is not json');
    expectVerdict(await verify(dir), 'invalid', 'manifest-json', /^Error parsing manifest JSON: /);
  });

  it('row 6: a required field missing, or an unknown signature type → invalid', async () => {
    const dir = makePlugin();
    await signWith(dir, { signedByOrgName: '' });
    expectVerdict(await verify(dir), 'invalid', 'manifest-field', 'valid manifest field signedByOrgName is required');
    await signWith(dir, { files: {} });
    expectVerdict(await verify(dir), 'invalid', 'manifest-field', 'valid manifest field files is required');
    await signWith(dir, { signatureType: 'Community' });
    expectVerdict(await verify(dir), 'invalid', 'manifest-field', 'Community is not a valid signature type');
  });

  it('row 7: no trusted key with the keyId, or a signature that does not verify → invalid', async () => {
    const dir = makePlugin();
    await signWith(dir, { keyId: '0123456789abcdef' });
    expectVerdict(await verify(dir), 'invalid', 'public-key-missing', 'missing public key for ID 0123456789abcdef');
    // Signed by the loopback key but claiming Grafana's key ID: the key is found, the signature fails.
    await signWith(dir, { keyId: '7e4d0c6a708866e7' });
    expectVerdict(await verify(dir), 'invalid', 'signature', /^failed to check signature/);
    // The JSON edited after signing.
    await signWith(dir);
    const file = path.join(dir, 'MANIFEST.txt');
    writeFileSync(file, readFileSync(file, 'latin1').replace('"My Org"', '"Your Org"'), 'latin1');
    expectVerdict(await verify(dir), 'invalid', 'signature', /^failed to check signature/);
  });

  it('row 8: a manifestVersion that is not 2.x → invalid', async () => {
    const dir = makePlugin();
    await signWith(dir, { manifestVersion: '1.0.0' });
    expectVerdict(await verify(dir), 'invalid', 'manifest-version', /^manifestVersion "1.0.0" is not 2.x/);
  });

  it('row 9: an empty plugin folder → invalid', async () => {
    const full = makePlugin();
    const text = JSON.stringify(await manifestObject(full), null, 2);
    const bytes = Buffer.from(await clearsignLikeGrafanaCom(text, server.privateKeyArmored));
    const empty = tempDir('empty-');
    const result = await verifyPlugin(empty, { keys, manifestBytes: bytes });
    expectVerdict(result, 'invalid', 'no-files', 'No plugin file information in directory');
  });

  it('row 10: plugin id or version differing from plugin.json → modified', async () => {
    const dir = makePlugin();
    await signWith(dir, { plugin: 'myorg-other-panel' });
    expectVerdict(
      await verify(dir),
      'modified',
      'plugin-id-mismatch',
      'manifest plugin "myorg-other-panel" does not match plugin.json id "myorg-synth-panel"',
    );
    await signWith(dir, { version: '1.2.4' });
    expectVerdict(await verify(dir), 'modified', 'plugin-version-mismatch', /manifest version "1.2.4"/);
    // Raw, case-sensitive strings.
    await signWith(dir, { plugin: 'MyOrg-synth-panel' });
    expectVerdict(await verify(dir), 'modified', 'plugin-id-mismatch');
  });

  it('row 11: root URLs that do not match the app URL → invalid, naming what was tried', async () => {
    const dir = makePlugin();
    await signWith(dir, { signatureType: 'private', rootUrls: ['https://grafana.example.com/'] });
    const result = await verify(dir);
    expectVerdict(
      result,
      'invalid',
      'root-url-mismatch',
      /^Could not find root URL that matches running application URL http:\/\/localhost:3000\//,
    );
    expect(result.reason).toContain('https://grafana.example.com/');
    expectVerdict(await verify(dir, ['https://grafana.example.com']), 'valid', null);
  });

  it('row 12: a changed or missing listed file → modified, with expected and actual hashes', async () => {
    const dir = makePlugin();
    await signWith(dir);
    writeFileSync(path.join(dir, 'module.js'), 'changed');
    const changed = await verify(dir);
    expectVerdict(
      changed,
      'modified',
      'file-modified',
      'Plugin file checksum does not match signature checksum: module.js',
    );
    const f = changed.findings[0];
    expect(f.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(f.actual).toBe(createHash('sha256').update('changed').digest('hex'));
    expect(f.expected).toBe(createHash('sha256').update('define([], function () { return {}; });\n').digest('hex'));

    const dir2 = makePlugin();
    await signWith(dir2);
    rmSync(path.join(dir2, 'img/logo.svg'));
    expectVerdict(
      await verify(dir2),
      'modified',
      'file-missing',
      'Plugin file listed in the manifest was not found: img/logo.svg',
    );
  });

  it('row 13: a file not listed → modified', async () => {
    const dir = makePlugin();
    await signWith(dir);
    writeFileSync(path.join(dir, 'extra.js'), 'x');
    expectVerdict(
      await verify(dir),
      'modified',
      'file-not-covered',
      'The following files were not included in the signature: extra.js',
    );
  });
});

describe('SIGNATURES.md §1 ordering consequences', () => {
  it('a v1 manifest is invalid even with a wrong id (8 runs before 10)', async () => {
    const dir = makePlugin();
    await signWith(dir, { manifestVersion: undefined, plugin: 'myorg-wrong-panel' });
    const result = await verify(dir);
    expectVerdict(result, 'invalid', 'manifest-version');
    expect(result.findings.map((f) => f.kind)).toContain('plugin-id-mismatch');
  });

  it('a wrong version plus a wrong root URL is modified (10 runs before 11)', async () => {
    const dir = makePlugin();
    await signWith(dir, { version: '9.9.9', signatureType: 'private', rootUrls: ['https://elsewhere.example.com/'] });
    const result = await verify(dir);
    expectVerdict(result, 'modified', 'plugin-version-mismatch');
    expect(result.findings.map((f) => f.kind)).toContain('root-url-mismatch');
  });

  it('a wrong root URL plus a tampered file is invalid (11 runs before 12)', async () => {
    const dir = makePlugin();
    await signWith(dir, { signatureType: 'private', rootUrls: ['https://elsewhere.example.com/'] });
    writeFileSync(path.join(dir, 'module.js'), 'tampered');
    const result = await verify(dir);
    expectVerdict(result, 'invalid', 'root-url-mismatch');
    expect(result.findings.map((f) => f.kind)).toContain('file-modified');
  });
});

describe('SIGNATURES.md §2: the manifest fields', () => {
  it('unknown fields are ignored; rootUrls [] or absent means no restriction', async () => {
    const dir = makePlugin();
    await signWith(dir, { somethingNew: { nested: true }, rootUrls: [] });
    expectVerdict(await verify(dir, ['https://anywhere.example.com/']), 'valid', null);
    await signWith(dir, { rootUrls: undefined });
    expectVerdict(await verify(dir, ['https://anywhere.example.com/']), 'valid', null);
  });

  it('field names match case-insensitively, as Go encoding/json does', async () => {
    const dir = makePlugin();
    const m = await manifestObject(dir);
    const text = JSON.stringify(m, null, 2).replace('"plugin":', '"PLUGIN":');
    await writeSigned(dir, text);
    expectVerdict(await verify(dir), 'valid', null);
  });

  it('time as a string or a fraction fails JSON parsing → invalid', async () => {
    const dir = makePlugin();
    await signWith(dir, { time: String(Date.now()) });
    expectVerdict(await verify(dir), 'invalid', 'manifest-json', /^Error parsing manifest JSON: /);
    await signWith(dir, { time: 1.5 });
    expectVerdict(await verify(dir), 'invalid', 'manifest-json', /^Error parsing manifest JSON: /);
  });

  it('an uppercase hash is modified: hashes compare as exact strings', async () => {
    const dir = makePlugin();
    const m = await manifestObject(dir);
    const files = m.files as Record<string, string>;
    files['module.js'] = files['module.js'].toUpperCase();
    await writeSigned(dir, JSON.stringify(m, null, 2));
    expectVerdict(
      await verify(dir),
      'modified',
      'file-modified',
      'Plugin file checksum does not match signature checksum: module.js',
    );
  });
});

describe('SIGNATURES.md §3: the cleartext signature', () => {
  it('LF line endings, text before the marker and text after the end all verify', async () => {
    const dir = makePlugin();
    const bytes = await writeSigned(dir, JSON.stringify(await manifestObject(dir), null, 2));
    const text = bytes.toString('utf8');
    writeFileSync(path.join(dir, 'MANIFEST.txt'), `ignored preamble\n${text.replace(/\r\n/g, '\n')}trailing words\n`);
    expectVerdict(await verify(dir), 'valid', null);
  });

  it('a signature created in the future → invalid', async () => {
    const dir = makePlugin();
    await writeSigned(dir, JSON.stringify(await manifestObject(dir), null, 2), new Date(Date.now() + 86_400_000));
    expectVerdict(await verify(dir), 'invalid', 'signature', /^failed to check signature/);
  });
});

describe('SIGNATURES.md §4: root URLs', () => {
  it('are enforced for every signature type that carries them, not only private', async () => {
    const dir = makePlugin();
    await signWith(dir, { signatureType: 'community', rootUrls: ['https://grafana.example.com/'] });
    expectVerdict(await verify(dir), 'invalid', 'root-url-mismatch');
  });

  it('host compares as written: port and case included', async () => {
    const dir = makePlugin();
    await signWith(dir, { signatureType: 'private', rootUrls: ['https://example.com:443'] });
    expectVerdict(await verify(dir, ['https://example.com/']), 'invalid', 'root-url-mismatch');
    await signWith(dir, { signatureType: 'private', rootUrls: ['https://Example.com/'] });
    expectVerdict(await verify(dir, ['https://example.com/']), 'invalid', 'root-url-mismatch');
  });

  it('private-glob matches one label per *', async () => {
    const dir = makePlugin();
    await signWith(dir, { signatureType: 'private-glob', rootUrls: ['https://*.example.com/'] });
    expectVerdict(await verify(dir, ['https://test.example.com']), 'valid', null);
    expectVerdict(await verify(dir, ['https://a.b.example.com/']), 'invalid', 'root-url-mismatch');
    // Globs are only for private-glob.
    await signWith(dir, { signatureType: 'private', rootUrls: ['https://*.example.com/'] });
    expectVerdict(await verify(dir, ['https://test.example.com/']), 'invalid', 'root-url-mismatch');
  });

  it('an entry that does not parse is an error: Grafana refuses the plugin', async () => {
    const dir = makePlugin();
    await signWith(dir, { signatureType: 'private', rootUrls: ['http://a b.com/'] });
    expectVerdict(await verify(dir), 'invalid', 'root-url-error', /^Could not verify if root URLs match: /);
  });
});

describe('SIGNATURES.md §5: which files count', () => {
  it('dotfiles, node_modules and nested manifests count; listing them makes it valid', async () => {
    const dir = makePlugin({ '.env': 'x', 'node_modules/a/index.js': 'a', 'child/MANIFEST.txt': 'child' });
    await signWith(dir);
    expectVerdict(await verify(dir), 'valid', null);
    const m = await manifestObject(dir);
    delete (m.files as Record<string, string>)['child/MANIFEST.txt'];
    await writeSigned(dir, JSON.stringify(m, null, 2));
    expectVerdict(
      await verify(dir),
      'modified',
      'file-not-covered',
      'The following files were not included in the signature: child/MANIFEST.txt',
    );
  });

  it('a backslash key ("signed on Windows") is modified', async () => {
    const dir = makePlugin();
    const m = await manifestObject(dir);
    const files = m.files as Record<string, string>;
    files['img\\logo.svg'] = files['img/logo.svg'];
    delete files['img/logo.svg'];
    await writeSigned(dir, JSON.stringify(m, null, 2));
    const result = await verify(dir);
    expectVerdict(
      result,
      'modified',
      'file-missing',
      'Plugin file listed in the manifest was not found: img\\logo.svg',
    );
    expect(result.findings.map((f) => f.kind)).toContain('file-not-covered');
  });

  it('a symlink to a file inside counts under its own path; one escaping the folder makes it invalid', async () => {
    const dir = makePlugin();
    symlinkSync('module.js', path.join(dir, 'alias.js'));
    await signWith(dir);
    expectVerdict(await verify(dir), 'valid', null);
    const outside = tempDir('outside-');
    writeFileSync(path.join(outside, 'secret'), 's');
    symlinkSync(path.join(outside, 'secret'), path.join(dir, 'escape'));
    expectVerdict(await verify(dir), 'invalid', 'unsafe-entry', /^escape: symlink resolves outside the plugin folder/);
  });
});

describe('signing never writes a manifest Grafana would refuse', () => {
  it('a 200 answer signed for other files is rejected and the earlier MANIFEST.txt kept', async () => {
    const dir = makePlugin();
    const earlier = Buffer.from('earlier manifest bytes');
    writeFileSync(path.join(dir, 'MANIFEST.txt'), earlier);
    const m = await manifestObject(dir);
    (m.files as Record<string, string>)['module.js'] = '0'.repeat(64);
    server.script({
      status: 200,
      body: await clearsignLikeGrafanaCom(JSON.stringify(m, null, 2), server.privateKeyArmored),
    });
    const attempt = signPlugin({ dist: dir, token: DEMO_TOKEN, grafanaComUrl: server.url, keys });
    await expect(attempt).rejects.toThrow(SignedManifestRejectedError);
    await expect(attempt).rejects.toThrow(/Plugin file checksum does not match signature checksum: module.js/);
    expect(readFileSync(path.join(dir, 'MANIFEST.txt')).equals(earlier)).toBe(true);
  });

  it('a 200 answer of another signature type than asked is rejected', async () => {
    const dir = makePlugin();
    const m = await manifestObject(dir, { signatureType: 'community' });
    server.script({
      status: 200,
      body: await clearsignLikeGrafanaCom(JSON.stringify(m, null, 2), server.privateKeyArmored),
    });
    const attempt = signPlugin({
      dist: dir,
      token: DEMO_TOKEN,
      grafanaComUrl: server.url,
      keys,
      signatureType: 'commercial',
    });
    await expect(attempt).rejects.toThrow(/expected signature type commercial, the manifest says community/);
  });
});

describe('issue 11: the last divergences from Grafana', () => {
  it('manifest keys are looked up exactly: listing both module.js and ./module.js is modified', async () => {
    const dir = makePlugin();
    const m = await manifestObject(dir);
    const files = m.files as Record<string, string>;
    files['./module.js'] = files['module.js'];
    await writeSigned(dir, JSON.stringify(m, null, 2));
    const result = await verify(dir);
    expectVerdict(result, 'modified', 'file-missing', 'Plugin file listed in the manifest was not found: ./module.js');
    expect(result.findings.filter((f) => f.status !== null)).toHaveLength(1);
  });

  it.each([
    ['spaces', '   '],
    ['a tab', '\t'],
  ])('the header block ends at a line of %s (go-crypto >= 1.1.6 trims it): valid', async (_name, blank) => {
    const dir = makePlugin();
    const bytes = await writeSigned(dir, JSON.stringify(await manifestObject(dir), null, 2));
    const text = bytes.toString('latin1');
    expect(text).toContain('Hash: SHA512\r\n\r\n');
    writeFileSync(path.join(dir, 'MANIFEST.txt'), text.replace('Hash: SHA512\r\n\r\n', `Hash: SHA512\r\n${blank}\r\n`));
    expectVerdict(await verify(dir), 'valid', null);
    // The control: a header line that is not blank and has no colon still fails to decode.
    writeFileSync(path.join(dir, 'MANIFEST.txt'), text.replace('Hash: SHA512\r\n\r\n', 'Hash: SHA512\r\n x\r\n\r\n'));
    expectVerdict(await verify(dir), 'invalid', 'manifest-undecodable');
  });

  it('an unknown Hash: header name: valid as Grafana with go-crypto 1.1.6 says, with a grafana-build note', async () => {
    const dir = makePlugin();
    const bytes = await writeSigned(dir, JSON.stringify(await manifestObject(dir), null, 2));
    writeFileSync(path.join(dir, 'MANIFEST.txt'), bytes.toString('latin1').replace('Hash: SHA512', 'Hash: SHA-512'));
    const result = await verify(dir);
    expectVerdict(result, 'valid', null);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ kind: 'grafana-build', status: null, actual: 'SHA-512' });
    expect(result.findings[0].message).toContain('go-crypto 1.4 or later refuse');
    // The control: a known name gives no note.
    await writeSigned(dir, JSON.stringify(await manifestObject(dir), null, 2));
    expect((await verify(dir)).findings).toEqual([]);
  });

  it('a root URL host with "[" inside: invalid as current Grafana says, older builds named (and whether they match)', async () => {
    const dir = makePlugin();
    await signWith(dir, { signatureType: 'private', rootUrls: ['http://x[y]/', 'http://localhost:3000/'] });
    const result = await verify(dir);
    expectVerdict(result, 'invalid', 'root-url-error', /invalid IP-literal/);
    const note = result.findings.find((f) => f.kind === 'grafana-build');
    expect(note?.message).toContain('CVE-2026-25679');
    expect(note?.message).toContain('builds with older Go parse it and would match http://localhost:3000/');
    const other = await verify(dir, ['http://grafana.example.com/']);
    expect(other.findings.find((f) => f.kind === 'grafana-build')?.message).toContain('would still not match');
    // The control: a leading IPv6 literal is no such host.
    await signWith(dir, { signatureType: 'private', rootUrls: ['http://[::1]:3000/'] });
    expect((await verify(dir)).findings.map((f) => f.kind)).toEqual(['root-url-mismatch']);
  });

  it('a v1 manifest: invalid as current Grafana says, with a note that only old Grafana accepted it', async () => {
    const dir = makePlugin();
    await signWith(dir, { manifestVersion: '1.0.0' });
    const result = await verify(dir);
    expectVerdict(result, 'invalid', 'manifest-version');
    expect(result.findings.find((f) => f.kind === 'grafana-build')?.message).toContain('only old Grafana');
  });
});
