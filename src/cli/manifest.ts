/**
 * `manifest DIR`: print the unsigned manifest JSON that signing would send to grafana.com.
 */
import { UsageError } from '../errors.js';
import { buildManifest } from '../manifest/build.js';
import { MANIFEST_USAGE } from './usage.js';

/**
 * Runs `manifest`. @returns exit code 0. @throws UsageError without exactly one DIR; PluginError for a folder
 * that cannot be signed.
 */
export async function manifestCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const positionals = argv.filter((a) => !a.startsWith('-'));
  if (positionals.length !== 1 || positionals.length !== argv.length) {
    throw new UsageError('DIR', `manifest takes one plugin folder\n${MANIFEST_USAGE}`);
  }
  out(JSON.stringify(await buildManifest(positionals[0]), null, 2));
  return 0;
}
