/**
 * Hostile entries in a plugin folder: links escaping it, link loops, broken links, FIFOs, sockets, devices, a tree
 * deeper than PATH_MAX, a 100 MB MANIFEST.txt, unreadable files. Each ends in a finding naming the entry (the plugin
 * is `invalid`, as Grafana refuses to load it) or a `PluginError` when signing; nothing outside the folder is opened
 * (links point at a FIFO no one writes to: opening it would hang the test), nothing hangs, memory stays bounded.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PluginError } from '../../src/errors.js';
import { buildManifest } from '../../src/manifest/build.js';
import { walkPluginFiles, type WalkProblem } from '../../src/manifest/walk.js';
import type { TrustedKeys } from '../../src/signature/keys.js';
import { verifyPlugin, type VerifyResult } from '../../src/verify/verify.js';
import { tempDir } from '../helpers/tmp.js';
import { makePlugin, makeSigner, type HostilePlugin } from './make-plugin.js';

/** A hang is a failure: every case must end well before this. */
const HANG_MS = 15_000;
const IS_ROOT = process.getuid?.() === 0;

let keys: TrustedKeys;
let sign: (dir: string) => Promise<Buffer>;
beforeAll(async () => {
  ({ keys, sign } = await makeSigner());
});

/** A signed, valid plugin (in `parent` when given); `plant` then adds the hostile entries. */
async function signedPlugin(
  plant: (p: HostilePlugin) => void | Promise<void>,
  parent?: string,
): Promise<HostilePlugin> {
  const p = makePlugin({}, parent);
  await sign(p.dir);
  expect((await verifyPlugin(p.dir, { keys })).status).toBe('valid');
  await plant(p);
  return p;
}

function expectNoStack(message: string) {
  expect(message).not.toMatch(/\n\s+at /);
}

/** The verdict is invalid, decided by the walk, with one finding per expected problem, each naming its entry. */
function expectUnsafe(result: VerifyResult, expected: [path: string, kind: WalkProblem['kind']][]) {
  expect(result.status).toBe('invalid');
  const unsafe = result.findings.filter((f) => f.kind === 'unsafe-entry');
  expect(unsafe.map((f) => f.path)).toEqual(expected.map(([p]) => p));
  for (const f of unsafe) {
    expect(f.message.startsWith(`${f.path}: `)).toBe(true);
    expectNoStack(f.message);
  }
  expect(result.findings.find((f) => f.status !== null && f.check === 0)).toBeDefined();
  expect(result.reason).toBe(unsafe[0].message);
}

/** Signing refuses the folder with a PluginError naming every entry. */
async function expectSignRefused(dir: string, names: string[]) {
  const attempt = buildManifest(dir);
  await expect(attempt).rejects.toThrow(PluginError);
  const message = await attempt.then(
    () => '',
    (e: Error) => e.message,
  );
  expect(message).toMatch(/^refusing to sign .*: Grafana would not load it:/);
  for (const name of names) expect(message).toContain(`\n  ${name}: `);
  expectNoStack(message);
}

interface Case {
  name: string;
  plant: (p: HostilePlugin) => void | Promise<void>;
  problems: [path: string, kind: WalkProblem['kind'], message: RegExp][];
}

const CASES: Case[] = [
  {
    name: 'a symlink to a file outside (absolute target)',
    plant: ({ dir, outside }) => symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'escape.js')),
    problems: [['escape.js', 'symlink-outside', /symlink resolves outside the plugin folder \(to .*secret\.txt\)/]],
  },
  {
    name: 'a symlink to a file outside (relative target)',
    plant: ({ dir }) => symlinkSync('../../outside/secret.txt', path.join(dir, 'img/escape.svg')),
    problems: [['img/escape.svg', 'symlink-outside', /symlink resolves outside the plugin folder/]],
  },
  {
    name: 'a symlink to a FIFO outside (opening it would hang)',
    plant: ({ dir, outside }) => symlinkSync(path.join(outside, 'fifo'), path.join(dir, 'pipe.js')),
    problems: [['pipe.js', 'symlink-outside', /outside the plugin folder/]],
  },
  {
    name: 'a symlink to a folder outside',
    plant: ({ dir, outside }) => symlinkSync(outside, path.join(dir, 'vendor')),
    problems: [['vendor', 'symlink-outside', /outside the plugin folder/]],
  },
  {
    name: 'a symlink to the parent folder',
    plant: ({ dir }) => symlinkSync('..', path.join(dir, 'up')),
    problems: [['up', 'symlink-outside', /outside the plugin folder/]],
  },
  {
    name: 'a symlink to /dev/zero (outside, endless if read)',
    plant: ({ dir }) => symlinkSync('/dev/zero', path.join(dir, 'zero.js')),
    problems: [['zero.js', 'symlink-outside', /outside the plugin folder \(to \/dev\/zero\)/]],
  },
  {
    name: 'a symlink loop a -> b, b -> a',
    plant: ({ dir }) => {
      symlinkSync('b', path.join(dir, 'a'));
      symlinkSync('a', path.join(dir, 'b'));
    },
    problems: [
      ['a', 'symlink-broken', /symlink does not resolve \(ELOOP: a symlink loop\)/],
      ['b', 'symlink-broken', /ELOOP/],
    ],
  },
  {
    name: 'a symlink to itself',
    plant: ({ dir }) => symlinkSync('self', path.join(dir, 'self')),
    problems: [['self', 'symlink-broken', /ELOOP: a symlink loop/]],
  },
  {
    name: 'a broken symlink',
    plant: ({ dir }) => symlinkSync('missing.js', path.join(dir, 'broken.js')),
    problems: [['broken.js', 'symlink-broken', /symlink does not resolve \(ENOENT\)/]],
  },
  {
    name: 'a FIFO',
    plant: ({ dir }) => execFileSync('mkfifo', [path.join(dir, 'img/pipe')]),
    problems: [['img/pipe', 'special-file', /not a regular file \(FIFO, socket or device\)/]],
  },
  {
    name: 'a symlink to a FIFO inside',
    plant: ({ dir }) => {
      execFileSync('mkfifo', [path.join(dir, 'pipe')]);
      symlinkSync('pipe', path.join(dir, 'to-pipe.js'));
    },
    problems: [
      ['pipe', 'special-file', /not a regular file/],
      ['to-pipe.js', 'special-file', /symlink to a special file/],
    ],
  },
  {
    name: 'MANIFEST.txt as a symlink to the FIFO outside',
    plant: ({ dir, outside }) => {
      rmSync(path.join(dir, 'MANIFEST.txt'));
      symlinkSync(path.join(outside, 'fifo'), path.join(dir, 'MANIFEST.txt'));
    },
    problems: [['MANIFEST.txt', 'symlink-outside', /outside the plugin folder/]],
  },
  {
    name: 'MANIFEST.txt as a FIFO',
    plant: ({ dir }) => {
      rmSync(path.join(dir, 'MANIFEST.txt'));
      execFileSync('mkfifo', [path.join(dir, 'MANIFEST.txt')]);
    },
    problems: [['MANIFEST.txt', 'special-file', /not a regular file/]],
  },
];

describe('hostile entries in the plugin folder', () => {
  for (const c of CASES) {
    it(
      `${c.name}: invalid, naming the entry; signing refused`,
      async () => {
        const { dir } = await signedPlugin(c.plant);
        const walk = await walkPluginFiles(dir);
        expect(walk.problems.map((p) => [p.path, p.kind])).toEqual(c.problems.map(([p, k]) => [p, k]));
        walk.problems.forEach((p, i) => expect(p.message).toMatch(c.problems[i][2]));
        expectUnsafe(
          await verifyPlugin(dir, { keys }),
          c.problems.map(([p, k]) => [p, k]),
        );
        await expectSignRefused(
          dir,
          c.problems.map(([p]) => p),
        );
      },
      HANG_MS,
    );
  }

  it('a symlink to a folder inside (even the root itself) is neither followed nor a problem', async () => {
    const { dir } = await signedPlugin(({ dir }) => {
      symlinkSync('.', path.join(dir, 'here'));
      symlinkSync('img', path.join(dir, 'pictures'));
    });
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('valid');
    expect(result.filesCount).toBe(3);
  });

  it(
    'a unix socket: invalid, never connected to',
    async () => {
      let connections = 0;
      const server = net.createServer(() => connections++);
      const { dir } = await signedPlugin(
        ({ dir }) =>
          new Promise<void>((resolve) => {
            server.listen(path.join(dir, 'img/socket'), resolve);
          }),
      );
      try {
        expectUnsafe(await verifyPlugin(dir, { keys }), [['img/socket', 'special-file']]);
        await expectSignRefused(dir, ['img/socket']);
        expect(connections).toBe(0);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    },
    HANG_MS,
  );

  it(
    'a character device (mknod c 1 5, like /dev/zero): invalid, never opened',
    async (ctx) => {
      const { dir } = await signedPlugin(() => {});
      try {
        execFileSync('mknod', [path.join(dir, 'zero'), 'c', '1', '5'], { stdio: 'pipe' });
      } catch (error) {
        const why = `SKIPPED character device case: mknod failed (${(error as Error).message.split('\n')[0]})`;
        console.warn(why);
        ctx.skip(why);
      }
      expectUnsafe(await verifyPlugin(dir, { keys }), [['zero', 'special-file']]);
      await expectSignRefused(dir, ['zero']);
    },
    HANG_MS,
  );

  it(
    'a folder tree 10,000 levels deep (paths beyond PATH_MAX): a path-too-long problem, no crash, no hang',
    async (ctx) => {
      // On tmpfs when there is one: removing 10,000 nested folders costs seconds of journal writes on ext4.
      const base = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/hostile-deep-') : tempDir('hostile-deep-');
      const { dir } = await signedPlugin(() => {}, base);
      const deep = path.join(dir, 'deep');
      mkdirSync(deep);
      try {
        // Relative mkdir/chdir steps: no single path handed to the kernel is long. perl is part of every Debian.
        execFileSync(
          'perl',
          [
            '-e',
            'chdir $ARGV[0] or die; for (1..10000) { mkdir "d" or die "$!"; chdir "d" or die "$!" } ' +
              'open(my $f, ">", "leaf.js") or die; print $f "x"; close $f',
            deep,
          ],
          { stdio: 'pipe' },
        );
      } catch (error) {
        const why = `SKIPPED deep tree case: perl could not build it (${(error as Error).message.split('\n')[0]})`;
        console.warn(why);
        ctx.skip(why);
      }
      try {
        const result = await verifyPlugin(dir, { keys });
        expect(result.status).toBe('invalid');
        const unsafe = result.findings.filter((f) => f.kind === 'unsafe-entry');
        expect(unsafe).toHaveLength(1);
        const where = unsafe[0].path!;
        expect(where).toMatch(/^deep(\/d)+$/);
        expect(unsafe[0].message).toMatch(/: path too long for the file system \(ENAMETOOLONG, \d+ levels deep\)/);
        expect(unsafe[0].message).toContain('Grafana cannot load the plugin either: flatten the folder tree');
        expect(result.reason).toBe(unsafe[0].message);
        await expectSignRefused(dir, [where]);
      } finally {
        // Node's rmSync recurses on full paths and fails past PATH_MAX; GNU rm walks with directory handles.
        execFileSync('rm', ['-rf', base]);
      }
    },
    HANG_MS,
  );

  it('a 100 MB MANIFEST.txt is refused unread: invalid, memory growth far below 100 MB', async () => {
    const { dir } = makePlugin();
    const manifest = path.join(dir, 'MANIFEST.txt');
    writeFileSync(manifest, '');
    truncateSync(manifest, 100 * 1024 * 1024); // sparse: no disk used, but reading it would cost 100 MB
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1);
    const walk = await walkPluginFiles(dir);
    const result = await verifyPlugin(dir, { keys });
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(walk.files.find((f) => f.path === 'MANIFEST.txt')?.size).toBe(100 * 1024 * 1024);
    expect(result.status).toBe('invalid');
    expect(result.reason).toBe('could not open MANIFEST.txt: 104857600 bytes is not a plugin manifest');
    expect(peak - before).toBeLessThan(30 * 1024 * 1024);
  });

  it('an unreadable file: named, never valid (skipped as root, whom permission bits do not stop)', async (ctx) => {
    if (IS_ROOT) {
      const why = 'SKIPPED unreadable-file case: running as root, permission bits do not stop reads';
      console.warn(why);
      ctx.skip(why);
    }
    const { dir } = await signedPlugin(({ dir }) => chmodSync(path.join(dir, 'module.js'), 0));
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).not.toBe('valid');
    expect(result.findings.some((f) => f.path === 'module.js' && /EACCES/.test(f.message))).toBe(true);
    await expect(buildManifest(dir)).rejects.toThrow(/module\.js: EACCES/);
  });

  it('an unreadable folder: named, never valid (skipped as root)', async (ctx) => {
    if (IS_ROOT) {
      const why = 'SKIPPED unreadable-folder case: running as root, permission bits do not stop reads';
      console.warn(why);
      ctx.skip(why);
    }
    const { dir } = await signedPlugin(({ dir }) => chmodSync(path.join(dir, 'img'), 0));
    try {
      expectUnsafe(await verifyPlugin(dir, { keys }), [['img', 'unreadable']]);
    } finally {
      chmodSync(path.join(dir, 'img'), 0o755);
    }
  });
});
