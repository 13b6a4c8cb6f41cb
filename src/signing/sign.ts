/**
 * Signing a plugin: build the manifest, have grafana.com sign it, prove the answer is what Grafana will
 * accept, and only then write MANIFEST.txt (atomically, byte for byte).
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { PluginError, SignPluginError } from '../errors.js';
import { acquireFolderLock, FolderLockedError, removeStaleTemps, writeFileAtomically } from '../fs/atomic-write.js';
import { buildManifest, MANIFEST_FILE } from '../manifest/build.js';
import type { SignatureType, UnsignedManifest } from '../manifest/types.js';
import type { TrustedKeys } from '../signature/keys.js';
import { checkExpectations, type ExpectationCheck } from '../verify/expectations.js';
import type { Finding } from '../verify/findings.js';
import { verifyPlugin, type VerifyResult } from '../verify/verify.js';
import { requestSignedManifest, type SigningRequestOptions } from '../grafana-com/signing-client.js';

export interface SignPluginOptions {
  /** The built plugin folder. */
  dist: string;
  /** Access policy token (scope `plugins:write`). Never logged. */
  token: string;
  /** grafana.com API base, e.g. `https://grafana.com/api`. */
  grafanaComUrl: string;
  /** Signature type to ask for; grafana.com grants the plugin's level when absent. */
  signatureType?: SignatureType;
  /** Root URLs to sign for (required for private signatures). */
  rootUrls?: readonly string[];
  /**
   * Keys the answer must verify with, or a function giving them: called only once the folder has proved signable,
   * so a folder Grafana would refuse costs no request at all (not even the keys fetch).
   */
  keys: TrustedKeys | (() => Promise<TrustedKeys>);
  /** Version of this tool, sent as `signPlugin.version` like `@grafana/sign-plugin` does. */
  toolVersion?: string;
  /** Extra attempts after a connection error, timeout, 429 or 5xx (see `src/net/retry.ts`). */
  retries?: number;
  /** Per-attempt timeout, milliseconds. */
  timeoutMs?: number;
  /** Told before each retry. */
  onRetry?: SigningRequestOptions['onRetry'];
  now?: Date;
}

export interface SignPluginResult {
  /** Absolute path of the MANIFEST.txt written. */
  manifestPath: string;
  /** Its bytes, exactly as grafana.com sent them. */
  manifestBytes: Buffer;
  /** What was sent. */
  request: UnsignedManifest;
  /** The verification of the answer against the files, done before writing. */
  verification: VerifyResult;
  /** What was cleaned up before signing (a stale lock or temporary file of a run that was killed). */
  notices: string[];
}

/** grafana.com answered 200 with a manifest Grafana would not accept for these files; nothing was written. */
export class SignedManifestRejectedError extends SignPluginError {
  readonly findings: Finding[];
  readonly expectations: ExpectationCheck[];
  constructor(message: string, findings: Finding[], expectations: ExpectationCheck[]) {
    super('signed-manifest-rejected', message);
    this.findings = findings;
    this.expectations = expectations;
  }
}

/**
 * Signs `dist` through grafana.com (`POST {grafanaComUrl}/plugins/ci/sign`, docs/verification.md#signing).
 *
 * The answer is verified against the files with the trusted keys (plugin, version, every hash, every file
 * covered, the signature type and root URLs asked for) before MANIFEST.txt is replaced by a rename of a
 * temporary file in the plugin folder's parent (never inside the folder, where it could be signed); on any failure
 * the earlier MANIFEST.txt is left byte-identical. Runs on one folder are serialized by a lock file in the parent
 * (`.<folder>.sign-plugin.lock`, with the pid): a second run fails at once with a PluginError naming the first;
 * a lock or temporary file left by a killed run is removed, and said in `notices`.
 *
 * @returns where MANIFEST.txt was written, its bytes, the request, the verification and the notices.
 * @throws PluginError (bad folder or plugin.json, another signing of the folder running, lock not writable), UsageError (bad grafana-com-url), SigningError (grafana.com
 *   refused or failed), SignedManifestRejectedError (the answer would not be accepted by Grafana).
 */
export async function signPlugin(options: SignPluginOptions): Promise<SignPluginResult> {
  let root: string;
  try {
    root = await realpath(options.dist);
  } catch {
    return { ...(await signLocked(options, manifestTemps(path.resolve(options.dist)))), notices: [] }; // buildManifest words it
  }
  const temps = manifestTemps(root);
  let lock;
  try {
    lock = await acquireFolderLock(path.join(temps.dir, `.${path.basename(root)}.sign-plugin.lock`), options.dist);
  } catch (error) {
    if (error instanceof FolderLockedError) throw new PluginError(error.message, { cause: error });
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new PluginError(
      `cannot lock ${options.dist} for signing (${code} on a lock file in ${temps.dir}): the folder holding the ` +
        'plugin folder must be writable, as MANIFEST.txt is written there first and renamed into place',
      { cause: error },
    );
  }
  try {
    const notices = [...lock.notices];
    for (const name of await removeStaleTemps(temps.dir, temps.prefix)) {
      notices.push(`removed ${path.join(temps.dir, name)}, a temporary MANIFEST.txt left by a run that was stopped`);
    }
    return { ...(await signLocked(options, temps)), notices };
  } finally {
    await lock.release();
  }
}

/**
 * Where MANIFEST.txt is written before its rename: the parent of the plugin folder, under a name tied to it. Not
 * inside the folder, where a run killed mid-write would leave a file the next signing signs; not `os.tmpdir()`,
 * usually another file system, where `rename(2)` is not atomic (EXDEV). The parent is on the folder's file system
 * unless the folder is a mount point (then the write fails with EXDEV, and MANIFEST.txt is untouched).
 */
interface ManifestTemps {
  dir: string;
  prefix: string;
}
function manifestTemps(root: string): ManifestTemps {
  return { dir: path.dirname(root), prefix: `.${path.basename(root)}.MANIFEST.txt.` };
}

async function signLocked(
  options: SignPluginOptions,
  temps: ManifestTemps,
): Promise<Omit<SignPluginResult, 'notices'>> {
  const built = await buildManifest(options.dist);
  const request: UnsignedManifest = { plugin: built.plugin, version: built.version, files: built.files };
  if (options.signatureType) request.signatureType = options.signatureType;
  if (options.rootUrls && options.rootUrls.length > 0) request.rootUrls = [...options.rootUrls];
  if (options.toolVersion) request.signPlugin = { version: options.toolVersion };

  const keys = typeof options.keys === 'function' ? await options.keys() : options.keys;
  const manifestBytes = await requestSignedManifest({
    grafanaComUrl: options.grafanaComUrl,
    token: options.token,
    manifest: request,
    retries: options.retries,
    timeoutMs: options.timeoutMs,
    onRetry: options.onRetry,
  });

  const verification = await verifyPlugin(options.dist, {
    keys,
    manifestBytes,
    appUrls: request.rootUrls ?? null,
    now: options.now,
  });
  const expectations = checkExpectations(verification, {
    signatureType: options.signatureType,
    rootUrls: request.rootUrls,
  });
  const unmet = expectations.filter((e) => !e.met);
  if (verification.status !== 'valid' || unmet.length > 0) {
    const reasons = [
      ...verification.findings.filter((f) => f.status !== null).map((f) => f.message),
      ...unmet.map((e) => e.message),
    ];
    const changed = verification.findings.some((f) => f.kind === 'file-modified' || f.kind === 'file-not-covered');
    throw new SignedManifestRejectedError(
      `grafana.com answered with a manifest Grafana would reject (${verification.status}); MANIFEST.txt was not written:\n` +
        reasons.map((r) => `  - ${r}`).join('\n') +
        (changed ? '\nA file may have changed while the plugin was being signed: rebuild and sign again.' : ''),
      verification.findings,
      expectations,
    );
  }

  const manifestPath = path.join(verification.pluginDir, MANIFEST_FILE);
  await writeFileAtomically(manifestPath, manifestBytes, { tempDir: temps.dir, tempPrefix: temps.prefix });
  return { manifestPath, manifestBytes, request, verification };
}
