/**
 * Cause `root-url-near-miss`: the app URL and a signed root URL differ in exactly one part a person easily misses:
 * the scheme, the host's case, the port (a default port written out included), a sub-path, or, for `private-glob`,
 * the missing trailing slash of a glob (Grafana matches globs against the app URL, which always ends in `/`).
 */
import type { compileGlob } from '../../go/glob/glob.js';
import { cleanPath } from '../../go/path.js';
import { escapedPath, parseGoURL, type GoURL } from '../../go/url.js';
import type { Hint } from '../findings.js';
import { PRIVATE_GLOB_SIGNATURE } from '../root-url.js';

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/** `host` split into name and port (`[::1]:80` → `[::1]`, `80`). */
function splitHost(host: string): { name: string; port: string } {
  const close = host.lastIndexOf(']');
  const colon = host.lastIndexOf(':');
  return colon > close ? { name: host.slice(0, colon), port: host.slice(colon + 1) } : { name: host, port: '' };
}

function parse(raw: string): GoURL | undefined {
  try {
    return parseGoURL(raw);
  } catch {
    return undefined;
  }
}

/** The glob compiler, passed in by the caller that loaded it (the glob port is loaded only for `private-glob`). */
export type GlobCompiler = typeof compileGlob;

/**
 * The one part in which `rootUrl` differs from `appUrl`, as words, or undefined when not exactly one near part.
 * @param glob the gobwas port's compiler; without it the `private-glob` trailing-slash case is not tried.
 */
function nearMiss(rootUrl: string, appUrl: string, signatureType: string, glob?: GlobCompiler): string | undefined {
  if (signatureType === PRIVATE_GLOB_SIGNATURE && glob && !rootUrl.endsWith('/')) {
    try {
      if (glob(rootUrl + '/', ['/', '.'])(appUrl) && !glob(rootUrl, ['/', '.'])(appUrl)) {
        return `the private-glob root URL ${rootUrl} has no trailing slash, but the app URL always ends in "/"`;
      }
    } catch {
      return undefined;
    }
  }
  const spec = parse(rootUrl);
  const target = parse(appUrl);
  if (!spec || !target || spec.rawQuery !== target.rawQuery) return undefined;
  const a = splitHost(spec.host);
  const b = splitHost(target.host);
  const pathA = cleanPath(escapedPath(spec) || '/');
  const pathB = cleanPath(escapedPath(target) || '/');
  const differs = {
    scheme: spec.scheme !== target.scheme,
    name: a.name !== b.name,
    port: a.port !== b.port,
    path: pathA !== pathB,
  };
  const count = Object.values(differs).filter(Boolean).length;
  if (count !== 1) return undefined;
  if (differs.scheme) return `only the scheme differs: ${spec.scheme}:// signed, ${target.scheme}:// in the app URL`;
  if (differs.name) {
    return a.name.toLowerCase() === b.name.toLowerCase()
      ? `only the host's case differs: "${a.name}" signed, "${b.name}" in the app URL (Grafana compares hosts as written)`
      : undefined;
  }
  if (differs.port) {
    const fallback = DEFAULT_PORTS[spec.scheme];
    const shown = (p: string) =>
      p === '' ? `no port${fallback ? ` (default ${fallback}, not written)` : ''}` : `port ${p}`;
    return `only the port differs: ${shown(a.port)} signed, ${shown(b.port)} in the app URL`;
  }
  const [short, long] = pathA.length < pathB.length ? [pathA, pathB] : [pathB, pathA];
  const prefix = short === '/' ? '/' : short + '/';
  if (!long.startsWith(prefix)) return undefined;
  return `only the path differs: ${pathA} signed, ${pathB} in the app URL (a sub-path, e.g. Grafana served under ${long})`;
}

/**
 * Proves `root-url-near-miss` for an app URL no root URL matched: the first root URL that differs from it in exactly
 * one near part (see {@link nearMiss}).
 *
 * @param rootUrls the manifest's; @param appUrl the app URL as Grafana matched it (ending in `/`).
 * @param glob the glob compiler, needed for `private-glob` manifests (see {@link nearMiss}).
 */
export function rootUrlNearMissHint(
  rootUrls: readonly string[],
  appUrl: string,
  signatureType: string,
  glob?: GlobCompiler,
): Hint | undefined {
  for (const rootUrl of rootUrls) {
    const what = nearMiss(rootUrl, appUrl, signatureType, glob);
    if (what === undefined) continue;
    return {
      cause: 'root-url-near-miss',
      detail: `${appUrl} does not match the signed root URL ${rootUrl}: ${what}`,
      fix:
        `sign with root URL ${appUrl} (or add it to root-urls), or set Grafana's [server] root_url to ${rootUrl}` +
        (what.includes('trailing slash') ? ` (for private-glob, end the glob with "/": ${rootUrl}/)` : ''),
    };
  }
  return undefined;
}
