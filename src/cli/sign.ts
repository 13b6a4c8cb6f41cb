/**
 * `sign [--dist DIR] [--signature-type T] [--root-urls U1,U2] [--grafana-com-url URL] [--public-key FILE]...`
 * The access policy token comes from `GRAFANA_ACCESS_POLICY_TOKEN`.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { trustedKeysFor } from '../grafana-com/fetch-keys.js';
import { loadPublicKeyInputs } from '../signature/keys.js';
import { parseRetryInputs, parseSignatureType, parseUrlList } from '../options/parse.js';
import { signPlugin } from '../signing/sign.js';
import { LEGACY_TOKEN_ENV, TOKEN_ENV } from '../grafana-com/endpoint.js';
import { type CliCommand, grafanaComUrlOption, keyAndExpectationOptions } from './options.js';
import { TOOL_VERSION } from '../version.js';

/**
 * Runs `sign`: signs DIR (default `dist`) through grafana.com, verifies the answer, writes MANIFEST.txt.
 *
 * @returns exit code 0 on success. @throws UsageError (exit 2) for bad flags or a missing token; SigningError
 *   and friends (exit 1) when signing fails.
 */
export const signCommand: CliCommand = async (argv, out, warn, env) => {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      dist: { type: 'string', default: 'dist' },
      ...keyAndExpectationOptions(env),
      retries: { type: 'string', default: '' },
      'timeout-seconds': { type: 'string', default: '' },
    },
  });
  const token = (env[TOKEN_ENV] || env[LEGACY_TOKEN_ENV] || '').trim();
  if (!token) {
    throw new UsageError(
      TOKEN_ENV,
      `${TOKEN_ENV} is not set: create an access policy token with the plugins:write scope at grafana.com and export it`,
    );
  }
  const grafanaComUrl = grafanaComUrlOption(values['grafana-com-url']);
  const { retries, timeoutMs } = parseRetryInputs(values.retries, values['timeout-seconds'], {
    retries: '--retries',
    timeout: '--timeout-seconds',
  });
  // The answer must verify with a key Grafana trusts: the embedded one, those grafana.com publishes, and yours.
  const extra = await loadPublicKeyInputs(values['public-key'] ?? [], '--public-key');
  const keys = () =>
    trustedKeysFor({ fetch: true, retrieval: 'enabled', grafanaComUrl, extra, onWarning: warn, retries });
  const signed = await signPlugin({
    dist: values.dist,
    token,
    grafanaComUrl,
    signatureType: parseSignatureType(values['signature-type'], '--signature-type'),
    rootUrls: parseUrlList(values['root-urls'], '--root-urls'),
    keys,
    toolVersion: TOOL_VERSION,
    retries,
    timeoutMs,
    onRetry: ({ attempt, delayMs, reason }) =>
      warn(`grafana.com: ${reason}; attempt ${attempt + 1} in ${(delayMs / 1000).toFixed(1)} s`),
  });
  const m = signed.verification.manifest;
  out(
    `Signed ${m?.plugin} ${m?.version}: ${m?.signatureType} signature by ${m?.signedByOrgName} (${m?.signedByOrg}), ` +
      `key ${m?.keyId}, ${Object.keys(signed.request.files).length} files\nWrote ${signed.manifestPath}`,
  );
  return 0;
};
