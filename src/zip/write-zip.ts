/**
 * Writing the distributable plugin zip (docs/verification.md#zip): one top-level folder named after the plugin id, `/`
 * separators, backend binaries mode 0755, nothing at the root, `<id>-<version>.zip` with `.sha1` and `.md5`
 * beside it, byte-identical from one run to the next.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { PluginError } from '../errors.js';
import { MANIFEST_FILE } from '../manifest/build.js';
import { readPluginJson } from '../manifest/plugin-json.js';
import { walkPluginFiles } from '../manifest/walk.js';
import { decodeCleartext } from '../signature/cleartext.js';
import { parseManifestJson } from '../signature/manifest-json.js';
import { isBackendBinary, readBackendExecutables } from '../manifest/backend-binary.js';

/** The entries' time when MANIFEST.txt carries none: 1980-01-01 00:00:00, the first date a zip can hold. */
const FALLBACK_MTIME_MS = Date.UTC(1980, 0, 1);

/** What {@link packagePlugin} wrote. */
export interface PackagedPlugin {
  /** Absolute path of `<outDir>/<id>-<version>.zip`. */
  archive: string;
  /** SHA-1 of the zip, 40 lowercase hex characters. */
  sha1: string;
  /** MD5 of the zip, 32 lowercase hex characters. */
  md5: string;
  /** `<archive>.sha1`: the hex digest and a newline. */
  sha1Path: string;
  /** `<archive>.md5`: the hex digest and a newline. */
  md5Path: string;
  /** Entries in the zip: one per plugin file, MANIFEST.txt included (no directory entries are written). */
  entries: number;
}

/** A name that is safe as one path segment and one file-name part. */
function checkSegment(what: string, value: string): void {
  if (value === '' || value === '.' || value === '..' || /[/\\\u0000-\u001f\u007f]/.test(value)) {
    throw new PluginError(`cannot package the plugin: ${what} ${JSON.stringify(value)} is not usable as a file name`);
  }
}

/**
 * The signing time of MANIFEST.txt as the entries' time, so that the zip depends only on the signed content.
 * yazl writes DOS times from a Date's *local* fields; giving it the UTC wall-clock as local fields (and no
 * extended-timestamp field, `forceDosTimestamp`) makes the bytes the same in every time zone.
 */
function zipTime(manifestBytes: Buffer): Date {
  let ms = FALLBACK_MTIME_MS;
  const block = decodeCleartext(manifestBytes);
  if (block) {
    try {
      const time = parseManifestJson(block.plaintext).time;
      if (Number.isSafeInteger(time) && time > FALLBACK_MTIME_MS) ms = time;
    } catch {
      // keep the fallback: the zip must still be reproducible
    }
  }
  const utc = new Date(ms);
  return new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
}

/** The symlink-free absolute form of `target`, which may not exist yet (its nearest existing ancestor is resolved). */
async function resolveMissing(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const rest: string[] = [];
  for (let probe = absolute; ; probe = path.dirname(probe)) {
    try {
      return path.join(await realpath(probe), ...rest.reverse());
    } catch {
      if (path.dirname(probe) === probe) return absolute;
      rest.push(path.basename(probe));
    }
  }
}

/**
 * Refuses a target path where something other than a regular file is (a folder, a link, a FIFO), before anything is
 * written, naming the path. @throws PluginError.
 */
async function checkWritableTarget(target: string): Promise<void> {
  let stat;
  try {
    stat = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new PluginError(`cannot write ${target}: ${(error as Error).message}`, { cause: error });
  }
  if (!stat.isFile()) {
    const what = stat.isDirectory() ? 'a folder' : stat.isSymbolicLink() ? 'a symbolic link' : 'not a regular file';
    throw new PluginError(
      `cannot write ${target}: it is ${what}; remove or rename it and package again (nothing was written)`,
    );
  }
}

/** Passes bytes through, hashing them. */
class Digests extends Transform {
  readonly sha1 = createHash('sha1');
  readonly md5 = createHash('md5');
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sha1.update(chunk);
    this.md5.update(chunk);
    callback(null, chunk);
  }
}

/**
 * Packages a signed plugin folder as the zip users install and the catalog distributes (docs/verification.md#zip).
 *
 * Layout: every file `walkPluginFiles` lists (exactly the files Grafana considers, MANIFEST.txt included; a
 * symlink to a file is stored as a regular file with the target's bytes, under the link's path) as
 * `<id>/<path>`, `/` separators, in Go walk order, deflated, without directory entries. Backend binaries (a
 * plugin.json `executable` with a platform suffix, or `gpx_*`: the rule the zip check uses) get unix mode 0755,
 * every other file 0644. Every entry carries MANIFEST.txt's signing time (1980-01-01 when it has none) as a DOS
 * time, written the same in every time zone, so two runs on the same folder give the same bytes.
 *
 * Output: `<outDir>/<id>-<version>.zip` and, beside it, `.zip.sha1` and `.zip.md5` holding the lowercase hex
 * digest and a newline (what the catalog accepts). All three or none: each is written to a temporary file in
 * `outDir`, then all are renamed; a failure removes the temporary and renamed files. A target path where a folder,
 * link or other non-regular file is refuses the whole set before anything is written. `outDir` is created if needed.
 *
 * @param pluginDir the signed plugin folder (with plugin.json and MANIFEST.txt).
 * @param outDir where to write; must not be inside `pluginDir` (the zip would become an unsigned plugin file).
 * @param opts `pluginId` (must equal plugin.json `id`) and `version` (for the file name; default plugin.json
 *   `info.version`).
 * @returns the paths, digests and entry count.
 * @throws PluginError when plugin.json has no id/version (and none is given), `pluginId` differs from it, an id or
 *   version is not usable as a file name, the folder holds something Grafana refuses (a link outside the folder,
 *   a broken link, a special file), MANIFEST.txt is missing, `outDir` is inside `pluginDir`, a target is not a
 *   regular file, or a file cannot be read or written (naming it; temporary files are removed).
 */
export async function packagePlugin(
  pluginDir: string,
  outDir: string,
  opts: { pluginId?: string; version?: string } = {},
): Promise<PackagedPlugin> {
  const pluginJson = await readPluginJson(pluginDir);
  if (opts.pluginId !== undefined && pluginJson.id !== '' && opts.pluginId !== pluginJson.id) {
    throw new PluginError(
      `cannot package ${pluginDir} as ${opts.pluginId}: its plugin.json id is ${pluginJson.id}, and the zip's ` +
        'top-level folder must be named after it',
    );
  }
  const id = opts.pluginId ?? pluginJson.id;
  const version = opts.version ?? pluginJson.version;
  if (id === '' || version === '') {
    throw new PluginError(`cannot package ${pluginDir}: ${pluginJson.error ?? 'plugin.json has no id or version'}`);
  }
  checkSegment('plugin id', id);
  checkSegment('version', version);

  let walk;
  try {
    walk = await walkPluginFiles(pluginDir);
  } catch (error) {
    throw new PluginError(`cannot read plugin folder ${pluginDir}: ${(error as Error).message}`, { cause: error });
  }
  if (walk.problems.length > 0) {
    const lines = walk.problems.map((p) => `  ${p.path}: ${p.message}`);
    throw new PluginError(`refusing to package ${pluginDir}: Grafana would not load it:\n${lines.join('\n')}`);
  }
  const manifest = walk.files.find((f) => f.path === MANIFEST_FILE);
  if (!manifest) {
    throw new PluginError(`refusing to package ${pluginDir}: it has no ${MANIFEST_FILE}; sign the plugin first`);
  }

  // Checked before anything is created: the plugin folder must not change.
  const fromRoot = path.relative(walk.root, await resolveMissing(outDir));
  if (fromRoot === '' || (!fromRoot.startsWith(`..${path.sep}`) && fromRoot !== '..' && !path.isAbsolute(fromRoot))) {
    throw new PluginError(
      `refusing to write the zip into ${outDir}: it is inside the plugin folder ${pluginDir}, where it would be ` +
        'a file the signature does not cover',
    );
  }
  await mkdir(outDir, { recursive: true });
  const out = await realpath(outDir);

  const mtime = zipTime(await readFile(manifest.absolutePath));
  const executables = await readBackendExecutables(
    walk.root,
    walk.files.map((f) => f.path),
  );
  const zip = new yazl.ZipFile();
  for (const file of walk.files) {
    zip.addFile(file.absolutePath, `${id}/${file.path}`, {
      mtime,
      mode: isBackendBinary(file.path, executables) ? 0o100755 : 0o100644,
      compress: true,
      forceDosTimestamp: true,
    });
  }
  zip.end();

  const archive = path.join(out, `${id}-${version}.zip`);
  const sha1Path = `${archive}.sha1`;
  const md5Path = `${archive}.md5`;
  // The set is written all or nothing: every target is checked, all three are written to temporary files beside
  // them, then renamed (digests first, the zip last); on any failure the temporary and renamed files are removed.
  for (const target of [archive, sha1Path, md5Path]) await checkWritableTarget(target);
  const tag = randomBytes(6).toString('hex');
  const tempOf = (target: string) => path.join(out, `.${path.basename(target)}.${tag}.tmp`);
  const temps = [tempOf(archive), tempOf(sha1Path), tempOf(md5Path)];
  const renamed: string[] = [];
  const digests = new Digests();
  const output = zip.outputStream as NodeJS.ReadableStream & { destroy(error?: Error): void };
  // yazl reports read errors (a file changed size, vanished…) on the ZipFile, not on its output stream.
  zip.on('error', (error: Error) => output.destroy(error));
  let sha1 = '';
  let md5 = '';
  let step = archive;
  try {
    await pipeline(output, digests, createWriteStream(temps[0], { flags: 'wx', mode: 0o644, flush: true }));
    sha1 = digests.sha1.digest('hex');
    md5 = digests.md5.digest('hex');
    step = sha1Path;
    await writeFile(temps[1], `${sha1}\n`, { flag: 'wx', mode: 0o644, flush: true });
    step = md5Path;
    await writeFile(temps[2], `${md5}\n`, { flag: 'wx', mode: 0o644, flush: true });
    for (const [temp, target] of [
      [temps[1], sha1Path],
      [temps[2], md5Path],
      [temps[0], archive],
    ] as const) {
      step = target;
      await rename(temp, target);
      renamed.push(target);
    }
  } catch (error) {
    await Promise.all([...temps, ...renamed].map((f) => rm(f, { force: true })));
    if (error instanceof PluginError) throw error;
    throw new PluginError(
      `cannot write ${step}: ${(error as Error).message}; nothing of ${path.basename(archive)} (.zip, .sha1, .md5) ` +
        'was written',
      { cause: error },
    );
  }
  return { archive, sha1, md5, sha1Path, md5Path, entries: walk.files.length };
}
