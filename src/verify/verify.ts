/**
 * Verifying a plugin folder like Grafana does, verdict for verdict (docs/verification.md#order), and saying why.
 *
 * Grafana stops at the first failing check; this runs every check it can so that the report names every
 * modified, missing and uncovered file, then takes the verdict from the first failing check, as Grafana does.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { readToFill } from '../fs/read-bounded.js';
import path from 'node:path';
import { PluginError } from '../errors.js';
import { MANIFEST_FILE, NON_UTF8_REASON } from '../manifest/build.js';
import { hashFiles, type HashOutcome } from '../manifest/hash.js';
import { readPluginJson, type PluginJsonInfo } from '../manifest/plugin-json.js';
import type { SignedManifest } from '../manifest/types.js';
import { walkPluginFiles, type PluginFile } from '../manifest/walk.js';
import type { TrustedKeys, KeySource } from '../signature/keys.js';
import { isV2 } from '../signature/manifest-json.js';
import { readPluginManifest } from '../signature/read-manifest.js';
import { decideStatus, finding, grafanaLogLine, type Finding, type SignatureStatus } from './findings.js';
import { bracketHostNote, hashHeaderNote, manifestVersionNote } from './grafana-build.js';
import { normalizeAppUrl, urlMatch, type RootUrlAttempt } from './root-url.js';

/** Grafana's default `[server] root_url`. */
const DEFAULT_APP_URL = 'http://localhost:3000/';

/** MANIFEST.txt larger than this is not read (real ones are a few KiB; 1 MiB holds ~10,000 files). */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface VerifyOptions {
  /** Keys Grafana would trust, looked up by the manifest's exact `keyId`. */
  keys: TrustedKeys;
  /**
   * Grafana app URLs (`[server] root_url`) the plugin must load on; each gets "/" appended when missing.
   * `undefined`: Grafana's default `http://localhost:3000/`. `null` or `[]`: check 11 is not run and
   * a `root-url-unchecked` note lists the manifest's root URLs instead.
   */
  appUrls?: readonly string[] | null;
  /** Verify these bytes as the plugin's MANIFEST.txt instead of the file on disk (used before writing one). */
  manifestBytes?: Uint8Array;
  /** Clock for the signature's creation-time check; default now. */
  now?: Date;
}

/** Root-URL check against one app URL (Grafana `urlMatch`). */
export interface RootUrlCheck {
  appUrl: string;
  matched: boolean;
  attempts: RootUrlAttempt[];
  error?: string;
}

export interface VerifyResult {
  status: SignatureStatus;
  /** Grafana's log sentence, e.g. `plugin 'x' has an modified signature`. */
  headline: string;
  /** The message of the check that decided the status; "" when valid. */
  reason: string;
  /** Absolute plugin folder. */
  pluginDir: string;
  /** plugin.json `id`, `info.version`, `type` ("" when unreadable). */
  plugin: { id: string; version: string; type: string };
  /** The decoded manifest, when MANIFEST.txt decoded and its JSON parsed (even if the signature failed). */
  manifest?: SignedManifest;
  /** The key that verified the signature. */
  key?: { keyId: string; source: KeySource; label: string };
  /** Signature creation time, ISO 8601 UTC, when the signature verified. */
  signedAt?: string;
  /** Every reason found, check order. */
  findings: Finding[];
  /** One entry per app URL checked (empty when none was). */
  rootUrlChecks: RootUrlCheck[];
  /** Files in the folder, the top-level MANIFEST.txt excluded. */
  filesCount: number;
}

/**
 * Grafana `util.CleanRelativePath`: how Grafana's development-mode file system turns a manifest key into a file to
 * open. Production Grafana (what {@link verifyPlugin} reproduces) looks keys up exactly in its static file list, so
 * this is not used for the verdict; it is kept for tools that reason about dev mode. `../x` becomes `x`,
 * `./a` becomes `a`, `/etc/passwd` becomes `etc/passwd`, `a//b/./c` becomes `a/b/c`; the result can never leave
 * the plugin folder (Grafana `pkg/util`: `filepath.Rel("/", filepath.Clean(filepath.Join("/", path)))`; here
 * `path.posix.join('/', key)` without its trailing `/`, as Go's `Clean` drops it, then without the leading `/`).
 *
 * Backslashes are not separators (`a\b` stays one name) and NUL bytes are kept, so
 * such keys match no file. Linear in the key's length; never touches the file system.
 *
 * @param key manifest `files` key as written. @returns a posix path relative to the plugin root (`.` for "").
 */
export function cleanRelativePath(key: string): string {
  const joined = path.posix.join('/', key);
  // Go's Clean drops a trailing slash; Node's join keeps one.
  const cleaned = joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
  return cleaned === '/' ? '.' : cleaned.slice(1);
}

/**
 * Verifies one plugin folder as Grafana would when loading it.
 *
 * @param pluginDir plugin root (the folder holding plugin.json and MANIFEST.txt).
 * @param options keys, app URLs, optional manifest bytes and clock (see {@link VerifyOptions}).
 * @returns the verdict (Grafana's status), the deciding reason, and every finding.
 * @throws PluginError when `pluginDir` does not exist or is not a readable folder.
 */
export async function verifyPlugin(pluginDir: string, options: VerifyOptions): Promise<VerifyResult> {
  const findings: Finding[] = [];
  let walk;
  try {
    walk = await walkPluginFiles(pluginDir, { keepOpen: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PluginError(
      code === 'ENOENT'
        ? `plugin folder ${pluginDir} does not exist: point dist/PATH at the built plugin (the folder with plugin.json)`
        : `plugin folder ${pluginDir} cannot be read: ${code ?? (error as Error).message}`,
      { cause: error },
    );
  }
  const root = walk.root;
  for (const problem of walk.problems) {
    findings.push(finding('unsafe-entry', `${problem.path}: ${problem.message}`, { path: problem.path }));
  }

  const pluginJson = await readPluginJson(root);
  if (pluginJson.error) findings.push(finding('plugin-json', pluginJson.error, { path: 'plugin.json' }));

  const onDisk = new Map<string, PluginFile>(walk.files.map((f) => [f.path, f]));
  const pluginFiles = walk.files.filter((f) => f.path !== MANIFEST_FILE);
  const result: VerifyResult = {
    status: 'valid',
    headline: '',
    reason: '',
    pluginDir: root,
    plugin: { id: pluginJson.id, version: pluginJson.version, type: pluginJson.type },
    findings,
    rootUrlChecks: [],
    filesCount: pluginFiles.length + walk.nonUtf8.length,
  };

  // The walk stays open until the hints have read what they need: files are opened through its pinned folders.
  let verdict: ReturnType<typeof decideStatus>;
  try {
    let hashes: Map<string, HashOutcome> | undefined;
    const bytes = options.manifestBytes ?? (await readManifestFile(root, onDisk, findings));
    if (bytes) {
      // Hash the files while the manifest is decoded and its signature checked (on every core for big plugins):
      // what the manifest lists is known only after decoding, but every listed file that exists is a walked file.
      const diskHashes = hashWalkedFiles(walk.files);
      await checkManifest(bytes, result, pluginJson, onDisk, pluginFiles, options, diskHashes);
      hashes = await diskHashes; // never leave hashing running when decoding failed early
    }
    // 13, for names that are not UTF-8: no manifest key can equal them (Grafana compares raw bytes).
    if (result.manifest) {
      for (const file of walk.nonUtf8) {
        findings.push(
          finding(
            'file-not-covered',
            `The following files were not included in the signature: ${file.path} (${NON_UTF8_REASON})`,
            { path: file.path },
          ),
        );
      }
    }

    verdict = decideStatus(findings);
    if (verdict.status !== 'valid') {
      // Proven causes, after the verdict (they never change it); a valid plugin pays nothing, not even loading them.
      const { addHints } = await import('./hints/index.js');
      await addHints(findings, {
        manifest: result.manifest,
        plugin: pluginJson,
        onDisk,
        hashes,
        rootUrlChecks: result.rootUrlChecks,
        publishedKeyIds: options.keys.publishedKeyIds(),
      });
    }
  } finally {
    walk.close();
  }
  const { status, decisive } = verdict;
  result.status = status;
  result.reason = decisive?.message ?? '';
  result.headline = grafanaLogLine(status, pluginJson.id || result.manifest?.plugin || path.basename(root));
  return result;
}

/** Checks 1–3: the MANIFEST.txt file itself. Returns its bytes, or undefined with a finding. */
async function readManifestFile(
  root: string,
  onDisk: Map<string, PluginFile>,
  findings: Finding[],
): Promise<Uint8Array | undefined> {
  const entry = onDisk.get(MANIFEST_FILE);
  if (!entry) {
    findings.push(
      finding('manifest-missing', 'plugin is unsigned: could not find a MANIFEST.txt', { path: MANIFEST_FILE }),
    );
    return undefined;
  }
  if (entry.size !== undefined && entry.size > MAX_MANIFEST_BYTES) {
    findings.push(
      finding('manifest-unreadable', `could not open MANIFEST.txt: ${entry.size} bytes is not a plugin manifest`, {
        path: MANIFEST_FILE,
      }),
    );
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = await readWalkedFile(root, entry, MAX_MANIFEST_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const why =
      {
        EFBIG: `more than ${MAX_MANIFEST_BYTES} bytes is not a plugin manifest`,
        EFTYPE: 'not a regular file',
        EXDEV: 'it resolves outside the plugin folder',
        ECHANGED: 'it changed while being read',
      }[code] ?? code;
    findings.push(finding('manifest-unreadable', `could not open MANIFEST.txt: ${why}`, { path: MANIFEST_FILE }));
    return undefined;
  }
  if (bytes.length < 10) {
    findings.push(
      finding('manifest-too-short', `MANIFEST.txt is invalid: ${bytes.length} bytes, a signed manifest has more`, {
        path: MANIFEST_FILE,
      }),
    );
    return undefined;
  }
  return bytes;
}

/**
 * Reads a file the walk listed (its resolved `absolutePath`, checked to be inside `root`), at most `max` bytes, so
 * that a file swapped since the walk cannot make it read elsewhere, block or exhaust memory: the open does not
 * follow a link (`O_NOFOLLOW`) nor wait on a FIFO (`O_NONBLOCK`), and what was opened must be a regular file.
 *
 * @throws Error with `code`: the `fs` error of a failed open or read, or (code as message) `EXDEV` when the path is
 *   outside `root`, `EFTYPE` when it is not a regular file, `EFBIG` when it holds more than `max` bytes, `ECHANGED`
 *   when it grew while being read.
 */
async function readWalkedFile(root: string, entry: PluginFile, max: number): Promise<Buffer> {
  const fail = (code: string): never => {
    throw Object.assign(new Error(code), { code });
  };
  const rel = path.relative(root, entry.absolutePath);
  if (rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) fail('EXDEV');
  const handle = await open(entry.openPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) fail('EFTYPE');
    if (info.size > max) fail('EFBIG');
    const buffer = Buffer.alloc(info.size + 1);
    const length = await readToFill(handle, buffer);
    if (length > max) fail('EFBIG');
    if (length > info.size) fail('ECHANGED');
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** Checks 4–13 on decoded manifest bytes. */
async function checkManifest(
  bytes: Uint8Array,
  result: VerifyResult,
  pluginJson: PluginJsonInfo,
  onDisk: Map<string, PluginFile>,
  pluginFiles: PluginFile[],
  options: VerifyOptions,
  diskHashes: Promise<Map<string, HashOutcome>>,
): Promise<void> {
  const findings = result.findings;
  const reading = await readPluginManifest(bytes, options.keys, options.now);
  if (!reading.ok) {
    const kind = (
      {
        decode: 'manifest-undecodable',
        json: 'manifest-json',
        fields: 'manifest-field',
        key: 'public-key-missing',
        signature: 'signature',
      } as const
    )[reading.step];
    findings.push(finding(kind, reading.message, { path: MANIFEST_FILE }));
  } else {
    result.key = { keyId: reading.key.keyId, source: reading.key.source, label: reading.key.label };
    if (reading.signature.created) result.signedAt = reading.signature.created.toISOString();
  }
  const headerNote = reading.block && hashHeaderNote(reading.block.hashHeaders);
  if (headerNote) findings.push(headerNote);
  const manifest = reading.manifest;
  if (!manifest) return;
  result.manifest = manifest;

  // 8. manifestVersion 2.x
  if (!isV2(manifest)) {
    findings.push(
      finding(
        'manifest-version',
        `manifestVersion "${manifest.manifestVersion}" is not 2.x: Grafana rejects v1 manifests; sign the plugin again`,
        { path: MANIFEST_FILE, expected: '2.0.0', actual: manifest.manifestVersion },
      ),
      manifestVersionNote(manifest.manifestVersion),
    );
  }
  // 9. at least one file in the folder (the manifest counts, as in Grafana's FS listing).
  if (onDisk.size === 0) {
    findings.push(finding('no-files', 'No plugin file information in directory'));
  }
  // 10. id and version, raw case-sensitive strings.
  if (manifest.plugin !== pluginJson.id) {
    findings.push(
      finding(
        'plugin-id-mismatch',
        `manifest plugin "${manifest.plugin}" does not match plugin.json id "${pluginJson.id}"`,
        { path: 'plugin.json', expected: manifest.plugin, actual: pluginJson.id },
      ),
    );
  }
  if (manifest.version !== pluginJson.version) {
    findings.push(
      finding(
        'plugin-version-mismatch',
        `manifest version "${manifest.version}" does not match plugin.json info.version "${pluginJson.version}"`,
        { path: 'plugin.json', expected: manifest.version, actual: pluginJson.version },
      ),
    );
  }
  // 11. root URLs against each app URL.
  await checkRootUrls(manifest, result, options);
  // 12. every listed file exists and hashes to the listed value.
  await checkHashes(manifest, onDisk, findings, diskHashes);
  // 13. every file is listed.
  for (const file of pluginFiles) {
    if (!manifest.files.has(file.path)) {
      findings.push(
        finding('file-not-covered', `The following files were not included in the signature: ${file.path}`, {
          path: file.path,
        }),
      );
    }
  }
}

async function checkRootUrls(manifest: SignedManifest, result: VerifyResult, options: VerifyOptions): Promise<void> {
  if (manifest.rootUrls.length === 0) return;
  const appUrls = options.appUrls === undefined ? [DEFAULT_APP_URL] : (options.appUrls ?? []);
  if (appUrls.length === 0) {
    result.findings.push(
      finding(
        'root-url-unchecked',
        `root URLs not checked: the manifest restricts the plugin to ${manifest.rootUrls.join(', ')}; ` +
          'give the app URLs of your Grafana instances to check them',
        { expected: manifest.rootUrls.join(', ') },
      ),
    );
    return;
  }
  for (const raw of appUrls) {
    const appUrl = normalizeAppUrl(raw);
    const match = await urlMatch(manifest.rootUrls, appUrl, manifest.signatureType);
    result.rootUrlChecks.push({ appUrl, matched: match.matched, attempts: match.attempts, error: match.error });
    const buildNote = match.matched
      ? undefined
      : await bracketHostNote(manifest.rootUrls, appUrl, manifest.signatureType);
    if (match.error) {
      result.findings.push(
        finding(
          'root-url-error',
          `Could not verify if root URLs match: ${match.error}; Grafana refuses to load the plugin`,
          {
            expected: manifest.rootUrls.join(', '),
            actual: appUrl,
          },
        ),
      );
    } else if (!match.matched) {
      const tried = match.attempts.map((a) => `${a.rootUrl} (${a.reason})`).join('; ');
      result.findings.push(
        finding(
          'root-url-mismatch',
          `Could not find root URL that matches running application URL ${appUrl}: tried ${tried}`,
          { expected: manifest.rootUrls.join(', '), actual: appUrl },
        ),
      );
    }
    if (buildNote) result.findings.push(buildNote);
  }
}

/**
 * After this many ms of hashing, `verify` starts its hashing workers whatever the bytes seen: its main thread spends
 * the next ~100 ms loading `openpgp` and decoding the manifest, so the workers' start-up is hidden there. A small
 * plugin is hashed before that.
 */
const WORKER_AFTER_MS = 10;

/** SHA-256 of every walked file, by plugin-relative path (`hashFiles`: every core for big plugins). */
async function hashWalkedFiles(files: readonly PluginFile[]): Promise<Map<string, HashOutcome>> {
  const outcomes = await hashFiles(files, { workerAfterMs: WORKER_AFTER_MS });
  return new Map(files.map((f, i) => [f.path, outcomes[i]]));
}

async function checkHashes(
  manifest: SignedManifest,
  onDisk: Map<string, PluginFile>,
  findings: Finding[],
  diskHashes: Promise<Map<string, HashOutcome>>,
) {
  const hashes = await diskHashes;
  const outcomes = [...manifest.files.entries()].map(([key, expected]) => {
    // Production Grafana opens a listed file through its static file list, an exact string lookup: `./a` is not `a`.
    const file = onDisk.get(key);
    if (!file) return { key, expected, missing: true as const };
    const hash = hashes.get(file.path)!;
    return hash.ok ? { key, expected, actual: hash.sha256 } : { key, expected, unreadable: hash.code };
  });
  for (const o of outcomes) {
    if ('missing' in o) {
      findings.push(
        finding('file-missing', `Plugin file listed in the manifest was not found: ${o.key}`, {
          path: o.key,
          expected: o.expected,
        }),
      );
    } else if ('unreadable' in o) {
      findings.push(
        finding('file-missing', `Plugin file listed in the manifest could not be read (${o.unreadable}): ${o.key}`, {
          path: o.key,
          expected: o.expected,
        }),
      );
    } else if (o.actual !== o.expected) {
      findings.push(
        finding('file-modified', `Plugin file checksum does not match signature checksum: ${o.key}`, {
          path: o.key,
          expected: o.expected,
          actual: o.actual,
        }),
      );
    }
  }
}
