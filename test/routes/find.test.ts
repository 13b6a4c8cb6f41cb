/** Finding plugin.json files: nested app plugins, node_modules skipped, a single plugin.json, a plugin zip. */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { checkRoutes } from '../../src/routes/find.js';
import { tempDir } from '../helpers/tmp.js';

const appJson = JSON.stringify(
  { type: 'app', id: 'acme-nested-app', routes: [{ path: 'api', url: '{{ .URL }}/api' }] },
  null,
  2,
);
const dsJson = JSON.stringify(
  {
    type: 'datasource',
    id: 'acme-nested-datasource',
    routes: [
      {
        path: '/api',
        url: 'https://api.example.com',
        headers: [{ name: 'Authorization', content: 'Bearer {{ .JsonData.token }}' }],
      },
    ],
  },
  null,
  2,
);
const hiddenJson = JSON.stringify({ type: 'datasource', routes: [{ path: 1 }] });

function makeNestedApp(): string {
  const dir = path.join(tempDir('routes-'), 'acme-nested-app');
  mkdirSync(path.join(dir, 'datasource'), { recursive: true });
  mkdirSync(path.join(dir, 'node_modules', 'dep'), { recursive: true });
  writeFileSync(path.join(dir, 'plugin.json'), appJson);
  writeFileSync(path.join(dir, 'datasource', 'plugin.json'), dsJson);
  writeFileSync(path.join(dir, 'node_modules', 'dep', 'plugin.json'), hiddenJson);
  writeFileSync(path.join(dir, 'module.js'), 'export {}');
  return dir;
}

const expected = [
  ['plugin.json', 'template-url-app', '/routes/0/url'],
  ['datasource/plugin.json', 'route-path-leading-slash', '/routes/0/path'],
  ['datasource/plugin.json', 'jsondata-credential', '/routes/0/headers/0/content'],
];

describe('checkRoutes', () => {
  it('a nested app: the app rules on the app, the data source rules on the nested data source, node_modules skipped', async () => {
    const dir = makeNestedApp();
    const r = await checkRoutes(dir);
    expect(r.files).toEqual(['plugin.json', 'datasource/plugin.json']);
    expect(r.findings.map((f) => [f.file, f.rule, f.pointer])).toEqual(expected);
  });
  it('one plugin.json', async () => {
    const dir = makeNestedApp();
    const r = await checkRoutes(path.join(dir, 'datasource', 'plugin.json'));
    expect(r.findings.map((f) => [f.file, f.rule])).toEqual([
      ['plugin.json', 'route-path-leading-slash'],
      ['plugin.json', 'jsondata-credential'],
    ]);
  });
  it('the plugin inside a .zip', async () => {
    const zipPath = path.join(tempDir('routes-zip-'), 'acme-nested-app-1.0.0.zip');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(appJson), 'acme-nested-app/plugin.json');
    zip.addBuffer(Buffer.from(dsJson), 'acme-nested-app/datasource/plugin.json');
    zip.addBuffer(Buffer.from('export {}'), 'acme-nested-app/module.js');
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(zipPath));
    const r = await checkRoutes(zipPath);
    expect(r.path).toBe(zipPath);
    expect(r.findings.map((f) => [f.file, f.rule, f.pointer])).toEqual(expected);
  });
  it('a missing path is a PluginError naming it', async () => {
    await expect(checkRoutes('/nonexistent/plugin')).rejects.toThrow('/nonexistent/plugin cannot be read');
  });
});
