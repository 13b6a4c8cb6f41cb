/**
 * Hostile repositories against the boundary, through the bundled action (`dist/index.js`) and CLI
 * (`dist/cli/index.js`) as a runner runs them: values from plugin.json, folder names, an untrusted MANIFEST.txt,
 * inputs and zip entry names cannot start a workflow command or Markdown in the summary; the token never leaves,
 * even inside a signed answer; key inputs that are devices or FIFOs are refused at once; `results` stays under
 * GitHub's output limit; `package` writes its three files or none.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { buildManifest } from '../../src/manifest/build.js';
import { startsCommand } from '../../src/text/escape.js';
import { PROJECT_ROOT, runAction, runCli, type ActionRun } from '../helpers/run-action.js';
import { tempDir } from '../helpers/tmp.js';
import {
  clearsignLikeGrafanaCom,
  DEMO_TOKEN,
  generateSigningKey,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';

let grafanaCom: LoopbackGrafanaCom;
beforeAll(async () => {
  grafanaCom = await startLoopbackGrafanaCom();
});
afterAll(() => grafanaCom?.close());

const EXAMPLE = path.join(PROJECT_ROOT, 'examples/plugin/dist');
const pluginJson = (id: string, version = '1.0.0') => JSON.stringify({ type: 'panel', id, info: { version } });

/** The lines of `stdout` the runner would run as a command carrying one of the attack markers. */
function injected(stdout: string): string[] {
  return stdout
    .split(/\r\n|\r|\n/)
    .filter((line) => /^[\s\u0085]*::[^:]*::\s*INJECTED/.test(line) || /##\[[a-z-]+[^\]]*\]INJECTED/.test(line));
}

/**
 * Every place the action writes to: its log (but `::add-mask::`, the line that tells the runner the secret), every
 * output, the summary.
 */
const everything = (run: ActionRun) =>
  [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, run.summary, ...Object.values(run.outputs)].join('\n');

/** A zip with the example plugin under `myorg-demo-panel/` and `extra` entries (names as given, UTF-8 flag set). */
async function zipWith(file: string, extra: string[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const name of readdirSync(EXAMPLE, { recursive: true, encoding: 'utf8' }).sort()) {
    const abs = path.join(EXAMPLE, name);
    if (statSync(abs).isFile()) zip.addBuffer(readFileSync(abs), `myorg-demo-panel/${name.split(path.sep).join('/')}`);
  }
  for (const name of extra) zip.addBuffer(Buffer.from('x'), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(file, Buffer.concat(chunks));
}

describe('no workflow command and no Markdown from the repository', () => {
  it('plugin.json id/version, a folder name, an untrusted MANIFEST.txt and zip entry names', async () => {
    const ws = tempDir('boundary-inject-');
    const plugins = path.join(ws, 'plugins');
    // A folder name with a newline, matched by the dist glob.
    const folder = path.join(plugins, 'a\n::warning::INJECTED-folder');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'plugin.json'), pluginJson('myorg-a-panel'));
    // plugin.json id and version with line breaks.
    const b = path.join(plugins, 'b');
    mkdirSync(b);
    writeFileSync(
      path.join(b, 'plugin.json'),
      pluginJson('x\n::warning::INJECTED-id', '1\r::notice::INJECTED-version'),
    );
    // MANIFEST.txt signed by a key nobody trusts, with hostile rootUrls, signatureType and plugin.
    const c = path.join(plugins, 'c');
    cpSync(EXAMPLE, c, { recursive: true });
    const built = await buildManifest(c);
    const untrusted = await generateSigningKey({ date: new Date(Date.now() - 86_400_000) });
    const manifest = {
      manifestVersion: '2.0.0',
      signatureType: 'private\r\n::warning::INJECTED-type',
      signedByOrg: 'myorg',
      signedByOrgName: 'My Org\n::error::INJECTED-org',
      rootUrls: [
        '::warning::INJECTED-root',
        'https://a.example/\n::error::INJECTED-root2',
        '##[warning]INJECTED-legacy',
      ],
      plugin: 'x\n::warning::INJECTED-plugin',
      version: built.version,
      time: Date.now() - 60_000,
      keyId: untrusted.keyId,
      files: built.files,
    };
    writeFileSync(
      path.join(c, 'MANIFEST.txt'),
      await clearsignLikeGrafanaCom(JSON.stringify(manifest, null, 2), untrusted.privateKeyArmored),
    );
    // Zip entry names (UTF-8 flag) with raw newlines: a blank line, then Markdown.
    const markdown = '\n\n![INJECTED-image](https://evil.example/x.png)\n\n[INJECTED-link](https://evil.example/)\n';
    await zipWith(path.join(plugins, 'd.zip'), [
      `evil${markdown}.js`,
      `myorg-demo-panel/inside${markdown}.js`,
      `other${markdown}/a.js`,
      `myorg-demo-panel/gpx_x${markdown}`,
    ]);

    const run = await runAction({
      workspace: ws,
      inputs: { mode: 'verify', dist: 'plugins/*', 'app-urls': 'https://grafana.example.com/' },
    });
    expect(run.code).toBe(1);
    expect(injected(run.stdout)).toEqual([]);
    expect(
      startsCommand(run.stdout.replace(/^::(error|warning|notice|debug|group|endgroup|add-mask)\b.*$/gm, '')),
    ).toBe(false);
    // The values are still reported, on one line.
    for (const marker of ['INJECTED-folder', 'INJECTED-id', 'INJECTED-plugin']) expect(run.stdout).toContain(marker);
    const results = JSON.parse(run.outputs.results) as { path: string }[];
    expect(results).toHaveLength(4);

    // The summary: the zip layout list is one line, so no blank line ends its HTML block.
    expect(run.summary).toMatch(
      /<p><strong>Zip layout problems \(\d+\)<\/strong><\/p>\n<ul>[^\n]*INJECTED[^\n]*<\/ul>/,
    );
    expect(run.summary).not.toMatch(/\n\s*\n!\[INJECTED|\n\s*\n\[INJECTED/);
    for (const line of run.summary.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^\s*(!\[|\[)INJECTED/);
  }, 120_000);

  it('grafana-com-url with a newline', async () => {
    const ws = tempDir('boundary-url-');
    cpSync(EXAMPLE, path.join(ws, 'dist'), { recursive: true });
    const run = await runAction({
      workspace: ws,
      inputs: {
        dist: 'dist',
        'access-policy-token': DEMO_TOKEN,
        'grafana-com-url': `${grafanaCom.url}\n::warning::INJECTED-url\n##[add-mask]INJECTED-legacy`,
        'fetch-keys': 'false',
        retries: '0',
        'upload-artifact': 'false',
      },
    });
    expect(injected(run.stdout)).toEqual([]);
    expect(run.stdout).toContain('INJECTED-url');
  }, 60_000);
});

describe('the token never leaves, even inside a signed answer', () => {
  it('a signed manifest carrying the token: not in the log, annotations, outputs, summary, results-file or CLI stderr', async () => {
    const ws = tempDir('boundary-token-');
    const dist = path.join(ws, 'dist');
    cpSync(EXAMPLE, dist, { recursive: true });
    const built = await buildManifest(dist);
    const answer = await clearsignLikeGrafanaCom(
      JSON.stringify({
        manifestVersion: '2.0.0',
        signatureType: 'community',
        signedByOrg: 'myorg',
        signedByOrgName: `My Org ${DEMO_TOKEN}`,
        plugin: `myorg-other-panel-${DEMO_TOKEN}`,
        version: `${built.version}-${DEMO_TOKEN}`,
        rootUrls: [`https://grafana.example.com/${DEMO_TOKEN}/`],
        time: Date.now() - 1000,
        keyId: grafanaCom.keyId,
        files: built.files,
      }),
      grafanaCom.privateKeyArmored,
    );
    grafanaCom.script({ status: 200, body: answer, headers: { 'Content-Type': 'text/plain' } });
    const run = await runAction({
      workspace: ws,
      inputs: {
        dist: 'dist',
        'access-policy-token': DEMO_TOKEN,
        'grafana-com-url': grafanaCom.url,
        'public-keys': grafanaCom.publicKeyArmored,
        'fetch-keys': 'false',
        'upload-artifact': 'false',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*\*\*\*/);
    expect(everything(run)).not.toContain(DEMO_TOKEN);
    expect(readFileSync(run.outputs['results-file'], 'utf8')).not.toContain(DEMO_TOKEN);

    grafanaCom.script({ status: 200, body: answer, headers: { 'Content-Type': 'text/plain' } });
    const keyFile = path.join(ws, 'loopback.asc');
    writeFileSync(keyFile, grafanaCom.publicKeyArmored);
    const cli = await runCli(['sign', '--dist', dist, '--grafana-com-url', grafanaCom.url, '--public-key', keyFile], {
      env: { GRAFANA_ACCESS_POLICY_TOKEN: DEMO_TOKEN },
    });
    grafanaCom.clearScript();
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^error: [\s\S]*\*\*\*/m);
    expect(cli.stdout + cli.stderr).not.toContain(DEMO_TOKEN);
  }, 60_000);
});

describe('key inputs: only regular files, at most 1 MiB, refused without blocking', () => {
  const ws = tempDir('boundary-keys-');
  const fifo = path.join(ws, 'fifo');
  const big = path.join(ws, 'big.asc');
  const linkToFifo = path.join(ws, 'link-to-fifo');
  const linkToZero = path.join(ws, 'link-to-zero');
  beforeAll(() => {
    cpSync(EXAMPLE, path.join(ws, 'dist'), { recursive: true });
    execFileSync('mkfifo', [fifo]);
    symlinkSync(fifo, linkToFifo);
    symlinkSync('/dev/zero', linkToZero);
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 'a'));
  });
  const cases: [string, () => string, RegExp][] = [
    ['/dev/zero', () => '/dev/zero', /"\/dev\/zero": it is a character device, not a regular file/],
    ['/dev/urandom', () => '/dev/urandom', /"\/dev\/urandom": it is a character device, not a regular file/],
    ['a FIFO', () => fifo, /fifo": it is a FIFO \(named pipe\), not a regular file/],
    ['a link to a FIFO', () => linkToFifo, /link-to-fifo": it is a FIFO \(named pipe\), not a regular file/],
    ['a link to /dev/zero', () => linkToZero, /link-to-zero": it is a character device, not a regular file/],
    [
      'a 2 MiB file',
      () => big,
      /big\.asc": it has 2097152 bytes, more than the 1048576 allowed; a key file holds at most 1 MiB/,
    ],
  ];

  it.each(cases)(
    'the action: public-keys %s',
    async (_name, file, message) => {
      const run = await runAction({
        workspace: ws,
        inputs: { mode: 'verify', dist: 'dist', 'public-keys': file() },
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(new RegExp(`::error::public-keys input #1: .*${message.source}`));
      expect(run.stdout).not.toContain('unexpected error');
    },
    30_000,
  );

  it.each(cases)(
    'the CLI: --public-key %s',
    async (_name, file, message) => {
      const run = await runCli(['verify', '--public-key', file(), path.join(ws, 'dist')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^error: --public-key input #1: .*${message.source}`, 'm'));
    },
    30_000,
  );
});

describe('results stays under GitHub’s output limit', () => {
  it('2,000 plugins: results ≤ 900 KiB, ends in a note, results-file holds all 2,000', async () => {
    const ws = tempDir('boundary-results-');
    for (let i = 0; i < 2000; i++) {
      const dir = path.join(ws, 'plugins', `p${String(i).padStart(4, '0')}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'plugin.json'), pluginJson(`myorg-p${i}-panel`));
    }
    const run = await runAction({
      workspace: ws,
      inputs: { mode: 'verify', dist: 'plugins/*', 'show-summary': 'false' },
    });
    expect(run.code).toBe(1);
    expect(Buffer.byteLength(run.outputs.results, 'utf8')).toBeLessThanOrEqual(900 * 1024);
    const shown = JSON.parse(run.outputs.results) as Record<string, unknown>[];
    const note = shown.at(-1)!;
    expect(note).toMatchObject({ truncated: true, total: 2000, resultsFile: run.outputs['results-file'] });
    expect(note.omitted).toBe(2000 - (shown.length - 1));
    expect(shown.length - 1).toBeGreaterThan(100);
    const full = JSON.parse(readFileSync(run.outputs['results-file'], 'utf8')) as { path: string; status: string }[];
    expect(full).toHaveLength(2000);
    expect(full.every((r) => r.status === 'unsigned')).toBe(true);
    // Under RUNNER_TEMP (run-action.ts points it at its runner-files-* folder).
    expect(path.basename(path.dirname(run.outputs['results-file']))).toMatch(/^runner-files-/);
  }, 300_000);
});

describe('package writes .zip, .sha1 and .md5 or none', () => {
  it.each(['.zip', '.zip.md5', '.zip.sha1'])(
    'a folder where %s should go: a clear error naming it, none of the three written',
    async (suffix) => {
      const ws = tempDir('boundary-package-');
      cpSync(EXAMPLE, path.join(ws, 'dist'), { recursive: true });
      const base = path.join(ws, 'myorg-demo-panel-1.0.0');
      mkdirSync(`${base}${suffix}`);
      const run = await runAction({
        workspace: ws,
        inputs: {
          dist: 'dist',
          'access-policy-token': DEMO_TOKEN,
          'grafana-com-url': grafanaCom.url,
          'public-keys': grafanaCom.publicKeyArmored,
          package: 'true',
          'upload-artifact': 'false',
        },
      });
      expect(run.code).toBe(1);
      expect(run.stdout).not.toContain('unexpected error');
      expect(run.stdout).toContain(`::error::cannot write ${base}${suffix}: it is a folder`);
      const left = readdirSync(ws).filter((f) => f !== 'dist' && f !== path.basename(`${base}${suffix}`));
      expect(left).toEqual([]);
    },
    60_000,
  );
});

describe('annotations within GitHub’s cap over the whole step', () => {
  it('two plugins with 12 modified files each: at most 10 errors, the last one the failure message', async () => {
    const ws = tempDir('boundary-annotations-');
    for (const name of ['one', 'two']) cpSync(EXAMPLE, path.join(ws, 'plugins', name), { recursive: true });
    const files = Array.from({ length: 12 }, (_, i) => `chunk-${String(i).padStart(2, '0')}.js`);
    for (const name of ['one', 'two'])
      for (const f of files) writeFileSync(path.join(ws, 'plugins', name, f), `// ${f}\n`);
    const signed = await runAction({
      workspace: ws,
      inputs: {
        dist: 'plugins/*',
        'access-policy-token': DEMO_TOKEN,
        'grafana-com-url': grafanaCom.url,
        'public-keys': grafanaCom.publicKeyArmored,
        'upload-artifact': 'false',
      },
    });
    expect(signed.code).toBe(0);
    for (const name of ['one', 'two'])
      for (const f of files) writeFileSync(path.join(ws, 'plugins', name, f), '// tampered\n');
    const run = await runAction({
      workspace: ws,
      inputs: { mode: 'verify', dist: 'plugins/*', 'public-keys': grafanaCom.publicKeyArmored },
    });
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(10);
    expect(errors.filter((l) => l.includes(',file=plugins/one/chunk-'))).toHaveLength(8);
    // Held: plugin one's own roll-up, and plugin two's 8 file errors and roll-up.
    expect(errors[8]).toBe('::error::… and 10 more errors, see the log and the job summary');
    expect(errors[9]).toMatch(/^::error::plugins\/one: plugin 'myorg-demo-panel' has an modified signature%0A/);
    // Nothing is lost: the held annotations are plain log lines, and the failure lists all 24 files.
    expect(run.stdout).toContain(
      'Error (Modified signature: chunk-00.js): Plugin file checksum does not match signature checksum: chunk-00.js',
    );
    for (const f of files)
      expect(errors[9]).toContain(`plugins/two: Plugin file checksum does not match signature checksum: ${f}`);
  }, 120_000);
});
