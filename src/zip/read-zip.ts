/**
 * Reading a plugin `.zip` (the format users install and the catalog distributes) the way Grafana's installer
 * reads it, checking its layout the way the installer and the catalog expect it (docs/verification.md#zip), and
 * verifying the files the installer would write exactly like a plugin folder.
 *
 * The layout is not part of Grafana's signature check: the installer renames the top-level folder to the plugin
 * id and does not check signatures; the server checks them when it loads the extracted folder. So the verdict of
 * a zip is the signature verdict of what the installer extracts (`extract.ts`, with entries and names as Go's
 * `archive/zip` reads them, `go-zip-reader.ts`), and layout problems are reported beside it.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PluginError } from '../errors.js';
import { decideStatus, finding, grafanaLogLine } from '../verify/findings.js';
import { verifyPlugin, type VerifyOptions, type VerifyResult } from '../verify/verify.js';
import { extractLikeGrafana } from './extract.js';
import {
  DEFAULT_ZIP_LIMITS,
  type OpenedPluginZip,
  type OpenPluginZipOptions,
  type ZipLayoutFinding,
} from './layout.js';

export type { OpenedPluginZip, OpenPluginZipOptions, ZipLayoutFinding } from './layout.js';

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Opens a plugin zip: lists its entries, checks their names and the layout Grafana's installer and the catalog
 * expect (docs/verification.md#zip), and extracts the safe entries to a new temporary folder (`fs.mkdtemp`) so that the
 * contents can be verified like a folder with `verifyPlugin(opened.pluginDir, …)`.
 *
 * Extraction follows Grafana's installer (`extract.ts`): every central directory entry Go's `archive/zip` lists
 * (whatever the end record's count), names as raw bytes (no CP437 decoding, no Unicode Path field), folders as
 * Go's `FileHeader.Mode()` decides them, the first path segment renamed to the plugin id when it matches
 * Grafana's `reGitBuild`, paths cleaned as Go cleans them; the installer's refusals and failures stop the
 * extraction at that entry, as they stop the installer. Layout rules: exactly one top-level folder, named after
 * plugin.json `id`; nothing at the zip root (the installer writes it outside the plugin); `/` separators (a `\`
 * stays in the file name, as on Linux); backend binaries with unix mode 0755.
 *
 * Safety: nothing is written outside the temporary folder, symlinks are never created, bytes are counted while
 * inflating against `maxEntryBytes` (default 512 MiB), `maxTotalBytes` (default 2 GiB) and `maxEntries` (default
 * 20,000). An entry the installer would extract into the plugin but that is not reproduced here (a symlink it
 * would create, a limit passed, bytes it would write only in part) is listed in `unreproduced`.
 *
 * A zip that cannot be read at all gives a `zip-unreadable` finding and an empty `pluginDir`, not an exception.
 *
 * @param zipPath the `.zip` file. @param opts limits and temp folder ({@link OpenPluginZipOptions}).
 * @returns the extracted plugin and the layout findings; call `cleanup()` when done.
 * @throws PluginError when `zipPath` does not exist or is not a file; the `fs` error when the temporary folder
 *   cannot be created or written (the temporary folder is removed first).
 */
export async function openPluginZip(zipPath: string, opts: OpenPluginZipOptions = {}): Promise<OpenedPluginZip> {
  const absZip = path.resolve(zipPath);
  let info;
  try {
    info = await stat(absZip);
  } catch (error) {
    throw new PluginError(`plugin zip ${zipPath} cannot be read: ${errorText(error)}`, { cause: error });
  }
  if (!info.isFile()) throw new PluginError(`plugin zip ${zipPath} is not a file`);

  const limits = {
    maxEntries: opts.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries,
    maxTotalBytes: opts.maxTotalBytes ?? DEFAULT_ZIP_LIMITS.maxTotalBytes,
    maxEntryBytes: opts.maxEntryBytes ?? DEFAULT_ZIP_LIMITS.maxEntryBytes,
  };
  const tempDir = await mkdtemp(path.join(opts.tempRoot ?? os.tmpdir(), 'plugin-zip-'));
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    return { zipPath: absZip, ...(await extractLikeGrafana(absZip, tempDir, limits)), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Verifies a plugin zip as Grafana would verify the plugin it installs from it: opens it ({@link openPluginZip}),
 * runs `verifyPlugin` on the extracted plugin, and removes the temporary folder whatever happens.
 *
 * The verdict is the signature verdict of the contents (Grafana's installer does not check signatures, the server does
 * when it loads the extracted folder, docs/verification.md#zip); layout problems are in `layout` and do not change
 * `status`, except that entries the installer would extract but that were not reproduced here add an `unsafe-entry`
 * finding (status `invalid`): such a zip never verifies `valid`. Finding paths are relative to the plugin root, as for
 * a folder; `pluginDir` is the zip's absolute path, and messages name the zip instead of the temporary folder.
 *
 * @param zipPath the `.zip` file. @param options as for `verifyPlugin`. @param zipOptions limits and temp folder.
 * @returns the verification plus the layout findings.
 * @throws PluginError when `zipPath` does not exist or is not a file.
 */
export async function verifyPluginZip(
  zipPath: string,
  options: VerifyOptions,
  zipOptions: OpenPluginZipOptions = {},
): Promise<VerifyResult & { layout: ZipLayoutFinding[] }> {
  const opened = await openPluginZip(zipPath, zipOptions);
  let result: VerifyResult;
  try {
    result = await verifyPlugin(opened.pluginDir, options);
  } finally {
    await opened.cleanup();
  }
  const shown = opened.topFolder ? `${opened.zipPath}:${opened.topFolder}` : opened.zipPath;
  const present = (text: string) => text.split(result.pluginDir).join(shown).split(opened.pluginDir).join(shown);
  let findings = result.findings.map((f) => ({ ...f, message: present(f.message) }));
  let { status, headline, reason } = result;
  headline = present(headline);
  reason = present(reason);
  if (opened.unreproduced.length > 0) {
    const list = opened.unreproduced.join(', ');
    findings = [
      finding(
        'unsafe-entry',
        `Grafana's installer would extract entries that were not reproduced here: ${list}; ` +
          'the files Grafana would load cannot be checked, so the zip cannot verify valid (see the zip layout problems)',
      ),
      ...findings,
    ];
    const decided = decideStatus(findings);
    status = decided.status;
    reason = decided.decisive?.message ?? reason;
    headline = grafanaLogLine(status, result.plugin.id || path.basename(opened.zipPath));
  }
  return {
    ...result,
    status,
    headline,
    reason,
    findings,
    pluginDir: opened.zipPath,
    layout: opened.layout,
  };
}
