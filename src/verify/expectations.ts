/**
 * What the user expects on top of Grafana's verdict: a signature type (level) and a set of root URLs.
 */
import type { SignatureType } from '../manifest/types.js';
import { sameRootUrl } from './root-url.js';
import type { VerifyResult } from './verify.js';

export interface Expectations {
  /** Expected `signatureType`, e.g. `community`. */
  signatureType?: SignatureType;
  /** Expected root URLs: the manifest's `rootUrls` must be this set (compared as Grafana's `urlMatch` would). */
  rootUrls?: readonly string[];
}

export interface ExpectationCheck {
  name: 'signature-type' | 'root-urls';
  met: boolean;
  expected: string;
  actual: string;
  /** One line for people, e.g. `expected signature type community, manifest says private`. */
  message: string;
}

/**
 * Checks the expectations against a verification result.
 *
 * Root URLs: every expected URL must equal one of the manifest's and vice versa, with Grafana's exact rule
 * (scheme, host as written, `path.Clean` of the request URI), so `https://a.com` and `https://a.com/` are equal.
 *
 * @returns one check per expectation given (none when `expectations` is empty).
 */
export function checkExpectations(result: VerifyResult, expectations: Expectations): ExpectationCheck[] {
  const checks: ExpectationCheck[] = [];
  const manifest = result.manifest;
  if (expectations.signatureType) {
    const actual = manifest?.signatureType ?? '';
    const met = actual === expectations.signatureType;
    checks.push({
      name: 'signature-type',
      met,
      expected: expectations.signatureType,
      actual,
      message: met
        ? `signature type is ${actual}, as expected`
        : `expected signature type ${expectations.signatureType}, ${manifest ? `the manifest says ${actual || '(none)'}` : 'there is no readable manifest'}`,
    });
  }
  if (expectations.rootUrls && expectations.rootUrls.length > 0) {
    const expected = expectations.rootUrls;
    const actual = manifest?.rootUrls ?? [];
    const missing = expected.filter((e) => !actual.some((a) => sameRootUrl(a, e)));
    const extra = actual.filter((a) => !expected.some((e) => sameRootUrl(a, e)));
    const met = manifest !== undefined && missing.length === 0 && extra.length === 0;
    const parts = [];
    if (missing.length) parts.push(`missing ${missing.join(', ')}`);
    if (extra.length) parts.push(`unexpected ${extra.join(', ')}`);
    checks.push({
      name: 'root-urls',
      met,
      expected: expected.join(', '),
      actual: actual.join(', '),
      message: met
        ? `root URLs are ${actual.join(', ')}, as expected`
        : `expected root URLs ${expected.join(', ')}, the manifest has ${actual.length ? actual.join(', ') : 'none'}${parts.length ? ` (${parts.join('; ')})` : ''}`,
    });
  }
  return checks;
}
