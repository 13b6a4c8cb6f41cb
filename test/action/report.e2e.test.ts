/**
 * Reporting through the bundled action: annotations, job summary, outputs, and the MANIFEST.txt artifact
 * uploaded by the real @actions/artifact client to the loopback GitHub Results service.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackResultsService, type LoopbackResultsService } from '../servers/results-service.js';
import { DEMO_TOKEN, startLoopbackGrafanaCom, type LoopbackGrafanaCom } from '../servers/grafana-com.js';
import { PROJECT_ROOT, runAction } from '../helpers/run-action.js';
import { SHARED_PLUGINS, describeShared } from '../helpers/shared.js';
import { tempDir } from '../helpers/tmp.js';
import { unzip } from '../helpers/unzip.js';

let results: LoopbackResultsService;
let grafanaCom: LoopbackGrafanaCom;

beforeAll(async () => {
  results = await startLoopbackResultsService();
  grafanaCom = await startLoopbackGrafanaCom();
});
afterAll(async () => {
  await results?.close();
  await grafanaCom?.close();
});

/** A workspace holding a copy of `source` as `plugin/`. */
function workspaceWith(source: string): string {
  const ws = tempDir('report-ws-');
  cpSync(source, path.join(ws, 'plugin'), { recursive: true });
  return ws;
}

const errorLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error'));
const noticeLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::notice'));

describeShared('nested fixture through the bundled action', () => {
  it('tampered: exits 1, an error annotation names the changed file, the summary names it', async () => {
    const ws = workspaceWith(path.join(SHARED_PLUGINS, 'nested'));
    appendFileSync(path.join(ws, 'plugin/nested/plugin.json'), ' ');
    const run = await runAction({ workspace: ws, inputs: { mode: 'verify', dist: 'plugin' }, env: results.env() });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('modified');
    expect(errorLines(run.stdout)[0]).toBe(
      '::error title=Modified signature%3A nested/plugin.json,file=plugin/nested/plugin.json::' +
        'Plugin file checksum does not match signature checksum: nested/plugin.json%0A' +
        'expected SHA-256 (MANIFEST.txt): e64abd35cd211e0e4682974ad5cdd1be7a0b7cd24951d302a16d9e2cb6cefea4%0A' +
        `actual SHA-256 (on disk): ${createHash('sha256')
          .update(readFileSync(path.join(ws, 'plugin/nested/plugin.json')))
          .digest('hex')}`,
    );
    expect(run.summary).toContain('Modified signature');
    expect(run.summary).toContain('nested/plugin.json');
    expect(run.summary).toContain('e64abd35cd211e0e4682974ad5cdd1be7a0b7cd24951d302a16d9e2cb6cefea4');
    expect(results.artifacts.filter((a) => a.name.startsWith('test-datasource'))).toEqual([]);
    expect(run.outputs['artifact-id']).toBe('');
  });

  it('untampered in verify mode: uploads MANIFEST.txt byte-identical, with the outputs', async () => {
    const ws = workspaceWith(path.join(SHARED_PLUGINS, 'nested'));
    const before = results.artifacts.length;
    const run = await runAction({
      workspace: ws,
      inputs: { mode: 'verify', dist: 'plugin', 'retention-days': '7' },
      env: results.env(),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(results.artifacts.length).toBe(before + 1);
    const artifact = results.artifacts.at(-1)!;
    expect(artifact.name).toBe('test-datasource-1.0.0-manifest');
    expect(artifact.finalized).toBe(true);
    expect(artifact.retentionDays).toBe(7);
    const entries = unzip(artifact.zip);
    expect(entries.map((e) => e.name)).toEqual(['MANIFEST.txt']);
    const original = readFileSync(path.join(SHARED_PLUGINS, 'nested/MANIFEST.txt'));
    expect(entries[0].data.equals(original)).toBe(true);
    expect(run.outputs['artifact-id']).toBe(String(artifact.id));
    expect(run.outputs['artifact-url']).toBe(
      `https://github.com/myorg/demo-plugin/actions/runs/4242/artifacts/${artifact.id}`,
    );
    expect(run.outputs['manifest-sha256']).toBe(createHash('sha256').update(original).digest('hex'));
    expect(run.outputs['files-count']).toBe('2');
    expect(noticeLines(run.stdout)).toEqual([
      '::notice title=Signed%3A test-datasource 1.0.0::Signed as grafana by Grafana Labs',
    ]);
    expect(run.summary).toContain('Signed');
    expect(run.summary).toContain(`/artifacts/${artifact.id}`);
  });

  it('a 4xx from the Results service fails the job with a clear message; MANIFEST.txt stays', async () => {
    const ws = workspaceWith(path.join(SHARED_PLUGINS, 'nested'));
    results.failNext('create', 403, 'artifact storage quota exceeded');
    const run = await runAction({ workspace: ws, inputs: { mode: 'verify', dist: 'plugin' }, env: results.env() });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('valid');
    const error = errorLines(run.stdout).join('\n');
    expect(error).toContain('403');
    expect(error).toContain('artifact storage quota exceeded');
    expect(error).toContain('MANIFEST.txt is still');
    expect(
      readFileSync(path.join(ws, 'plugin/MANIFEST.txt')).equals(
        readFileSync(path.join(SHARED_PLUGINS, 'nested/MANIFEST.txt')),
      ),
    ).toBe(true);
  });

  it('upload-artifact: false uploads nothing; show-summary: false writes no summary', async () => {
    const ws = workspaceWith(path.join(SHARED_PLUGINS, 'nested'));
    const before = results.artifacts.length;
    const run = await runAction({
      workspace: ws,
      inputs: { mode: 'verify', dist: 'plugin', 'upload-artifact': 'false', 'show-summary': 'false' },
      env: results.env(),
    });
    expect(run.code).toBe(0);
    expect(results.artifacts.length).toBe(before);
    expect(run.summary).toBe('');
  });
});

describe('many problem files', () => {
  it('30 modified files: 8 file annotations, 1 roll-up and the failure: 10 errors, as GitHub shows; the summary lists all 30', async () => {
    const ws = tempDir('report-30-');
    const dist = path.join(ws, 'dist');
    cpSync(path.join(PROJECT_ROOT, 'examples/plugin/dist'), dist, { recursive: true });
    for (let i = 0; i < 30; i++) writeFileSync(path.join(dist, `chunk-${String(i).padStart(2, '0')}.js`), `// ${i}\n`);
    const signed = await runAction({
      workspace: ws,
      inputs: {
        dist: 'dist',
        'access-policy-token': DEMO_TOKEN,
        'grafana-com-url': grafanaCom.url,
        'public-keys': grafanaCom.publicKeyArmored,
        'upload-artifact': 'false',
      },
    });
    expect(signed.code).toBe(0);
    for (let i = 0; i < 30; i++)
      appendFileSync(path.join(dist, `chunk-${String(i).padStart(2, '0')}.js`), 'tampered\n');
    const run = await runAction({
      workspace: ws,
      inputs: { mode: 'verify', dist: 'dist', 'public-keys': grafanaCom.publicKeyArmored },
    });
    expect(run.code).toBe(1);
    const errors = errorLines(run.stdout);
    const fileErrors = errors.filter((l) => l.includes(',file=dist/chunk-'));
    expect(fileErrors).toHaveLength(8);
    expect(errors.filter((l) => l === '::error::… and 22 more, see the job summary')).toHaveLength(1);
    // GitHub shows 10 errors per step: the 10th is core.setFailed, stating every reason.
    expect(errors).toHaveLength(10);
    expect(errors[9]).toMatch(/^::error::plugin 'myorg-demo-panel' has an modified signature%0A/);
    expect(errors[9].split('%0A')).toHaveLength(31);
    for (let i = 0; i < 30; i++) expect(run.summary).toContain(`chunk-${String(i).padStart(2, '0')}.js`);
    expect(run.summary).toMatch(/Modified files \(30\)/);
  });

  it('a file named <img src=x onerror=alert(1)>.js is escaped in the summary', async () => {
    const ws = tempDir('report-xss-');
    const dist = path.join(ws, 'dist');
    cpSync(path.join(PROJECT_ROOT, 'examples/plugin/dist'), dist, { recursive: true });
    const signed = await runAction({
      workspace: ws,
      inputs: {
        dist: 'dist',
        'access-policy-token': DEMO_TOKEN,
        'grafana-com-url': grafanaCom.url,
        'public-keys': grafanaCom.publicKeyArmored,
        'upload-artifact': 'false',
      },
    });
    expect(signed.code).toBe(0);
    writeFileSync(path.join(dist, '<img src=x onerror=alert(1)>.js'), 'x');
    const run = await runAction({
      workspace: ws,
      inputs: { mode: 'verify', dist: 'dist', 'public-keys': grafanaCom.publicKeyArmored },
    });
    expect(run.code).toBe(1);
    expect(run.summary).toContain('&lt;img src=x onerror=alert(1)&gt;.js');
    expect(run.summary).not.toContain('<img');
  });
});
