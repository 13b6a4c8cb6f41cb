/**
 * Verifying what the user pointed at: a plugin folder or a plugin `.zip` (the format users install and the
 * catalog distributes).
 */
import { stat } from 'node:fs/promises';
import { PluginError } from '../errors.js';
import type { LayoutProblem } from '../verify/report.js';
import { verifyPlugin, type VerifyOptions, type VerifyResult } from '../verify/verify.js';

/** True when `target` names a zip (by its extension, case-insensitive). */
export function isZipPath(target: string): boolean {
  return /\.zip$/i.test(target);
}

/**
 * Verifies a plugin folder, or a plugin zip (its layout checked, its contents verified like a folder).
 *
 * @param target folder or `.zip` path. @param options as for {@link verifyPlugin}.
 * @returns the verification and, for a zip, its layout problems (empty when the layout is right).
 * @throws PluginError when `target` does not exist or is neither a folder nor a zip file.
 */
export async function verifyTarget(
  target: string,
  options: VerifyOptions,
): Promise<{ result: VerifyResult; layout?: LayoutProblem[] }> {
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new PluginError(`${target} does not exist: give a plugin folder (with plugin.json) or a plugin .zip`);
  }
  if (info.isFile() && isZipPath(target)) {
    // Loaded only for a zip: it brings yauzl (see docs/performance.md).
    const { verifyPluginZip } = await import('../zip/read-zip.js');
    const { layout, ...result } = await verifyPluginZip(target, options);
    return { result, layout };
  }
  if (!info.isDirectory()) {
    throw new PluginError(
      `${target} is neither a folder nor a .zip: give a plugin folder (with plugin.json) or a plugin .zip`,
    );
  }
  return { result: await verifyPlugin(target, options) };
}
