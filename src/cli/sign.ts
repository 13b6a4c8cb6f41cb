/**
 * `sign [--dist DIR] [--signature-type T] [--root-urls U1,U2] [--grafana-com-url URL] [--public-key FILE]...`
 * The access policy token comes from `GRAFANA_ACCESS_POLICY_TOKEN`.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { loadPublicKeyInputs, TrustedKeys } from '../signature/keys.js';
import { signPlugin } from '../signing/sign.js';
import { parseSignatureType, parseUrlList } from '../verify/expectations.js';
import { DEFAULT_GRAFANA_COM_URL, LEGACY_TOKEN_ENV, TOKEN_ENV } from '../action/constants.js';
import { TOOL_VERSION } from '../version.js';

export const SIGN_USAGE =
  'usage: sign [--dist DIR] [--signature-type T] [--root-urls U1,U2] [--grafana-com-url URL] [--public-key FILE]...\n' +
  `       the access policy token is read from ${TOKEN_ENV}`;

/**
 * Runs `sign`: signs DIR (default `dist`) through grafana.com, verifies the answer, writes MANIFEST.txt.
 *
 * @returns exit code 0 on success. @throws UsageError (exit 2) for bad flags or a missing token; SigningError
 *   and friends (exit 1) when signing fails.
 */
export async function signCommand(argv: string[], out: (s: string) => void, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      dist: { type: 'string', default: 'dist' },
      'signature-type': { type: 'string' },
      'root-urls': { type: 'string' },
      'grafana-com-url': { type: 'string', default: env.GRAFANA_COM_URL || DEFAULT_GRAFANA_COM_URL },
      'public-key': { type: 'string', multiple: true },
    },
  });
  void positionals;
  const token = (env[TOKEN_ENV] || env[LEGACY_TOKEN_ENV] || '').trim();
  if (!token) {
    throw new UsageError(
      TOKEN_ENV,
      `${TOKEN_ENV} is not set: create an access policy token with the plugins:write scope at grafana.com and export it`,
    );
  }
  const keys = TrustedKeys.withEmbedded();
  for (const key of await loadPublicKeyInputs(values['public-key'] ?? [], '--public-key')) keys.add(key);
  const signed = await signPlugin({
    dist: values.dist as string,
    token,
    grafanaComUrl: (values['grafana-com-url'] as string).replace(/\/+$/, ''),
    signatureType: parseSignatureType(values['signature-type'], '--signature-type'),
    rootUrls: parseUrlList(values['root-urls'], '--root-urls'),
    keys,
    toolVersion: TOOL_VERSION,
  });
  const m = signed.verification.manifest;
  out(
    `Signed ${m?.plugin} ${m?.version}: ${m?.signatureType} signature by ${m?.signedByOrgName} (${m?.signedByOrg}), ` +
      `key ${m?.keyId}, ${Object.keys(signed.request.files).length} files\nWrote ${signed.manifestPath}`,
  );
  return 0;
}
