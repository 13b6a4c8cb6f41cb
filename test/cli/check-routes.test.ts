/** `check-routes` through the bundled CLI: JSON and text output, exit codes 0/1/2. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-action.js';
import { tempDir } from '../helpers/tmp.js';

function plugin(routes: unknown, type = 'datasource'): string {
  const dir = path.join(tempDir('cli-routes-'), 'plugin');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'plugin.json'), JSON.stringify({ type, id: 'acme-x-datasource', routes }, null, 2));
  return dir;
}

describe('check-routes', () => {
  it('--json DIR: findings with rule, severity and pointer; exit 1 on an error finding', async () => {
    const dir = plugin([
      { path: 'api', method: 'get', url: 'https://a.example.com' },
      { path: '/b', url: 'https://a.example.com' },
    ]);
    const r = await runCli(['check-routes', '--json', dir]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      findings: { rule: string; severity: string; pointer: string; file: string; line: number }[];
    };
    expect(out.findings.map((f) => [f.rule, f.severity, f.pointer, f.file])).toEqual([
      ['route-method-invalid', 'error', '/routes/0/method', 'plugin.json'],
      ['route-path-leading-slash', 'warning', '/routes/1/path', 'plugin.json'],
    ]);
  });
  it('warnings only exit 0; several PATHs give results per path', async () => {
    const a = plugin([{ path: '/b', url: 'https://a.example.com' }]);
    const b = plugin([{ path: 'b', url: 'https://a.example.com' }]);
    const r = await runCli(['check-routes', '--json', a, path.join(b, 'plugin.json')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { path: string; findings: { rule: string }[] }[] };
    expect(out.results.map((x) => [x.path, x.findings.map((f) => f.rule)])).toEqual([
      [a, ['route-path-leading-slash']],
      [path.join(b, 'plugin.json'), []],
    ]);
  });
  it('text: file:line:column  severity  rule  message, control characters shown escaped', async () => {
    const dir = plugin([{ path: 'api', method: 'ge\nt\u001b', url: 'https://a.example.com' }]);
    const r = await runCli(['check-routes', dir]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^plugin\.json:\d+:\d+ {2}error {2}route-method-invalid {2}method "ge\\nt\\u001b" never matches/,
    );
  });
  it('usage errors exit 2', async () => {
    expect((await runCli(['check-routes'])).code).toBe(2);
    expect((await runCli(['check-routes', '--xml', 'x'])).code).toBe(2);
  });
  it('a missing PATH exits 1 with its name', async () => {
    const r = await runCli(['check-routes', '/nonexistent/plugin']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/nonexistent/plugin');
  });
});
