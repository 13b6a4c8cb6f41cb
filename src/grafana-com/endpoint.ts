/**
 * grafana.com's API as both clients (signing, keys) address it: the default API root, the endpoint rules, the one
 * `User-Agent`, the loopback rule for plain `http://`, and the environment variables the access policy token comes
 * from. Shared by the action and the CLI (their defaults), so neither shell imports the other.
 */
import { UsageError } from '../errors.js';

/** The grafana.com API root (`grafana-com-url`'s default, `GRAFANA_COM_URL` of `@grafana/sign-plugin`). */
export const DEFAULT_GRAFANA_COM_URL = 'https://grafana.com/api';
/** Environment variable `@grafana/sign-plugin` reads the token from; the action falls back to it. */
export const TOKEN_ENV = 'GRAFANA_ACCESS_POLICY_TOKEN';
/** The deprecated name of the same token. */
export const LEGACY_TOKEN_ENV = 'GRAFANA_API_KEY';
/** The `User-Agent` of every request to grafana.com (signing and the keys fetch), unless a caller passes another. */
export const USER_AGENT = 'sign-plugin-action';

/**
 * An endpoint under the grafana.com API root: `${url without trailing slashes}${route}`. Surrounding whitespace is
 * ignored.
 *
 * `grafanaComEndpoint('https://grafana.com/api/', '/plugins/ci/keys')` → `'https://grafana.com/api/plugins/ci/keys'`.
 *
 * @throws UsageError (input `grafana-com-url`) when the URL does not parse, is not `http:`/`https:`, or carries
 *   credentials, a query or a fragment (the path is appended, so those would produce a wrong endpoint).
 */
export function grafanaComEndpoint(grafanaComUrl: string, route: string): string {
  const raw = grafanaComUrl.trim();
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new UsageError(
      'grafana-com-url',
      `grafana-com-url "${raw}" is not a valid URL; use the grafana.com API root, e.g. https://grafana.com/api`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new UsageError(
      'grafana-com-url',
      `grafana-com-url "${raw}" must be an http(s) URL (got ${parsed.protocol}); use e.g. https://grafana.com/api`,
    );
  }
  if (parsed.username || parsed.password) {
    throw new UsageError(
      'grafana-com-url',
      'grafana-com-url must not contain a user name or password; the access policy token authenticates the request',
    );
  }
  if (parsed.search || parsed.hash || raw.includes('?') || raw.includes('#')) {
    throw new UsageError(
      'grafana-com-url',
      `grafana-com-url "${raw}" must not have a query or fragment; use the API root, e.g. https://grafana.com/api`,
    );
  }
  return `${raw.replace(/\/+$/, '')}${route}`;
}

/**
 * Loopback as the http refusal understands it (WHATWG-normalised hostname): `localhost`, `127.0.0.0/8`, `::1`, and
 * IPv4-mapped `::ffff:127.0.0.0/104` (normalised to `::ffff:7fXX:XXXX`). Literal addresses only, besides `localhost`:
 * no name is resolved, so no DNS answer can turn a "loopback" name into a remote host.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return (
    host === 'localhost' ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)
  );
}
