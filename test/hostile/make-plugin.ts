/**
 * Plugins for the hostile-input tests: a small valid plugin in `<parent>/dist`, next to an `outside` folder holding
 * a secret file with a known hash and a FIFO no one writes to (opening it for reading would block, so a test that
 * reaches such an open hangs and fails on its timeout: the proof that nothing outside the plugin is opened).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildManifest } from '../../src/manifest/build.js';
import { readArmoredPublicKeys, TrustedKeys } from '../../src/signature/keys.js';
import { clearsignLikeGrafanaCom, generateSigningKey } from '../servers/grafana-com.js';
import { tempDir } from '../helpers/tmp.js';

export const PLUGIN_ID = 'myorg-hostile-panel';
export const PLUGIN_JSON = JSON.stringify({ type: 'panel', id: PLUGIN_ID, info: { version: '1.0.0' } }, null, 2);
export const SECRET = 'outside the plugin: never read me\n';

/** Lowercase hex SHA-256 of `data`. */
export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export interface HostilePlugin {
  /** The plugin folder, `<parent>/dist`. */
  dir: string;
  /** Its parent: a fresh temporary folder. */
  parent: string;
  /** `<parent>/outside`: `secret.txt` ({@link SECRET}) and `fifo` (a FIFO, never opened by a passing test). */
  outside: string;
}

/**
 * A plugin with plugin.json, module.js and img/logo.svg (plus `extra`), and the `outside` folder next to it, in
 * `parent` (default: a new temporary folder, removed after the test file).
 */
export function makePlugin(extra: Record<string, string> = {}, parent = tempDir('hostile-')): HostilePlugin {
  const dir = path.join(parent, 'dist');
  const outside = path.join(parent, 'outside');
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
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.txt'), SECRET);
  execFileSync('mkfifo', [path.join(outside, 'fifo')]);
  return { dir, parent, outside };
}

/** A P-521 signing key like grafana.com's, and the trusted keys (Grafana's plus this one). */
export async function makeSigner(): Promise<{
  keys: TrustedKeys;
  keyId: string;
  sign: (dir: string, files?: Record<string, string>) => Promise<Buffer>;
}> {
  const key = await generateSigningKey({ date: new Date(Date.now() - 86_400_000) });
  const keys = TrustedKeys.withEmbedded();
  for (const k of await readArmoredPublicKeys(key.publicKeyArmored, 'input', 'hostile test key')) keys.add(k);
  /** Signs a manifest for `dir` (its current files, or `files` instead) and writes it as MANIFEST.txt. */
  const sign = async (dir: string, files?: Record<string, string>): Promise<Buffer> => {
    const built = await buildManifest(dir);
    const manifest = {
      manifestVersion: '2.0.0',
      signatureType: 'community',
      signedByOrg: 'myorg',
      signedByOrgName: 'My Org',
      plugin: built.plugin,
      version: built.version,
      time: Date.now() - 60_000,
      keyId: key.keyId,
      files: files ?? { ...built.files },
    };
    const bytes = Buffer.from(
      await clearsignLikeGrafanaCom(JSON.stringify(manifest, null, 2), key.privateKeyArmored),
      'utf8',
    );
    writeFileSync(path.join(dir, 'MANIFEST.txt'), bytes);
    return bytes;
  };
  return { keys, keyId: key.keyId, sign };
}
