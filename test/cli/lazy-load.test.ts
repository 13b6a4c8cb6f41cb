/**
 * Load on demand (issue 12): the bundled CLI loads a command's dependencies only when that command needs them.
 * Each run records, through a module-customization hook (test/helpers/record-loads.mjs), which files of dist/cli
 * the process loaded; each chunk is then classified by text only its library contains.
 *
 * Also: a copy of dist/ alone (no node_modules anywhere above it) runs `--help`, `manifest` and `verify`, so the
 * chunks ncc splits off are all there and nothing is resolved from node_modules at run time; and the two build steps
 * that cut what a chunk costs to load (scripts/build.mjs) are in the committed bundles.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { packagePlugin } from '../../src/zip/write-zip.js';
import { CLI_BUNDLE, PROJECT_ROOT } from '../helpers/run-action.js';
import { SHARED_PLUGINS, describeShared } from '../helpers/shared.js';
import { tempDir } from '../helpers/tmp.js';

const RECORD_LOADS = path.join(PROJECT_ROOT, 'test/helpers/record-loads.mjs');
const PRIVATE_LOCALHOST = path.join(SHARED_PLUGINS, 'private-localhost');
const CLI_DIR = path.dirname(CLI_BUNDLE);

/** Text that appears only in the named library's code, so a chunk holding it holds that library. */
const MARKERS = {
  openpgp: 'versionString',
  yauzl: 'function dosDateTimeToDate',
  'http-client': 'class HttpClient',
  'glob port': 'function compileGlob',
} as const;
type Library = keyof typeof MARKERS;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(bundle: string, args: string[], extraNodeArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const child = spawn(process.execPath, [...extraNodeArgs, bundle, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the bundled CLI and returns the dist/cli files it loaded (base names) and the libraries they hold. */
async function loads(args: string[]): Promise<Run & { files: string[]; libraries: Library[] }> {
  const log = path.join(tempDir('lazy-load-'), 'loads.log');
  const result = await run(CLI_BUNDLE, args, ['--import', RECORD_LOADS], { RECORD_LOADS_FILE: log });
  const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  const files = [...new Set(urls.map((u) => fileURLToPath(u)))]
    .filter((f) => path.dirname(f) === CLI_DIR)
    .map((f) => path.basename(f))
    .sort();
  const libraries = (Object.keys(MARKERS) as Library[]).filter((lib) =>
    files.some((f) => readFileSync(path.join(CLI_DIR, f), 'utf8').includes(MARKERS[lib])),
  );
  return { ...result, files, libraries };
}

beforeAll(() => {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run build`);
});

describe('the bundled CLI loads only what a command needs', () => {
  it('each library the markers name is in exactly one chunk beside index.js, not in index.js', () => {
    for (const [lib, marker] of Object.entries(MARKERS)) {
      const holders = ['index.js', ...chunkFiles()].filter((f) =>
        readFileSync(path.join(CLI_DIR, f), 'utf8').includes(marker),
      );
      expect(holders, lib).toHaveLength(1);
      expect(holders[0], lib).toMatch(/^\d+\.index\.js$/);
    }
  });

  it('--help loads index.js alone', async () => {
    const help = await loads(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: verify');
    expect(help.files).toEqual(['index.js']);
  });

  it('a usage error loads index.js alone', async () => {
    const bad = await loads(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown command "frobnicate"');
    expect(bad.files).toEqual(['index.js']);
  });

  describeShared('on the shared fixtures', () => {
    it('manifest loads neither openpgp, the zip library, the HTTP client nor the glob port', async () => {
      const manifest = await loads(['manifest', PRIVATE_LOCALHOST]);
      expect(manifest.code).toBe(0);
      expect(JSON.parse(manifest.stdout)).toMatchObject({ plugin: 'test', version: '1.0.0' });
      expect(manifest.files.length).toBeGreaterThan(1);
      expect(manifest.libraries).toEqual([]);
    });

    it('verify of a signed folder loads openpgp, and not the zip library, the HTTP client or the glob port', async () => {
      const verify = await loads(['verify', '--json', PRIVATE_LOCALHOST]);
      expect(verify.code).toBe(0);
      expect(JSON.parse(verify.stdout)).toMatchObject({ status: 'valid' });
      expect(verify.libraries).toEqual(['openpgp']);
    });

    it('verify of a zip loads the zip library too', async () => {
      const work = tempDir('lazy-load-zip-');
      const { archive } = await packagePlugin(path.join(SHARED_PLUGINS, 'nested'), work);
      const verify = await loads(['verify', '--json', archive]);
      expect(verify.code).toBe(0);
      expect(JSON.parse(verify.stdout)).toMatchObject({ status: 'valid', layout: [] });
      expect(verify.libraries).toEqual(['openpgp', 'yauzl']);
    });
  });
});

describe('the action bundle', () => {
  it('keeps openpgp, the zip library and the glob port out of dist/index.js, in chunks beside it', () => {
    const actionDir = path.dirname(CLI_DIR);
    const index = readFileSync(path.join(actionDir, 'index.js'), 'utf8');
    const chunks = readdirSync(actionDir).filter((f) => /^\d+\.index\.js$/.test(f));
    // The HTTP client stays in index.js: @actions/core imports it at start-up.
    for (const lib of ['openpgp', 'yauzl', 'glob port'] as const) {
      expect(index.includes(MARKERS[lib]), lib).toBe(false);
      expect(
        chunks.some((f) => readFileSync(path.join(actionDir, f), 'utf8').includes(MARKERS[lib])),
        lib,
      ).toBe(true);
    }
  });
});

describe('dist/ alone runs', () => {
  it('a copy of dist/ with no node_modules around it runs --help, manifest and verify', async () => {
    const copy = path.join(tempDir('lazy-load-dist-'), 'dist');
    cpSync(path.dirname(CLI_DIR), copy, { recursive: true });
    const bundle = path.join(copy, 'cli/index.js');
    // Nothing above the copy may provide node_modules, or a missing chunk could be papered over.
    for (let dir = path.dirname(copy); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      expect(existsSync(path.join(dir, 'node_modules')), dir).toBe(false);
    }
    try {
      const help = await run(bundle, ['--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('usage: manifest DIR');
      if (!existsSync(PRIVATE_LOCALHOST)) return;
      const manifest = await run(bundle, ['manifest', PRIVATE_LOCALHOST]);
      expect(manifest.code, manifest.stderr).toBe(0);
      expect(JSON.parse(manifest.stdout)).toMatchObject({ plugin: 'test' });
      const verify = await run(bundle, ['verify', '--json', PRIVATE_LOCALHOST]);
      expect(verify.code, verify.stderr).toBe(0);
      expect(JSON.parse(verify.stdout)).toMatchObject({ status: 'valid' });
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('what a loaded chunk costs (scripts/build.mjs)', () => {
  const bundles = [path.dirname(CLI_DIR), CLI_DIR];

  it("openpgp is bundled from the package's minified Node build, in both bundles", () => {
    for (const dir of bundles) {
      const holders = readdirSync(dir).filter(
        (f) => f.endsWith('.js') && readFileSync(path.join(dir, f), 'utf8').includes(MARKERS.openpgp),
      );
      expect(holders, dir).toHaveLength(1);
      expect(readFileSync(path.join(dir, holders[0]), 'utf8'), dir).toContain('sourceMappingURL=openpgp.min.mjs.map');
    }
  });

  it("every ES module's wrapper is a parenthesized function (compiled with its chunk), none an arrow", () => {
    const arrow = /^\/\*{3}\/ \(\((?:__unused_webpack_)?__webpack_module__, /m;
    let functions = 0;
    for (const dir of bundles) {
      for (const f of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
        const source = readFileSync(path.join(dir, f), 'utf8');
        expect(arrow.test(source), path.join(dir, f)).toBe(false);
        functions += source.match(/^\/\*{3}\/ \(function \(/gm)?.length ?? 0;
      }
    }
    expect(functions).toBeGreaterThan(0);
  });
});

/** The chunks ncc split off beside dist/cli/index.js. */
function chunkFiles(): string[] {
  return readdirSync(CLI_DIR).filter((f) => /^\d+\.index\.js$/.test(f));
}
