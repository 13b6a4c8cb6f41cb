/**
 * `verify [--app-url URL]... [--public-key FILE]... [--signature-type T] [--root-urls U1,U2] [--json] PATH`
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { loadPublicKeyInputs, TrustedKeys } from '../signature/keys.js';
import { checkExpectations, parseSignatureType, parseUrlList } from '../verify/expectations.js';
import { verifyPlugin } from '../verify/verify.js';
import { formatResult, resultToJson } from './output.js';

export const VERIFY_USAGE =
  'usage: verify [--app-url URL]... [--public-key FILE]... [--signature-type T] [--root-urls U1,U2] [--json] PATH';

/**
 * Runs `verify`. Without `--app-url` the app URL is Grafana's default `http://localhost:3000/`.
 *
 * @param argv arguments after the command name. @returns the exit code: 0 valid and every expectation met,
 *   1 otherwise. @throws UsageError (exit 2) for bad flags, a missing PATH, or unreadable key files.
 */
export async function verifyCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'app-url': { type: 'string', multiple: true },
      'public-key': { type: 'string', multiple: true },
      'signature-type': { type: 'string' },
      'root-urls': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('PATH', `verify takes one plugin folder\n${VERIFY_USAGE}`);
  const target = positionals[0];
  if (!existsSync(target)) throw new UsageError('PATH', `${target} does not exist: give the plugin folder to verify`);
  const appUrls = (values['app-url'] ?? []).flatMap((u) => parseUrlList(u, '--app-url'));
  const signatureType = parseSignatureType(values['signature-type'], '--signature-type');
  const rootUrls = parseUrlList(values['root-urls'], '--root-urls');
  const keys = TrustedKeys.withEmbedded();
  for (const key of await loadPublicKeyInputs(values['public-key'] ?? [], '--public-key')) keys.add(key);

  const result = await verifyPlugin(target, { keys, appUrls: appUrls.length ? appUrls : undefined });
  const expectations = checkExpectations(result, { signatureType, rootUrls });
  const json = resultToJson(result, expectations, target);
  out(values.json ? JSON.stringify(json, null, 2) : formatResult(result, expectations, target));
  return json.ok ? 0 : 1;
}
