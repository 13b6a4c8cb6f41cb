/**
 * Invalid inputs: an unknown signature type, URLs that do not parse, `public-keys` values that are garbage or a
 * private key, a path that is a file or does not exist. The engine raises a `UsageError` (naming the input) or a
 * `PluginError`, whose message names the value and the fix; the CLI (run from source with tsx, as the committed
 * bundle may predate these sources) maps them to exit 2 (usage) or 1 and prints `error: …` without a stack trace.
 */
import { execFile } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginError, UsageError } from '../../src/errors.js';
import { buildManifest } from '../../src/manifest/build.js';
import { loadPublicKeyInputs } from '../../src/signature/keys.js';
import { parseSignatureType, parseUrlList } from '../../src/options/parse.js';
import { verifyPlugin } from '../../src/verify/verify.js';
import {
  DEMO_TOKEN,
  generateSigningKey,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';
import { tempDir } from '../helpers/tmp.js';
import { makePlugin, makeSigner, PLUGIN_ID } from './make-plugin.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let privateKeyFile: string;
let garbageKeyFile: string;
let brokenKeyFile: string;
let server: LoopbackGrafanaCom;
beforeAll(async () => {
  const dir = tempDir('inputs-');
  privateKeyFile = path.join(dir, 'private.asc');
  writeFileSync(privateKeyFile, (await generateSigningKey()).privateKeyArmored);
  garbageKeyFile = path.join(dir, 'garbage.asc');
  writeFileSync(garbageKeyFile, 'this is not a key\n\x00\xff');
  brokenKeyFile = path.join(dir, 'broken.asc');
  writeFileSync(
    brokenKeyFile,
    '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot base64 at all!!\n-----END PGP PUBLIC KEY BLOCK-----\n',
  );
  server = await startLoopbackGrafanaCom({
    tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { [PLUGIN_ID]: 'community' } } },
  });
});
afterAll(() => server?.close());

async function expectUsage(run: () => unknown, input: string, message: RegExp) {
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UsageError);
  expect((error as UsageError).input).toBe(input);
  expect((error as Error).message).toMatch(message);
}

describe('invalid inputs to the engine', () => {
  it('an unknown signature type names the value and the valid ones', async () => {
    await expectUsage(
      () => parseSignatureType('Community', 'signature-type'),
      'signature-type',
      /^signature-type: "Community" is not a signature type; use one of grafana, commercial, community, private, private-glob$/,
    );
  });

  it('a root URL or app URL that does not parse, or is not absolute http(s), names the value', async () => {
    await expectUsage(() => parseUrlList('http://a b.com/', 'root-urls'), 'root-urls', /"http:\/\/a b\.com\/"/);
    await expectUsage(() => parseUrlList('https://ok.com/,%zz', '--app-url'), '--app-url', /"%zz"/);
    await expectUsage(
      () => parseUrlList('ftp://grafana.example.com/', 'app-urls'),
      'app-urls',
      /must be an absolute http\(s\) URL such as https:\/\/grafana\.example\.com\//,
    );
    await expectUsage(() => parseUrlList('grafana.example.com', 'app-urls'), 'app-urls', /absolute http\(s\) URL/);
  });

  it('public-keys: garbage text, a garbage file, a broken block, a missing file, a folder, a private key', async () => {
    const input = 'public-keys';
    await expectUsage(
      () => loadPublicKeyInputs(['not a key at all'], input),
      input,
      /file "not a key at all" not found/,
    );
    await expectUsage(
      () => loadPublicKeyInputs([garbageKeyFile], input),
      input,
      /is not an armored OpenPGP public key/,
    );
    await expectUsage(
      () => loadPublicKeyInputs([brokenKeyFile], input),
      input,
      /broken\.asc: cannot read the armored public key/,
    );
    await expectUsage(
      () => loadPublicKeyInputs(['-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n'], input),
      input,
      /has no "-----END PGP PUBLIC KEY BLOCK-----" line/,
    );
    await expectUsage(
      () => loadPublicKeyInputs([path.dirname(garbageKeyFile)], input),
      input,
      /is a folder, not a regular file/,
    );
    await expectUsage(
      () => loadPublicKeyInputs([privateKeyFile], input),
      input,
      /holds a PGP PRIVATE key: never give a private key; pass the public half: gpg --armor --export KEYID/,
    );
  });

  it('a plugin path that does not exist, is a file, or is a link loop: PluginError naming it', async () => {
    const { dir, parent } = makePlugin();
    const missing = path.join(parent, 'nope');
    const file = path.join(dir, 'module.js');
    const loop = path.join(parent, 'loop');
    symlinkSync('loop', loop);
    const keys = (await makeSigner()).keys;
    await expect(verifyPlugin(missing, { keys })).rejects.toThrow(
      new PluginError(
        `plugin folder ${missing} does not exist: point dist/PATH at the built plugin (the folder with plugin.json)`,
      ),
    );
    await expect(verifyPlugin(file, { keys })).rejects.toThrow(PluginError);
    await expect(verifyPlugin(file, { keys })).rejects.toThrow(`${file} is not a folder: give the built plugin folder`);
    await expect(verifyPlugin(loop, { keys })).rejects.toThrow(
      new PluginError(`plugin folder ${loop} cannot be read: ELOOP`),
    );
    await expect(buildManifest(file)).rejects.toThrow(
      new PluginError(`${file} is not a folder: give the built plugin folder (the one holding plugin.json)`),
    );
    await expect(buildManifest(missing)).rejects.toThrow(PluginError);
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source: `node --import tsx src/cli/index.ts …`. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

function expectCliError(run: Run, code: 1 | 2, message: RegExp) {
  expect(run.code).toBe(code);
  expect(run.stderr).toMatch(/^error: /m);
  expect(run.stderr).toMatch(message);
  expect(run.stderr + run.stdout).not.toMatch(/\n\s+at .*:\d+:\d+/);
}

describe('the CLI on invalid inputs and hostile folders: exit 2 or 1, "error: …", no stack', () => {
  it('every case at once', async () => {
    const clean = makePlugin();
    const hostile = makePlugin();
    symlinkSync(path.join(hostile.outside, 'secret.txt'), path.join(hostile.dir, 'escape.js'));
    // The CLI fetches grafana.com's key list (GET /plugins/ci/keys) before signing; no POST /plugins/ci/sign may
    // be sent for a folder Grafana would refuse.
    const signRequests = () => server.requests.filter((r) => r.path.endsWith('/plugins/ci/sign')).length;
    const requests = signRequests();
    const [type, appUrl, rootUrls, garbageKey, privateKey, missingKey, missing, file, verifyHostile, manifest, sign] =
      await Promise.all([
        cli(['verify', '--signature-type', 'Bogus', clean.dir]),
        cli(['verify', '--app-url', 'http://a b.com/', clean.dir]),
        cli(['verify', '--root-urls', 'ftp://x.example.com/', clean.dir]),
        cli(['verify', '--public-key', garbageKeyFile, clean.dir]),
        cli(['verify', '--public-key', privateKeyFile, clean.dir]),
        cli(['verify', '--public-key', path.join(clean.parent, 'none.asc'), clean.dir]),
        cli(['verify', path.join(clean.parent, 'nope')]),
        cli(['verify', path.join(clean.dir, 'module.js')]),
        cli(['verify', hostile.dir]),
        cli(['manifest', hostile.dir]),
        cli(['sign', '--dist', hostile.dir, '--grafana-com-url', server.url], {
          GRAFANA_ACCESS_POLICY_TOKEN: DEMO_TOKEN,
        }),
      ]);
    expectCliError(type, 2, /"Bogus" is not a signature type; use one of/);
    expectCliError(appUrl, 2, /--app-url: "http:\/\/a b\.com\/" is not a URL/);
    expectCliError(rootUrls, 2, /--root-urls: "ftp:\/\/x\.example\.com\/" must be an absolute http\(s\) URL/);
    expectCliError(garbageKey, 2, /garbage\.asc is not an armored OpenPGP public key/);
    expectCliError(privateKey, 2, /private\.asc holds a PGP PRIVATE key/);
    expectCliError(missingKey, 2, /file ".*none\.asc" not found/);
    expectCliError(missing, 2, /nope does not exist/);
    expectCliError(file, 1, /module\.js is (neither a folder nor a \.zip|not a folder)/);
    expect(verifyHostile.code).toBe(1);
    expect(verifyHostile.stdout).toMatch(/escape\.js: symlink resolves outside the plugin folder/);
    expect(verifyHostile.stdout + verifyHostile.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expectCliError(manifest, 1, /refusing to sign .*\n {2}escape\.js: symlink resolves outside the plugin folder/);
    expectCliError(sign, 1, /refusing to sign .*\n {2}escape\.js: symlink resolves outside the plugin folder/);
    expect(signRequests()).toBe(requests);
  }, 60_000);
});
