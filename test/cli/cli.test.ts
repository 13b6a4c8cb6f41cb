/**
 * The CLI contract scripts rely on, through the bundled dist/cli/index.js.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest } from '../../src/manifest/build.js';
import { packagePlugin } from '../../src/zip/write-zip.js';
import type { combineReports, PluginReport } from '../../src/verify/report.js';
import { DEMO_TOKEN, startLoopbackGrafanaCom, type LoopbackGrafanaCom } from '../servers/grafana-com.js';
import { CLI_BUNDLE, PROJECT_ROOT, runCli } from '../helpers/run-action.js';
import { SHARED_PLUGINS, describeShared } from '../helpers/shared.js';
import { tempDir } from '../helpers/tmp.js';

const PRIVATE_LOCALHOST = path.join(SHARED_PLUGINS, 'private-localhost');

/** What `verify --json` prints for several paths. */
type CombinedReport = ReturnType<typeof combineReports>;

beforeAll(() => {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run build`);
});

describeShared('verify', () => {
  it('--json on private-localhost: one JSON object, status valid, exit 0', async () => {
    const run = await runCli(['verify', '--json', PRIVATE_LOCALHOST]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as PluginReport;
    expect(json).toMatchObject({
      status: 'valid',
      signatureType: 'private',
      plugin: 'test',
      version: '1.0.0',
      findings: [],
    });
  });

  it('--app-url http://127.0.0.1:3000/ → invalid, exit 1, the root URL tried named', async () => {
    const run = await runCli(['verify', '--json', '--app-url', 'http://127.0.0.1:3000/', PRIVATE_LOCALHOST]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as PluginReport;
    expect(json.status).toBe('invalid');
    expect(json.findings[0].kind).toBe('root-url-mismatch');
    expect(json.findings[0].message).toContain('http://localhost:3000/');
    expect(json.rootUrlChecks[0]).toMatchObject({ appUrl: 'http://127.0.0.1:3000/', matched: false });
  });

  it('expectations: --signature-type and --root-urls', async () => {
    const good = await runCli([
      'verify',
      '--signature-type',
      'private',
      '--root-urls',
      'http://localhost:3000',
      PRIVATE_LOCALHOST,
    ]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('✓ signature type is private, as expected');
    const bad = await runCli(['verify', '--json', '--signature-type', 'community', PRIVATE_LOCALHOST]);
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as PluginReport).expectations[0]).toMatchObject({
      met: false,
      expected: 'community',
      actual: 'private',
    });
    const urls = await runCli(['verify', '--json', '--root-urls', 'https://other.example.com/', PRIVATE_LOCALHOST]);
    expect(urls.code).toBe(1);
    expect((JSON.parse(urls.stdout) as PluginReport).expectations[0].message).toContain(
      'missing https://other.example.com/',
    );
  });

  it('a tampered copy is modified and names the file in human output', async () => {
    const dir = path.join(tempDir(), 'p');
    cpSync(PRIVATE_LOCALHOST, dir, { recursive: true });
    writeFileSync(path.join(dir, 'module.js'), 'added');
    const run = await runCli(['verify', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Modified signature (modified)');
    expect(run.stdout).toContain('The following files were not included in the signature: module.js');
  });
});

describeShared('verify several paths, zips included', () => {
  it('verify --json some-plugin.zip other-plugin-folder reports both with their verdicts', async () => {
    const work = tempDir('cli-zip-');
    const nested = path.join(work, 'nested');
    cpSync(path.join(SHARED_PLUGINS, 'nested'), nested, { recursive: true });
    const { archive } = await packagePlugin(nested, work);
    const tampered = path.join(work, 'tampered');
    cpSync(PRIVATE_LOCALHOST, tampered, { recursive: true });
    writeFileSync(path.join(tampered, 'extra.js'), 'x');
    const run = await runCli(['verify', '--json', archive, tampered]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as CombinedReport;
    expect(json.status).toBe('modified');
    expect(json.ok).toBe(false);
    expect(json.results.map((r) => [r.path, r.status, r.plugin])).toEqual([
      [archive, 'valid', 'test-datasource'],
      [tampered, 'modified', 'test'],
    ]);
    expect(json.results[0].layout).toEqual([]);
    const zipOnly = await runCli(['verify', '--json', archive]);
    expect(zipOnly.code).toBe(0);
    expect(JSON.parse(zipOnly.stdout)).toMatchObject({ status: 'valid', plugin: 'test-datasource', layout: [] });
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['verify'], 'verify takes at least one plugin folder or .zip'],
    [['verify', '/does/not/exist'], '/does/not/exist does not exist'],
    [['verify', '--signature-type', 'gold', '.'], '--signature-type: "gold" is not a signature type'],
    [['verify', '--app-url', 'not a url', '.'], '--app-url'],
    [['verify', '--bogus', '.'], "Unknown option '--bogus'"],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['manifest'], 'manifest takes one plugin folder'],
    [['sign', '--dist', '.'], 'GRAFANA_ACCESS_POLICY_TOKEN is not set'],
  ])('%j', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('<command> --help', () => {
  it.each([
    [['verify', '--help'], 'usage: verify [--app-url URL]'],
    [['sign', '-h'], 'usage: sign [--dist DIR]'],
    [['manifest', '--help'], 'usage: manifest DIR'],
    [['check-routes', '--help'], 'usage: check-routes [--json] PATH...'],
  ])("%j prints that command's usage on stdout, exit 0", async (args, usage) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(usage);
    expect(run.stdout).not.toContain('sign-plugin-action CLI'); // only that command, not the whole help
    expect(run.stderr).toBe('');
  });
});

describe('manifest', () => {
  it('prints the unsigned manifest signing would send', async () => {
    const dir = path.join(PROJECT_ROOT, 'examples/plugin/dist');
    const run = await runCli(['manifest', dir]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(await buildManifest(dir))));
  });
});

describe('sign', () => {
  let server: LoopbackGrafanaCom;
  beforeAll(async () => {
    server = await startLoopbackGrafanaCom({
      tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { 'myorg-demo-panel': 'community' } } },
    });
  });
  afterAll(() => server?.close());

  it('signs with the token from the environment, then verify passes', async () => {
    const dir = path.join(tempDir(), 'dist');
    cpSync(path.join(PROJECT_ROOT, 'examples/plugin/dist'), dir, { recursive: true });
    const keyFile = path.join(tempDir(), 'key.asc');
    writeFileSync(keyFile, server.publicKeyArmored);
    const run = await runCli(['sign', '--dist', dir, '--grafana-com-url', server.url, '--public-key', keyFile], {
      env: { GRAFANA_ACCESS_POLICY_TOKEN: DEMO_TOKEN },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Signed myorg-demo-panel 1.0.0: community signature by My Org (myorg)');
    expect(readFileSync(path.join(dir, 'MANIFEST.txt'), 'latin1')).toMatch(/^\r\n-----BEGIN PGP SIGNED MESSAGE-----/);
    const verify = await runCli(['verify', '--json', '--public-key', keyFile, dir]);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({
      status: 'valid',
      signatureType: 'community',
      keyId: server.keyId,
    });
    const withoutKey = await runCli(['verify', '--json', dir]);
    expect(withoutKey.code).toBe(1);
    expect((JSON.parse(withoutKey.stdout) as PluginReport).reason).toBe(`missing public key for ID ${server.keyId}`);
    const fetched = await runCli(['verify', '--json', '--fetch-keys', '--grafana-com-url', server.url, dir]);
    expect(fetched.code).toBe(0);
    expect((JSON.parse(fetched.stdout) as PluginReport).status).toBe('valid');
  });
});
