/**
 * Verify-only workflows through the bundled action: several plugins per run, packaging, runs without a token,
 * and grafana.com's live keys.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startLoopbackGrafanaCom, type LoopbackGrafanaCom } from '../servers/grafana-com.js';
import { PROJECT_ROOT, runAction } from '../helpers/run-action.js';
import { SHARED_PLUGINS, describeShared } from '../helpers/shared.js';
import { tempDir } from '../helpers/tmp.js';
import type { Finding } from '../../src/verify/findings.js';
import type { PluginReport } from '../../src/verify/report.js';

const EXAMPLE = path.join(PROJECT_ROOT, 'examples/plugin/dist');
let server: LoopbackGrafanaCom;

beforeAll(async () => {
  server = await startLoopbackGrafanaCom();
});
afterAll(() => server?.close());

const lines = (stdout: string, prefix: string) => stdout.split('\n').filter((l) => l.startsWith(prefix));

describeShared('several plugins per run', () => {
  it('a two-plugin glob with one bad plugin fails, reports both, status is the worst', async () => {
    const ws = tempDir('multi-');
    cpSync(path.join(SHARED_PLUGINS, 'nested'), path.join(ws, 'plugins/a/dist'), { recursive: true });
    cpSync(path.join(SHARED_PLUGINS, 'private-localhost'), path.join(ws, 'plugins/b/dist'), { recursive: true });
    writeFileSync(path.join(ws, 'plugins/b/dist/extra.js'), 'x');
    const run = await runAction({ workspace: ws, inputs: { mode: 'verify', dist: 'plugins/*/dist' } });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('modified');
    const results = JSON.parse(run.outputs.results) as PluginReport[];
    expect(results.map((r) => [r.path, r.status, r.ok])).toEqual([
      ['plugins/a/dist', 'valid', true],
      ['plugins/b/dist', 'modified', false],
    ]);
    expect(run.outputs['signature-type']).toBe('');
    const failure = lines(run.stdout, '::error::').at(-1)!;
    expect(failure).toContain('plugins/b/dist: The following files were not included in the signature: extra.js');
    expect(failure).not.toContain('plugins/a/dist');
    expect(run.summary).toContain('2 plugins, 1 failing');
    expect(run.summary).toContain('test-datasource');
    expect(run.summary).toContain('extra.js');
  });

  it('a zip and a folder on separate lines, exclusions honoured', async () => {
    const ws = tempDir('multi-zip-');
    cpSync(path.join(SHARED_PLUGINS, 'nested'), path.join(ws, 'one'), { recursive: true });
    cpSync(path.join(SHARED_PLUGINS, 'nested'), path.join(ws, 'skipped'), { recursive: true });
    writeFileSync(path.join(ws, 'skipped/extra.js'), 'x');
    const run = await runAction({ workspace: ws, inputs: { mode: 'verify', dist: 'one\n*\n!skipped' } });
    expect((JSON.parse(run.outputs.results) as PluginReport[]).map((r) => r.path)).toEqual(['one']);
    expect(run.code).toBe(0);
  });

  it('nothing matching is a clear input error', async () => {
    const ws = tempDir('multi-none-');
    const run = await runAction({ workspace: ws, inputs: { mode: 'verify', dist: 'plugins/*/dist' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::dist: nothing matches "plugins/*/dist"');
  });
});

describe('package: true', () => {
  it('signs, writes <id>-<version>.zip with .sha1/.md5, and the zip verifies valid', async () => {
    const ws = tempDir('package-');
    cpSync(EXAMPLE, path.join(ws, 'dist'), { recursive: true });
    const run = await runAction({
      workspace: ws,
      inputs: { dist: 'dist', 'access-policy-token': DEMO_TOKEN, 'grafana-com-url': server.url, package: 'true' },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const archive = path.join(ws, 'myorg-demo-panel-1.0.0.zip');
    expect(run.outputs.archive).toBe(archive);
    expect(readFileSync(`${archive}.sha1`, 'utf8').trim().split(/\s+/)[0]).toBe(run.outputs['archive-sha1']);
    expect(existsSync(`${archive}.md5`)).toBe(true);
    const verify = await runAction({
      workspace: ws,
      inputs: { mode: 'verify', dist: 'myorg-demo-panel-1.0.0.zip', 'public-keys': server.publicKeyArmored },
    });
    expect(verify.code).toBe(0);
    expect((JSON.parse(verify.outputs.results) as PluginReport[])[0]).toMatchObject({ status: 'valid', layout: [] });
  });
});

describe('if-no-token', () => {
  const unsignedWorkspace = () => {
    const ws = tempDir('notoken-');
    cpSync(EXAMPLE, path.join(ws, 'dist'), { recursive: true });
    return ws;
  };

  it('error (default): fails and explains fork PRs and how to pass the secret', async () => {
    const run = await runAction({ workspace: unsignedWorkspace(), inputs: { dist: 'dist' } });
    expect(run.code).toBe(1);
    const error = lines(run.stdout, '::error::').join('\n');
    expect(error).toContain('access-policy-token is empty');
    expect(error).toContain('secrets.GRAFANA_ACCESS_POLICY_TOKEN');
    expect(error).toContain('forks');
  });

  it('warn: skips signing with a warning annotation, verifies, does not fail on unsigned', async () => {
    const run = await runAction({ workspace: unsignedWorkspace(), inputs: { dist: 'dist', 'if-no-token': 'warn' } });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('unsigned');
    expect(lines(run.stdout, '::warning')).toEqual([
      expect.stringMatching(/^::warning title=Plugin not signed::No access policy token/),
    ]);
    expect(lines(run.stdout, '::error')).toEqual([]);
  });

  it('ignore: the same with a notice', async () => {
    const run = await runAction({ workspace: unsignedWorkspace(), inputs: { dist: 'dist', 'if-no-token': 'ignore' } });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('unsigned');
    expect(lines(run.stdout, '::warning')).toEqual([]);
    expect(lines(run.stdout, '::notice title=Plugin not signed::No access policy token')).toHaveLength(1);
  });

  it('warn still fails a modified plugin', async () => {
    const ws = tempDir('notoken-mod-');
    cpSync(EXAMPLE, path.join(ws, 'dist'), { recursive: true });
    const signed = await runAction({
      workspace: ws,
      inputs: { dist: 'dist', 'access-policy-token': DEMO_TOKEN, 'grafana-com-url': server.url },
    });
    expect(signed.code).toBe(0);
    writeFileSync(path.join(ws, 'dist/module.js'), 'changed');
    const run = await runAction({
      workspace: ws,
      inputs: { dist: 'dist', 'if-no-token': 'warn', 'public-keys': server.publicKeyArmored },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('modified');
  });

  it('an unknown value is an input error', async () => {
    const run = await runAction({ workspace: unsignedWorkspace(), inputs: { dist: 'dist', 'if-no-token': 'skip' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::if-no-token: "skip" is not one of error, warn, ignore');
  });
});

describe('live keys from grafana.com', () => {
  const signedWorkspace = async () => {
    const ws = tempDir('keys-');
    cpSync(EXAMPLE, path.join(ws, 'dist'), { recursive: true });
    // Sign mode fetches keys by default: the loopback key, served only at /plugins/ci/keys, verifies the answer.
    const run = await runAction({
      workspace: ws,
      inputs: { dist: 'dist', 'access-policy-token': DEMO_TOKEN, 'grafana-com-url': server.url },
    });
    expect(run.code).toBe(0);
    return ws;
  };

  it('verify with fetch-keys trusts the key served at /plugins/ci/keys', async () => {
    const ws = await signedWorkspace();
    const run = await runAction({
      workspace: ws,
      inputs: { mode: 'verify', dist: 'dist', 'fetch-keys': 'true', 'grafana-com-url': server.url },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['key-id']).toBe(server.keyId);
  });

  it('with public-key-retrieval: disabled the same plugin is invalid', async () => {
    const ws = await signedWorkspace();
    const run = await runAction({
      workspace: ws,
      inputs: {
        mode: 'verify',
        dist: 'dist',
        'fetch-keys': 'true',
        'public-key-retrieval': 'disabled',
        'grafana-com-url': server.url,
      },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('invalid');
    expect(run.stdout).toContain(`missing public key for ID ${server.keyId}`);
    // The key list is read only to prove the cause: grafana.com publishes this key ID (issue 11).
    expect((JSON.parse(run.outputs.findings) as Finding[])[0].hint).toMatchObject({ cause: 'rotated-key' });
    expect(run.stdout).toContain(`(rotated-key: key ID ${server.keyId} is one grafana.com publishes`);
  });

  it('a failing keys endpoint falls back to the embedded key with a warning', async () => {
    const ws = await signedWorkspace();
    const run = await runAction({
      workspace: ws,
      inputs: {
        mode: 'verify',
        dist: 'dist',
        'fetch-keys': 'true',
        'grafana-com-url': `${server.url}/nowhere`,
        retries: '0',
      },
    });
    expect(lines(run.stdout, '::warning::')).toEqual([expect.stringContaining('falling back to the embedded key')]);
    expect(run.outputs.status).toBe('invalid');
  });
});
