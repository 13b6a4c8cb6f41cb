/** Cause `changed-after-signing`: plugin.json's version was changed (bumped) after the plugin was signed. */
import type { Hint } from '../findings.js';

/**
 * Proves `changed-after-signing` for a version mismatch: plugin.json was read, its `id` is the manifest's `plugin`,
 * and its `info.version` differs from the manifest's `version` (both non-empty).
 */
export function changedAfterSigningHint(
  plugin: { id: string; version: string },
  manifest: { plugin: string; version: string },
): Hint | undefined {
  if (plugin.version === '' || manifest.version === '' || plugin.version === manifest.version) return undefined;
  if (plugin.id !== manifest.plugin) return undefined;
  return {
    cause: 'changed-after-signing',
    detail: `plugin.json says version ${plugin.version}, the manifest was signed for ${manifest.version}`,
    fix: 'plugin.json was changed after signing (a version bump): sign after the bump, as the last build step',
  };
}
