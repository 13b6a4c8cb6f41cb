/**
 * Grafana's root URL check (`urlMatch` in pkg/plugins/manager/signature/manifest.go), with an explanation of every
 * entry it looked at.
 *
 * This is the project's own code, built on the project's ports of Go's `net/url`/`path.Clean` (./go-url.ts) and of
 * gobwas/glob (./glob.ts): no JavaScript library compares URLs the way Grafana does.
 *
 * ```go
 * func urlMatch(specs []string, target string, signatureType plugins.SignatureType) (bool, error) {
 *   targetURL, err := url.Parse(target)
 *   if err != nil { return false, err }
 *   for _, spec := range specs {
 *     specURL, err := url.Parse(spec)
 *     if err != nil { return false, err }
 *     if specURL.Scheme == targetURL.Scheme && specURL.Host == targetURL.Host &&
 *       path.Clean(specURL.RequestURI()) == path.Clean(targetURL.RequestURI()) { return true, nil }
 *     if signatureType != plugins.PrivateGlobSignature { continue }
 *     sp, err := glob.Compile(spec, '/', '.')
 *     if err != nil { return false, err }
 *     if match := sp.Match(target); match { return true, nil }
 *   }
 *   return false, nil
 * }
 * ```
 */
import { GoURLError, goURLBytes, type ByteURL } from '../go/url.js';

/** What happened to one `rootUrls` entry. */
export interface RootUrlAttempt {
  /** The manifest entry as written. */
  rootUrl: string;
  /** The target as passed. */
  appUrl: string;
  matched: boolean;
  /** How it matched; absent when it did not. */
  how?: 'exact' | 'glob';
  /** One line a user understands, e.g. `host "localhost:3000" ≠ "127.0.0.1:3000"`. */
  reason: string;
}

/** The outcome of {@link urlMatch}. */
export interface UrlMatchResult {
  matched: boolean;
  /** Every entry examined, in order; the loop stops at the first match or error, as Grafana's does. */
  attempts: RootUrlAttempt[];
  /** A parse or glob error: Grafana then refuses to load the plugin. */
  error?: string;
}

/** The `signatureType` under which Grafana also tries each entry as a glob (`plugins.PrivateGlobSignature`). */
export const PRIVATE_GLOB_SIGNATURE = 'private-glob';

/**
 * Grafana's normalisation of `[server] root_url` (`parseAppUrlAndSubUrl` in pkg/setting/setting.go): appends `/`
 * when the URL does not end with one, nothing else (no lowercasing, no port or path rewriting).
 *
 * @param appUrl the configured root URL, e.g. `http://localhost:3000`
 * @returns the app URL Grafana matches against, e.g. `http://localhost:3000/` (`""` gives `/`; Grafana would
 *   instead fail on an empty value)
 */
export function normalizeAppUrl(appUrl: string): string {
  return appUrl.endsWith('/') ? appUrl : appUrl + '/';
}

/** The part of a URL the exact rule compares, as byte strings. */
interface Key {
  scheme: string;
  host: string;
  path: string;
}

function keyOf(u: ByteURL): Key {
  return { scheme: u.scheme, host: u.host, path: goURLBytes.clean(goURLBytes.requestURI(u)) };
}

function parseKey(raw: string): Key {
  return keyOf(goURLBytes.parse(goURLBytes.encode(raw), true));
}

/** Go's `%q` of a byte string, for messages. */
const q = goURLBytes.quote;

/** Why two keys differ under the exact rule, `""` when they do not. */
function difference(spec: Key, target: Key): string {
  const parts: string[] = [];
  if (spec.scheme !== target.scheme) parts.push(`scheme ${q(spec.scheme)} ≠ ${q(target.scheme)}`);
  if (spec.host !== target.host) parts.push(`host ${q(spec.host)} ≠ ${q(target.host)}`);
  if (spec.path !== target.path) parts.push(`path ${q(spec.path)} ≠ ${q(target.path)} (after path.Clean)`);
  return parts.join('; ');
}

function quoteJs(s: string): string {
  return q(goURLBytes.encode(s));
}

/**
 * Grafana's `urlMatch(specs, target, signatureType)`, step for step: `target` is parsed first (an error ends the
 * check with no attempts); then each entry in order is parsed (an error ends the check), compared exactly (scheme
 * as lowercased by the parser, host as written including case and port, `path.Clean` of the request URI, so
 * trailing slashes do not matter), and, only when `signatureType` is `private-glob`, compiled as a gobwas glob with
 * separators `/` and `.` and matched against the raw `target` (a bad glob ends the check). The first match wins.
 *
 * `target` is used as given: call {@link normalizeAppUrl} first, as Grafana does. Go's `url.Parse` is applied with
 * Go 1.26 defaults (strict colons for http/https).
 *
 * @param rootUrls the manifest's `rootUrls`
 * @param appUrl the Grafana app URL (normally ending in `/`)
 * @param signatureType the manifest's `signatureType`
 * @returns (a promise: the glob port is loaded on first use) `matched`, one {@link RootUrlAttempt} per entry examined, and `error` (Go's `url.Parse` message, or
 *   `invalid glob "<entry>": <gobwas message>`) when Grafana would fail with an error instead of a verdict
 */
export async function urlMatch(rootUrls: string[], appUrl: string, signatureType: string): Promise<UrlMatchResult> {
  const attempts: RootUrlAttempt[] = [];
  let target: Key;
  try {
    target = parseKey(appUrl);
  } catch (e) {
    if (e instanceof GoURLError) return { matched: false, attempts, error: e.message };
    throw e;
  }
  for (const rootUrl of rootUrls) {
    const attempt = (matched: boolean, reason: string, how?: 'exact' | 'glob'): RootUrlAttempt =>
      how === undefined ? { rootUrl, appUrl, matched, reason } : { rootUrl, appUrl, matched, how, reason };
    let spec: Key;
    try {
      spec = parseKey(rootUrl);
    } catch (e) {
      if (!(e instanceof GoURLError)) throw e;
      attempts.push(attempt(false, `does not parse: ${e.reason}`));
      return { matched: false, attempts, error: e.message };
    }
    const diff = difference(spec, target);
    if (diff === '') {
      attempts.push(attempt(true, 'matches', 'exact'));
      return { matched: true, attempts };
    }
    if (signatureType !== PRIVATE_GLOB_SIGNATURE) {
      attempts.push(attempt(false, diff));
      continue;
    }
    // The gobwas/glob port is loaded only for a private-glob manifest (see docs/performance.md).
    const { GlobPanicError, GlobSyntaxError, compileGlob } = await import('../go/glob/glob.js');
    let matches: boolean;
    try {
      matches = compileGlob(rootUrl, ['/', '.'])(appUrl);
    } catch (e) {
      if (e instanceof GlobSyntaxError) {
        const error = `invalid glob ${quoteJs(rootUrl)}: ${e.message}`;
        attempts.push(attempt(false, `${diff}; ${error}`));
        return { matched: false, attempts, error };
      }
      if (e instanceof GlobPanicError) {
        const error = `glob ${quoteJs(rootUrl)} makes gobwas/glob panic (Grafana would crash): ${e.message}`;
        attempts.push(attempt(false, `${diff}; ${error}`));
        return { matched: false, attempts, error };
      }
      throw e;
    }
    if (matches) {
      attempts.push(attempt(true, `glob ${quoteJs(rootUrl)} matches`, 'glob'));
      return { matched: true, attempts };
    }
    attempts.push(attempt(false, `${diff}; glob ${quoteJs(rootUrl)} does not match`));
  }
  return { matched: false, attempts };
}

/**
 * Whether two root URLs are the same under the exact (non-glob) condition of Grafana's `urlMatch`
 * (`specURL.Scheme == targetURL.Scheme && specURL.Host == targetURL.Host && path.Clean(specURL.RequestURI()) ==
 * path.Clean(targetURL.RequestURI())`, pkg/plugins/manager/signature/manifest.go): equal scheme (lowercased by the
 * parser), equal host as written (case and port included) and equal `path.Clean` of the request URI
 * (`escapedPath` or `/`, plus `?query`). So `http://localhost:3000` and `http://localhost:3000/` are the same,
 * `https://example.com:443/` and `https://example.com/` are not.
 *
 * @returns `false` when either does not parse with Go's `url.Parse`
 */
export function sameRootUrl(a: string, b: string): boolean {
  try {
    return difference(parseKey(a), parseKey(b)) === '';
  } catch (e) {
    if (e instanceof GoURLError) return false;
    throw e;
  }
}

/** The raw host of an absolute URL as written (`scheme://[userinfo@]host[:port]`), or null when it has none. */
function rawHost(raw: string): string | null {
  const at = hostStart(raw);
  return at < 0 ? null : /^[^/?#]*/.exec(raw.slice(at))![0];
}

/** Index of the host in an absolute URL (after `//` and any `userinfo@`), -1 when it has no authority. */
function hostStart(raw: string): number {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(raw);
  if (!m) return -1;
  return m[0].length - m[1].length + m[1].lastIndexOf('@') + 1;
}

/**
 * Whether `raw`'s host holds a `[` that does not start it (e.g. `http://a[b]/`): Go 1.25.8 / 1.26.1 and later refuse
 * such a host (`invalid IP-literal`, CVE-2026-25679), older Go accepted it and compared it as written.
 */
export function hasMidBracketHost(raw: string): boolean {
  const host = rawHost(raw);
  return host !== null && host.lastIndexOf('[') > 0;
}

/** Host-safe characters that stand in for `[` and `]` when replaying the check as older Go parsed it. */
const BRACKET_STAND_INS = ['()', '!*', "$'", ';='];

/**
 * What Grafana builds with a Go older than 1.25.8 / 1.26.1 decide for `urlMatch(rootUrls, appUrl, signatureType)`
 * when a host holds a `[` that does not start it (CVE-2026-25679, see {@link hasMidBracketHost}): those Go versions
 * parsed such a host as an ordinary name and compared it as written. Replayed by replacing `[`/`]` in those hosts
 * with a pair of host-safe characters that appear nowhere in the inputs, so equality is unchanged.
 *
 * @returns (resolves to) `undefined` when no URL has such a host, or when the replay cannot be exact (`private-glob`, where `[` is
 *   glob syntax; a host that also starts with `[`); otherwise whether older builds match.
 */
export async function legacyBracketHostMatch(
  rootUrls: readonly string[],
  appUrl: string,
  signatureType: string,
): Promise<boolean | undefined> {
  const all = [...rootUrls, appUrl];
  const affected = all.filter(hasMidBracketHost);
  if (affected.length === 0 || signatureType === PRIVATE_GLOB_SIGNATURE) return undefined;
  if (affected.some((u) => rawHost(u)!.startsWith('['))) return undefined;
  const pair = BRACKET_STAND_INS.find(([a, b]) => all.every((u) => !u.includes(a) && !u.includes(b)));
  if (!pair) return undefined;
  const replay = (u: string): string => {
    if (!hasMidBracketHost(u)) return u;
    const host = rawHost(u)!;
    const start = hostStart(u);
    return u.slice(0, start) + host.replaceAll('[', pair[0]).replaceAll(']', pair[1]) + u.slice(start + host.length);
  };
  return (await urlMatch(rootUrls.map(replay), replay(appUrl), signatureType)).matched;
}
