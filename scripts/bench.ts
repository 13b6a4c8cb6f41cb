/**
 * `npm run bench`: this project's manifest building and verification side by side with `@grafana/sign-plugin`'s
 * `buildManifest` and `openssl dgst -sha256`, on two generated plugins, then every performance target with PASS/FAIL.
 *
 * - backend-style dist: 6 × 64 MiB binaries + 300 small files; frontend-style dist: 5,000 files of 1–50 KiB. Random
 *   bytes (AES-256-CTR keystream of a fixed seed) and sizes (mulberry32, fixed seed), so every run hashes the same.
 * - Both are signed (private, for http://localhost:3000/) through the loopback grafana.com of test/servers, so
 *   `verify` checks a real signature with the loopback key trusted as an input key.
 * - Every measurement runs in a fresh child process (peak RSS is that process's `maxRSS`, workers included), 5 rounds
 *   after a discarded warm-up round, interleaved so that a noisy neighbour hurts every tool alike, each started once
 *   the CPUs are idle (≤ 15 % busy over 300 ms; at most 20 s per measurement and 4 minutes in all: other work on a
 *   2-core machine would otherwise decide the result); the median wall time is reported.
 * - Node measurements time the call inside the child (process start-up excluded; the sources run through tsx);
 *   `openssl` is timed from spawn to exit (its start-up, ~2 ms, included); so is the CLI cold start.
 * - The file walk alone is measured too, to show how much of the manifest time is not hashing.
 * - The three tools' digests are compared: a disagreement fails the bench.
 *
 * Exit code 0 when every target passes, 1 otherwise. Temporary files are removed at the end (and on Ctrl-C).
 */
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const THIS_FILE = fileURLToPath(import.meta.url);
const CLI_BUNDLE = path.join(ROOT, 'dist/cli/index.js');
const SMALL_PLUGIN = path.resolve(ROOT, '../shared/grafana/fixtures/plugins/private-localhost');
const ROUNDS = 5;
const MiB = 1024 * 1024;
const ROOT_URL = 'http://localhost:3000/';

/** What a child measurement prints as its last stdout line. */
interface Sample {
  ms: number;
  cpuMs?: number;
  rssMB?: number;
  /** SHA-256 over the sorted `path hash` lines: the three tools must agree. */
  fingerprint?: string;
  exitCode?: number;
  error?: string;
}

function fingerprint(files: Record<string, string> | Map<string, string>): string {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  const lines = entries.map(([p, h]) => `${p} ${h}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, 16);
}

// ---------------------------------------------------------------------------------------------------------------
// Child side: one measurement, printed as JSON.
// ---------------------------------------------------------------------------------------------------------------

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
    // A deep import: the package has no `exports` map; `buildManifest` is exported by dist/utils/manifest.js.
    const specifier: string = '@grafana/sign-plugin/dist/utils/manifest.js';
    const gsp = (await import(specifier)) as { buildManifest(dir: string): Promise<{ files: Record<string, string> }> };
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
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const print = await run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const sample: Sample = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMB: process.resourceUsage().maxRSS / 1024,
    fingerprint: print || undefined,
  };
  process.stdout.write(JSON.stringify(sample) + '\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Parent side.
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

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

/** Runs a command, timing it from spawn to exit; peak RSS from /usr/bin/time when present. */
function timeCommand(cmd: string, args: string[], cwd: string): Sample & { stdout: string } {
  const [file, argv] = TIME ? [TIME, ['-f', '@@RSS_KB %M', cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const run = spawnSync(file, argv, { cwd, encoding: 'utf8', maxBuffer: 64 * MiB });
  const ms = performance.now() - t0;
  const rss = /@@RSS_KB (\d+)/.exec(run.stderr ?? '');
  return {
    ms,
    rssMB: rss ? Number(rss[1]) / 1024 : undefined,
    exitCode: run.status ?? -1,
    stdout: run.stdout ?? '',
    error: run.error ? String(run.error) : undefined,
  };
}

function runChild(kind: string, dir: string, keyFile?: string): Sample {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', THIS_FILE, '--child', kind, dir, ...(keyFile ? [keyFile] : [])],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MiB },
  );
  const last = (run.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as Sample;
  } catch {
    return { ms: NaN, error: `${kind} failed (exit ${run.status}): ${(run.stderr ?? '').trim().slice(-800)}` };
  }
}

/** `openssl dgst -sha256 -r` over the files (relative paths, argument lists of ≤ 96 KiB), like one process would. */
function runOpenssl(dir: string, files: string[]): Sample {
  const groups: string[][] = [[]];
  let length = 0;
  for (const f of files) {
    if (length + f.length + 1 > 96 * 1024) {
      groups.push([]);
      length = 0;
    }
    groups[groups.length - 1].push(f);
    length += f.length + 1;
  }
  const total: Sample = { ms: 0, rssMB: 0 };
  const digests: Record<string, string> = {};
  for (const group of groups) {
    const run = timeCommand('openssl', ['dgst', '-sha256', '-r', ...group], dir);
    if (run.exitCode !== 0) return { ms: NaN, error: `openssl failed: ${run.error ?? run.exitCode}` };
    total.ms += run.ms;
    total.rssMB = Math.max(total.rssMB ?? 0, run.rssMB ?? 0);
    for (const line of run.stdout.split('\n')) {
      const m = /^([0-9a-f]{64}) \*(.+)$/.exec(line);
      if (m) digests[m[2]] = m[1];
    }
  }
  total.fingerprint = fingerprint(digests);
  if (!TIME) total.rssMB = undefined;
  return total;
}

interface Measurement {
  label: string;
  dist: string;
  /** Compared with @grafana/sign-plugin and openssl in the table. */
  hashesFiles?: boolean;
  run: () => Sample;
  samples: Sample[];
}

const fmtMs = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : 'n/a');
const fmtMB = (mb?: number) => (mb === undefined || !Number.isFinite(mb) ? 'n/a' : mb.toFixed(0));
const fmtRatio = (r: number) => (Number.isFinite(r) ? r.toFixed(2) : 'n/a');

async function main(): Promise<number> {
  const say = (s = '') => process.stdout.write(s + '\n');
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
  const { walkPluginFiles } = await import('../src/manifest/walk.js');
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
  const fileList = async (dir: string) =>
    (await walkPluginFiles(dir)).files.map((f) => f.path).filter((p) => p !== 'MANIFEST.txt');
  const backendFiles = await fileList(backend);
  const frontendFiles = await fileList(frontend);
  say(
    `signed both (private, ${ROOT_URL}); backend ${backendFiles.length} files, frontend ${frontendFiles.length} files`,
  );

  const bundle = readFileSync(CLI_BUNDLE, 'utf8');
  const bundleHasHashFiles = bundle.includes("parentPort.postMessage('ready')");

  const measurements: Measurement[] = [];
  for (const [name, dir, files] of [
    ['backend', backend, backendFiles],
    ['frontend', frontend, frontendFiles],
  ] as const) {
    measurements.push(
      {
        label: 'sign-plugin-action manifest',
        dist: name,
        hashesFiles: true,
        run: () => runChild('ours-manifest', dir),
        samples: [],
      },
      {
        label: '  of which the file walk (walk.ts)',
        dist: name,
        run: () => runChild('ours-walk', dir),
        samples: [],
      },
      {
        label: '@grafana/sign-plugin buildManifest',
        dist: name,
        hashesFiles: true,
        run: () => runChild('gsp-manifest', dir),
        samples: [],
      },
      {
        label: 'openssl dgst -sha256 (one process)',
        dist: name,
        hashesFiles: true,
        run: () => runOpenssl(dir, [...files]),
        samples: [],
      },
      { label: 'sign-plugin-action verify', dist: name, run: () => runChild('ours-verify', dir, keyFile), samples: [] },
    );
  }
  measurements.push({
    label: 'CLI cold start: verify --json',
    dist: 'small',
    run: () => timeCommand(process.execPath, [CLI_BUNDLE, 'verify', '--json', SMALL_PLUGIN], ROOT),
    samples: [],
  });

  let busySamples = 0;
  // At most 4 minutes of waiting in all, so that the bench ends within ~8 minutes even on a machine kept busy.
  let idleBudgetMs = 240_000;
  for (let round = 0; round <= ROUNDS; round++) {
    process.stderr.write(round === 0 ? 'warm-up round' : ` ${round}`);
    for (const m of measurements) {
      const waitStart = performance.now();
      if (!waitForIdle(Math.min(20_000, idleBudgetMs))) busySamples++;
      idleBudgetMs = Math.max(0, idleBudgetMs - (performance.now() - waitStart));
      const sample = m.run();
      if (round > 0) m.samples.push(sample);
    }
  }
  process.stderr.write('\n');

  const errors = measurements.flatMap((m) => m.samples.filter((s) => s.error).map((s) => `${m.label}: ${s.error}`));
  const stat = (m: Measurement) => {
    const ms = m.samples.map((s) => s.ms);
    const rss = m.samples.map((s) => s.rssMB).filter((r): r is number => r !== undefined);
    const cpu = m.samples.map((s) => s.cpuMs).filter((c): c is number => c !== undefined);
    return {
      median: median(ms),
      min: Math.min(...ms),
      max: Math.max(...ms),
      cpu: cpu.length ? median(cpu) : undefined,
      rss: rss.length ? Math.max(...rss) : undefined,
    };
  };
  const find = (dist: string, prefix: string) => {
    const m = measurements.find((x) => x.dist === dist && x.label.startsWith(prefix));
    if (!m) throw new Error(`no measurement ${dist} ${prefix}`);
    return stat(m);
  };

  // The table.
  const header = ['dist', 'what', 'median ms', 'min–max ms', 'CPU ms', 'peak RSS MB', '÷ sign-plugin', '÷ openssl'];
  const rows = measurements.map((m) => {
    const s = stat(m);
    const isManifest = m.hashesFiles === true;
    const vsGsp = isManifest ? s.median / find(m.dist, '@grafana').median : NaN;
    const vsOpenssl = isManifest ? s.median / find(m.dist, 'openssl').median : NaN;
    return [
      m.dist,
      m.label,
      fmtMs(s.median),
      `${fmtMs(s.min)}–${fmtMs(s.max)}`,
      s.cpu === undefined ? 'n/a' : fmtMs(s.cpu),
      fmtMB(s.rss),
      m.dist === 'small' ? '' : isManifest ? fmtRatio(vsGsp) : '',
      m.dist === 'small' ? '' : isManifest ? fmtRatio(vsOpenssl) : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  say();
  say(
    `${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ` +
      `Node ${process.version}, ${timeCommand('openssl', ['version'], ROOT).stdout.trim()}; median of ${ROUNDS}`,
  );
  say(line(header));
  say('|' + widths.map((w, i) => (i < 2 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|') + '|');
  for (const r of rows) say(line(r));

  // Digests must agree across the tools.
  const targets: { name: string; measured: string; pass: boolean }[] = [];
  for (const dist of ['backend', 'frontend']) {
    const prints = measurements
      .filter((m) => m.dist === dist)
      .filter((m) => m.label !== '  of which the file walk (walk.ts)')
      .flatMap((m) => m.samples.map((s) => `${m.label}=${s.fingerprint}`));
    const distinct = new Set(prints.map((p) => p.split('=')[1]));
    targets.push({
      name: `${dist}: every tool computes the same SHA-256 of every file`,
      measured: distinct.size === 1 ? `all ${prints.length} runs agree` : `disagree: ${[...distinct].join(', ')}`,
      pass: distinct.size === 1 && !distinct.has('undefined'),
    });
  }
  const ratio = (name: string, value: number, limit: number) =>
    targets.push({ name, measured: `${fmtRatio(value)} (≤ ${limit})`, pass: value <= limit });
  const be = find('backend', 'sign-plugin-action manifest');
  const fe = find('frontend', 'sign-plugin-action manifest');
  ratio('backend manifest ÷ @grafana/sign-plugin', be.median / find('backend', '@grafana').median, 0.6);
  ratio('backend manifest ÷ openssl dgst -sha256', be.median / find('backend', 'openssl').median, 1.2);
  ratio('frontend manifest ÷ @grafana/sign-plugin', fe.median / find('frontend', '@grafana').median, 1.0);
  const beVerify = find('backend', 'sign-plugin-action verify');
  const peak = Math.max(be.rss ?? NaN, beVerify.rss ?? NaN);
  targets.push({
    name: 'backend peak RSS (manifest and verify processes)',
    measured: `${fmtMB(peak)} MB (≤ 150)`,
    pass: peak <= 150,
  });
  ratio('backend verify ÷ manifest', beVerify.median / be.median, 1.3);
  ratio('frontend verify ÷ manifest', find('frontend', 'sign-plugin-action verify').median / fe.median, 1.3);
  const cold = find('small', 'CLI cold start');
  targets.push({
    name: `CLI cold start, verify --json of a small plugin (Node ${process.versions.node.split('.')[0]})`,
    measured: `${fmtMs(cold.median)} ms (≤ 400)`,
    pass: cold.median <= 400 && process.versions.node.startsWith('20.'),
  });
  const coldExit = measurements.find((m) => m.dist === 'small')?.samples.map((s) => s.exitCode);
  if (coldExit?.some((c) => c !== 0)) errors.push(`CLI verify --json exit codes: ${coldExit.join(', ')}`);

  say();
  for (const t of targets) say(`${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.measured}`);
  say(
    bundleHasHashFiles
      ? 'note: the cold start ran dist/cli/index.js as it is in the tree, which includes hashFiles (parallel hashing).'
      : 'note: the cold start ran dist/cli/index.js as it is in the tree, which predates hashFiles (parallel hashing);' +
          ' the lead rebuilds dist/.',
  );
  for (const dist of ['backend', 'frontend']) {
    const walk = find(dist, '  of which the file walk').median;
    const manifest = find(dist, 'sign-plugin-action manifest').median;
    say(
      `note: ${dist}: the file walk alone is ${fmtMs(walk)} of the manifest's ${fmtMs(manifest)} ms; ` +
        `hashing and the rest ${fmtMs(manifest - walk)} ms.`,
    );
  }
  if (busySamples > 0) {
    say(`note: ${busySamples} measurements started while other processes kept the CPUs busy (idle wait timed out).`);
  }
  for (const e of errors) say(`error: ${e}`);
  say(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return targets.every((t) => t.pass) && errors.length === 0 ? 0 : 1;
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], process.argv[5]);
} else {
  process.exitCode = await main();
}
