/**
 * The version the tool reports to grafana.com (`signPlugin.version`) is package.json's, in the sources and in both
 * committed bundles (ncc inlines package.json's `version` at build time).
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_VERSION, VERSION } from '../../src/version.js';
import { ACTION_BUNDLE, CLI_BUNDLE, PROJECT_ROOT, runAction, runCli } from '../helpers/run-action.js';
import { tempDir } from '../helpers/tmp.js';
import { DEMO_TOKEN, startLoopbackGrafanaCom, type LoopbackGrafanaCom } from '../servers/grafana-com.js';

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
const EXPECTED = `sign-plugin-action/${PACKAGE_VERSION}`;

let server: LoopbackGrafanaCom;
beforeAll(async () => {
  for (const bundle of [ACTION_BUNDLE, CLI_BUNDLE]) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build`);
  }
  server = await startLoopbackGrafanaCom({
    tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { 'myorg-demo-panel': 'community' } } },
  });
});
afterAll(() => server?.close());

function workspace(): string {
  const ws = tempDir('version-ws-');
  cpSync(path.join(PROJECT_ROOT, 'examples/plugin/dist'), path.join(ws, 'dist'), { recursive: true });
  return ws;
}

/** `signPlugin.version` of the last signing request the loopback grafana.com received. */
function lastSentToolVersion(): unknown {
  const sign = server.requests.filter((r) => r.path.endsWith('/plugins/ci/sign')).at(-1);
  expect(sign, 'no signing request reached the loopback grafana.com').toBeDefined();
  return (JSON.parse(sign!.body) as { signPlugin?: { version?: unknown } }).signPlugin?.version;
}

describe('tool version', () => {
  it("is package.json's version in the sources", () => {
    expect(PACKAGE_VERSION).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/);
    expect(VERSION).toBe(PACKAGE_VERSION);
    expect(TOOL_VERSION).toBe(EXPECTED);
  });

  it('is sent by the bundled action', async () => {
    const run = await runAction({
      workspace: workspace(),
      inputs: {
        dist: 'dist',
        'access-policy-token': DEMO_TOKEN,
        'grafana-com-url': server.url,
        'public-keys': server.publicKeyArmored,
        'upload-artifact': 'false',
      },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lastSentToolVersion()).toBe(EXPECTED);
  });

  it('is sent by the bundled CLI', async () => {
    const ws = workspace();
    const keyFile = path.join(ws, 'loopback.asc');
    writeFileSync(keyFile, server.publicKeyArmored);
    const run = await runCli(
      ['sign', '--dist', path.join(ws, 'dist'), '--grafana-com-url', server.url, '--public-key', keyFile],
      { cwd: ws, env: { GRAFANA_ACCESS_POLICY_TOKEN: DEMO_TOKEN } },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lastSentToolVersion()).toBe(EXPECTED);
  });
});
