/**
 * The file system changing under a run, through the bundled CLI (issue 9 items 6 and 8):
 * - a folder renamed and replaced by a link to a folder outside while verify runs: nothing outside is walked or
 *   hashed (150 races in one CLI process, counted);
 * - signing killed (SIGKILL) at random points, and aimed at the write (on inotify's news of a temporary file): no temporary file is ever left inside dist/, MANIFEST.txt is never
 *   half-written, and the next signing's manifest lists only the plugin's files;
 * - two signings of one folder at once: serialized or refused with a clear message, never a temporary file signed.
 * Counts are printed (console.info) for the report.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrustedKeys } from '../../src/signature/keys.js';
import { signPlugin } from '../../src/signing/sign.js';
import { verifyPlugin } from '../../src/verify/verify.js';
import { CLI_BUNDLE, runCli } from '../helpers/run-action.js';
import {
  DEMO_TOKEN,
  keysTrustingLoopback,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';
import { makePlugin, PLUGIN_ID } from './make-plugin.js';

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

let server: LoopbackGrafanaCom;
let keys: TrustedKeys;
let keyFile: string;
beforeAll(async () => {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run build`);
  server = await startLoopbackGrafanaCom({
    tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { [PLUGIN_ID]: 'community' } } },
  });
  keys = await keysTrustingLoopback(server);
  keyFile = path.join(makePlugin().parent, 'loopback.asc');
  writeFileSync(keyFile, server.publicKeyArmored);
});
afterAll(() => server?.close());

/** Renames `dist/sub` away and puts a link to `outside` in its place, then back, until killed. */
const SWAPPER = `
const fs = require('node:fs');
const [sub, aside, outside] = process.argv.slice(1);
for (;;) {
  try { fs.renameSync(sub, aside); fs.symlinkSync(outside, sub); } catch {}
  for (let i = 0; i < 2000; i++);
  try { fs.unlinkSync(sub); fs.renameSync(aside, sub); } catch {}
  for (let i = 0; i < 2000; i++);
}`;

/** The `files` of a clear-signed MANIFEST.txt's JSON body. */
function signedFiles(manifestText: string): Record<string, string> {
  const body = manifestText.slice(manifestText.indexOf('{'), manifestText.lastIndexOf('}') + 1);
  return (JSON.parse(body) as { files: Record<string, string> }).files;
}

interface ReportFinding {
  kind: string;
  path?: string;
  message: string;
  actual?: string;
}

describe('a folder swapped for a link while verify runs', () => {
  it('150 races: nothing outside is walked or hashed', async () => {
    const RACES = 150;
    const OUTSIDE_A = 'outside a.js: reading me is a read outside the plugin\n';
    const p = makePlugin({ 'sub/a.js': 'inside a.js\n', 'sub/b.js': 'inside b.js\n' });
    writeFileSync(path.join(p.outside, 'a.js'), OUTSIDE_A);
    await signPlugin({ dist: p.dir, token: DEMO_TOKEN, grafanaComUrl: server.url, keys });
    const outsideNames = new Set(readdirSync(p.outside).map((n) => `sub/${n}`));
    outsideNames.delete('sub/a.js'); // also inside: only its hash tells where it was read

    const swapper = spawn(
      process.execPath,
      ['-e', SWAPPER, path.join(p.dir, 'sub'), path.join(p.dir, 'sub.aside'), p.outside],
      { stdio: 'ignore' },
    );
    let run;
    try {
      run = await runCli(['verify', '--json', '--public-key', keyFile, ...Array<string>(RACES).fill(p.dir)]);
    } finally {
      swapper.kill('SIGKILL');
      await new Promise((resolve) => swapper.once('exit', resolve));
    }
    const { results } = JSON.parse(run.stdout) as { results: { status: string; findings: ReportFinding[] }[] };
    expect(results).toHaveLength(RACES);
    let readsOutside = 0;
    let walksOutside = 0;
    let changed = 0;
    let disturbed = 0;
    for (const r of results) {
      if (r.status !== 'valid') disturbed++;
      if (r.findings.some((f) => f.actual === sha256(OUTSIDE_A))) readsOutside++;
      if (r.findings.some((f) => f.path !== undefined && outsideNames.has(f.path))) walksOutside++;
      if (r.findings.some((f) => f.message.includes('changed during the run'))) changed++;
    }
    console.info(
      `swap races: ${RACES} tried, ${disturbed} disturbed, ${changed} reported "changed during the run", ` +
        `${readsOutside} hashed outside, ${walksOutside} walked outside`,
    );
    expect(readsOutside).toBe(0);
    expect(walksOutside).toBe(0);
    expect(disturbed).toBeGreaterThan(0); // the race was really run
  }, 120_000);
});

describe('signing killed at random points', () => {
  it('60 SIGKILLs (30 aimed at the write): never a temporary file inside dist/, never a half-written MANIFEST.txt; the next signing lists only plugin files', async () => {
    const KILLS = 60; // 100 took ~390 s on the loaded 2-core machine; 60 (30 aimed) keeps it near 4 minutes
    const p = makePlugin({ 'sub/a.js': 'a\n' });
    const pluginFiles = ['img/logo.svg', 'module.js', 'plugin.json', 'sub/a.js'];
    const args = ['sign', '--dist', p.dir, '--grafana-com-url', server.url, '--public-key', keyFile];
    const env = { GRAFANA_ACCESS_POLICY_TOKEN: DEMO_TOKEN, PATH: process.env.PATH ?? '' };
    const started = performance.now();
    const first = await runCli(args, { env });
    expect(first.code, first.stderr).toBe(0);
    const span = performance.now() - started; // one whole run: kills are spread over it
    const listDist = () => readdirSync(p.dir, { recursive: true, encoding: 'utf8' });
    const expectedEntries = new Set(['MANIFEST.txt', 'img', 'sub', ...pluginFiles]);
    let tempsInDist = 0;
    let tempsBesideDist = 0;
    let halfWritten = 0;
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const child: ChildProcess = spawn(process.execPath, [CLI_BUNDLE, ...args], { env, stdio: 'ignore' });
      // Even runs: killed at a random point of a whole run. Odd runs: aimed at the write, killed as soon as a
      // temporary file appears in dist/ or beside it (inotify), plus 0-3 ms.
      const aimed = i % 2 === 1;
      let sent = false; // several inotify events can arrive for one temporary file
      const kill = () => {
        if (!sent && child.exitCode === null && child.signalCode === null) {
          sent = true;
          child.kill('SIGKILL');
          killed++;
        }
      };
      const watchers = aimed
        ? [p.dir, p.parent].map((dir) =>
            watch(dir, (_event, name) => {
              if (name?.endsWith('.tmp')) setTimeout(kill, Math.random() * 3);
            }),
          )
        : [];
      await new Promise<void>((resolve) => {
        const timer = aimed ? undefined : setTimeout(kill, Math.random() * span * 1.2);
        child.once('exit', () => {
          clearTimeout(timer);
          for (const w of watchers) w.close();
          resolve();
        });
      });
      tempsInDist += listDist().filter((n) => !expectedEntries.has(n)).length;
      tempsBesideDist += readdirSync(p.parent).filter((n) => n.endsWith('.tmp')).length;
      if (existsSync(path.join(p.dir, 'MANIFEST.txt'))) {
        const verdict = await verifyPlugin(p.dir, { keys });
        if (verdict.status !== 'valid') halfWritten++;
      }
    }
    const last = await runCli(args, { env });
    expect(last.code, last.stderr).toBe(0);
    const signed = readFileSync(path.join(p.dir, 'MANIFEST.txt'), 'utf8');
    const listed = Object.keys(signedFiles(signed));
    console.info(
      `sign kills: ${KILLS} runs, ${killed} killed before they ended, ${tempsBesideDist} temporary files left ` +
        `beside dist/ (removed by the next run), ${tempsInDist} inside dist/, ${halfWritten} MANIFEST.txt not valid`,
    );
    expect(tempsInDist).toBe(0);
    expect(halfWritten).toBe(0);
    expect(listed.sort()).toEqual(pluginFiles);
    expect(readdirSync(p.parent).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
  }, 420_000);
});

describe('two signings of one folder at once', () => {
  it('serialized or refused clearly; never a temporary file signed, the manifest valid', async () => {
    const p = makePlugin();
    mkdirSync(path.join(p.dir, 'sub'));
    writeFileSync(path.join(p.dir, 'sub/a.js'), 'a');
    const args = ['sign', '--dist', p.dir, '--grafana-com-url', server.url, '--public-key', keyFile];
    const env = { GRAFANA_ACCESS_POLICY_TOKEN: DEMO_TOKEN };
    let refused = 0;
    let bothSigned = 0;
    for (let i = 0; i < 5; i++) {
      const runs = await Promise.all([runCli(args, { env }), runCli(args, { env })]);
      for (const run of runs) {
        if (run.code !== 0) {
          expect(run.stderr).toMatch(/is being signed by another process \(pid \d+, lock file .*\): wait for it/);
          refused++;
        }
      }
      expect(runs.some((r) => r.code === 0)).toBe(true);
      if (runs.every((r) => r.code === 0)) bothSigned++;
      expect((await verifyPlugin(p.dir, { keys })).status).toBe('valid');
      const signed = readFileSync(path.join(p.dir, 'MANIFEST.txt'), 'utf8');
      const listed = Object.keys(signedFiles(signed));
      expect(listed.sort()).toEqual(['img/logo.svg', 'module.js', 'plugin.json', 'sub/a.js']);
    }
    console.info(`concurrent signings: 5 pairs, ${refused} refused as locked, ${bothSigned} pairs both signed`);
    expect(readdirSync(p.parent).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
  }, 120_000);
});
