/**
 * The CLI's usage strings, kept apart from the commands so that `--help` (and a usage error) loads nothing but this
 * file: each command's module, and with it `openpgp`, the zip libraries and the HTTP client, is imported only when
 * that command runs (see `./index.ts`).
 */
import { TOKEN_ENV } from '../grafana-com/endpoint.js';

/** Usage of `verify`, three lines. */
export const VERIFY_USAGE =
  'usage: verify [--app-url URL]... [--public-key FILE]... [--signature-type T] [--root-urls U1,U2]\n' +
  '              [--fetch-keys [--grafana-com-url URL]] [--public-key-retrieval enabled|disabled]\n' +
  '              [--json] PATH...   (PATH: plugin folder or .zip)';

/** Usage of `sign`, three lines (the last names the token's environment variable). */
export const SIGN_USAGE =
  'usage: sign [--dist DIR] [--signature-type T] [--root-urls U1,U2] [--grafana-com-url URL] [--public-key FILE]...\n' +
  '            [--retries N] [--timeout-seconds S]\n' +
  `       the access policy token is read from ${TOKEN_ENV}`;

/** Usage of `manifest`, one line. */
export const MANIFEST_USAGE = 'usage: manifest DIR';

/** Usage of `check-routes`, one line. */
export const CHECK_ROUTES_USAGE =
  'usage: check-routes [--json] PATH...   (PATH: plugin folder, plugin.json or plugin .zip)';

/** What `--help` prints: one line about the tool, then each command's usage. */
export const HELP = `sign-plugin-action CLI: sign and verify Grafana plugins exactly as Grafana does.

${VERIFY_USAGE}
${SIGN_USAGE}
${MANIFEST_USAGE}
${CHECK_ROUTES_USAGE}`;
