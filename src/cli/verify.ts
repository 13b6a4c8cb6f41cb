/**
 * `verify [--app-url URL]... [--public-key FILE]... [--signature-type T] [--root-urls U1,U2] [--fetch-keys]
 *  [--grafana-com-url URL] [--public-key-retrieval enabled|disabled] [--json] PATH...`
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CliCommand, grafanaComUrlOption, keyAndExpectationOptions } from './options.js';
import { UsageError } from '../errors.js';
import { trustedKeysFor } from '../grafana-com/fetch-keys.js';
import { loadPublicKeyInputs } from '../signature/keys.js';
import { checkExpectations } from '../verify/expectations.js';
import { parseSignatureType, parseUrlList } from '../options/parse.js';
import { combineReports, pluginReport, type PluginReport } from '../verify/report.js';
import { verifyTarget } from '../targets/target.js';
import { formatReport } from './output.js';
import { VERIFY_USAGE } from './usage.js';

/**
 * Runs `verify` on one or more plugin folders or zips. Without `--app-url` the app URL is Grafana's default
 * `http://localhost:3000/`. `--public-key-retrieval disabled` trusts only the embedded key (and `--public-key`s), like
 * Grafana's `public_key_retrieval_disabled = true`; with `--fetch-keys` the published list is then read only to
 * explain an untrusted key ID (the `rotated-key` hint). `--json` prints exactly one JSON object: the plugin's report for one PATH, or
 * `{ status (worst), ok, results: [...] }` for several.
 *
 * @param argv arguments after the command name; @param out prints one line; @param warn prints a warning.
 * @returns the exit code: 0 when every plugin is valid with every expectation met (and, for zips, a right
 *   layout), 1 otherwise. @throws UsageError (exit 2) for bad flags, a missing PATH, or unreadable key files.
 */
export const verifyCommand: CliCommand = async (argv, out, warn, env) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'app-url': { type: 'string', multiple: true },
      ...keyAndExpectationOptions(env),
      'fetch-keys': { type: 'boolean', default: false },
      'public-key-retrieval': { type: 'string', default: 'enabled' },
      json: { type: 'boolean', default: false },
    },
  });
  const retrieval = values['public-key-retrieval'];
  if (retrieval !== 'enabled' && retrieval !== 'disabled') {
    throw new UsageError(
      '--public-key-retrieval',
      `--public-key-retrieval: "${retrieval}" is neither enabled nor disabled (disabled behaves like Grafana's ` +
        'public_key_retrieval_disabled = true)',
    );
  }
  if (positionals.length === 0)
    throw new UsageError('PATH', `verify takes at least one plugin folder or .zip\n${VERIFY_USAGE}`);
  for (const target of positionals) {
    if (!existsSync(target))
      throw new UsageError('PATH', `${target} does not exist: give the plugin folder or .zip to verify`);
  }
  const appUrls = (values['app-url'] ?? []).flatMap((u) => parseUrlList(u, '--app-url'));
  const signatureType = parseSignatureType(values['signature-type'], '--signature-type');
  const rootUrls = parseUrlList(values['root-urls'], '--root-urls');
  const keys = await trustedKeysFor({
    fetch: values['fetch-keys'],
    retrieval,
    grafanaComUrl: grafanaComUrlOption(values['grafana-com-url']),
    extra: await loadPublicKeyInputs(values['public-key'] ?? [], '--public-key'),
    onWarning: warn,
  });

  const reports: PluginReport[] = [];
  const labels: (string | undefined)[] = [];
  for (const target of positionals) {
    const { result, layout } = await verifyTarget(target, { keys, appUrls: appUrls.length ? appUrls : undefined });
    reports.push(pluginReport(result, checkExpectations(result, { signatureType, rootUrls }), target, layout));
    labels.push(result.key?.label);
  }
  const combined = combineReports(reports);
  if (values.json) {
    out(JSON.stringify(reports.length === 1 ? reports[0] : combined, null, 2));
  } else {
    out(reports.map((r, i) => formatReport(r, labels[i])).join('\n\n'));
  }
  return combined.ok ? 0 : 1;
};
