/**
 * Route hygiene end to end through the bundled action and the loopback grafana.com: an error finding in sign mode
 * stops the run before any request and leaves MANIFEST.txt as it was; `warn` signs and annotates; annotations land
 * on the src/plugin.json twin when it holds the same value, else on the dist file; the SARIF file is written.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startLoopbackGrafanaCom, type LoopbackGrafanaCom } from '../servers/grafana-com.js';
import { ACTION_BUNDLE, PROJECT_ROOT, runAction } from '../helpers/run-action.js';
import { tempDir } from '../helpers/tmp.js';

const EXAMPLE = path.join(PROJECT_ROOT, 'examples/plugin/dist');
let server: LoopbackGrafanaCom;

beforeAll(async () => {
  if (!existsSync(ACTION_BUNDLE)) throw new Error(`${ACTION_BUNDLE} is missing: run npm run build`);
  server = await startLoopbackGrafanaCom({
    tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { 'myorg-demo-panel': 'community' } } },
  });
});
afterAll(() => server?.close());

const example = JSON.parse(readFileSync(path.join(EXAMPLE, 'plugin.json'), 'utf8')) as Record<string, unknown>;
const badRoutes = [
  {
    path: 'api',
    url: 'https://api.example.com',
    headers: [{ name: 'Authorization', content: 'Bearer {{ .JsonData.token }}' }],
  },
];

/** A workspace with dist/ (a data source with `routes`) and, when `twin`, src/plugin.json laid out differently. */
function workspace(routes: unknown, twin: 'same' | 'different' | 'none'): string {
  const ws = tempDir('routes-ws-');
  cpSync(EXAMPLE, path.join(ws, 'dist'), { recursive: true });
  const pj = { ...example, type: 'datasource', routes };
  writeFileSync(path.join(ws, 'dist/plugin.json'), JSON.stringify(pj, null, 2) + '\n');
  if (twin !== 'none') {
    mkdirSync(path.join(ws, 'src'));
    const src =
      twin === 'same' ? pj : { ...pj, routes: [{ path: 'api', url: 'https://api.example.com', headers: [] }] };
    // Different layout: four leading lines, so the twin's line numbers differ from dist's.
    writeFileSync(path.join(ws, 'src/plugin.json'), '{\n\n\n' + JSON.stringify(src, null, 4).slice(1));
  }
  return ws;
}

const inputs = (extra: Record<string, string> = {}) => ({
  dist: 'dist',
  'access-policy-token': DEMO_TOKEN,
  'grafana-com-url': server.url,
  'public-keys': server.publicKeyArmored,
  ...extra,
});

function lineOf(file: string, needle: string): number {
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(needle)) + 1
  );
}

describe('route checks in the bundled action', () => {
  it('sign mode, route-checks error: exits 1 before any request, MANIFEST.txt byte-identical, annotation on src/plugin.json', async () => {
    const ws = workspace(badRoutes, 'same');
    const manifest = path.join(ws, 'dist/MANIFEST.txt');
    const oldManifest = Buffer.from('-----BEGIN PGP SIGNED MESSAGE-----\nold manifest, must stay\n');
    writeFileSync(manifest, oldManifest);
    const before = server.requests.length;
    const run = await runAction({ workspace: ws, inputs: inputs() });
    expect(run.code).toBe(1);
    expect(server.requests.length).toBe(before);
    expect(readFileSync(manifest).equals(oldManifest)).toBe(true);
    const line = lineOf(path.join(ws, 'src/plugin.json'), '"content": "Bearer');
    expect(line).toBeGreaterThan(0);
    expect(run.stdout).toMatch(
      new RegExp(`^::error title=Proxy route%3A jsondata-credential,file=src/plugin.json,line=${line},col=\\d+::`, 'm'),
    );
    expect(run.stdout).toMatch(/^::error::.*proxy routes: 1 error finding\(s\) in plugin.json/m);
    expect(run.outputs['route-errors']).toBe('1');
    const findings = JSON.parse(run.outputs['route-findings']) as {
      rule: string;
      pointer: string;
      location: { file: string; twin: boolean };
    }[];
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'jsondata-credential',
        severity: 'error',
        file: 'plugin.json',
        pointer: '/routes/0/headers/0/content',
        location: expect.objectContaining({ file: 'src/plugin.json', line, twin: true }) as unknown,
      }),
    ]);
    expect(run.summary).toContain('### Proxy routes');
    expect(run.summary).toContain('jsondata-credential');
  });

  it('the annotation stays on dist/plugin.json when the twin holds another value', async () => {
    const ws = workspace(badRoutes, 'different');
    const run = await runAction({ workspace: ws, inputs: inputs({ mode: 'verify' }) });
    expect(run.code).toBe(1);
    const line = lineOf(path.join(ws, 'dist/plugin.json'), '"content": "Bearer');
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error title=Proxy route%3A jsondata-credential,file=dist/plugin.json,line=${line},col=\\d+::`,
        'm',
      ),
    );
  });

  it('warn: signs, annotates with a warning, writes SARIF; the plugin verifies valid', async () => {
    const ws = workspace(badRoutes, 'none');
    const signsBefore = server.requests.filter((r) => r.path.endsWith('/plugins/ci/sign')).length;
    const run = await runAction({
      workspace: ws,
      inputs: inputs({ 'route-checks': 'warn', 'sarif-file': 'reports/routes.sarif' }),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(server.requests.filter((r) => r.path.endsWith('/plugins/ci/sign')).length).toBe(signsBefore + 1);
    expect(run.outputs.status).toBe('valid');
    expect(run.stdout).toMatch(
      /^::warning title=Proxy route%3A jsondata-credential,file=dist\/plugin.json,line=\d+,col=\d+::/m,
    );
    const sarif = JSON.parse(readFileSync(path.join(ws, 'reports/routes.sarif'), 'utf8')) as Sarif.Log;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(sarif.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri).toBe('dist/plugin.json');
  });

  it('off: no route check at all', async () => {
    const ws = workspace(badRoutes, 'none');
    const run = await runAction({ workspace: ws, inputs: inputs({ 'route-checks': 'off' }) });
    expect(run.code).toBe(0);
    expect(run.outputs['route-errors']).toBe('0');
    expect(run.stdout).not.toContain('Proxy route');
  });
});
