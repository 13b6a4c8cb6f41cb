/**
 * Notes for verdicts that differ between Grafana builds (issue 11): the status always stays the one current Grafana
 * gives; these `grafana-build` findings (information only) say which builds decide otherwise.
 */
import { MANIFEST_FILE } from '../manifest/build.js';
import { finding, type Finding } from './findings.js';
import { hasMidBracketHost, legacyBracketHostMatch } from './root-url.js';

/** go-crypto `nameToHash`: the `Hash:` header names it knows (openpgp/clearsign/clearsign.go). */
const GO_CRYPTO_HASH_NAMES = new Set(['SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'SHA3-256', 'SHA3-512']);

/**
 * A note when the cleartext `Hash:` headers name a hash go-crypto does not know: go-crypto >= 1.4 refuses such a
 * message ("unknown hash algorithm in cleartext message headers"), the go-crypto 1.1.6 of the Grafana release
 * docs/verification.md#cleartext follows never compares the header, which is the status given.
 *
 * @param hashHeaders the `Hash:` values as decoded (`CleartextBlock.hashHeaders`). @returns the note, or undefined.
 */
export function hashHeaderNote(hashHeaders: readonly string[]): Finding | undefined {
  const unknown = hashHeaders.filter((h) => !GO_CRYPTO_HASH_NAMES.has(h));
  if (unknown.length === 0) return undefined;
  return finding(
    'grafana-build',
    `depends on the Grafana build: the cleartext header names an unknown hash (Hash: ${unknown.join(', ')}); ` +
      'Grafana with go-crypto 1.1.6 ignores it (the status given), builds with go-crypto 1.4 or later refuse the ' +
      'manifest as invalid; sign again to get "Hash: SHA512"',
    { check: 4, path: MANIFEST_FILE, actual: unknown.join(', ') },
  );
}

/**
 * A note for a manifest that is not version 2: current Grafana says `invalid` (the status given), only old Grafana
 * releases loaded v1 manifests (SHA-1 hashes, no `manifestVersion`).
 */
export function manifestVersionNote(manifestVersion: string): Finding {
  return finding(
    'grafana-build',
    `depends on the Grafana build: manifestVersion "${manifestVersion}" is a v1 manifest, which only old Grafana ` +
      'releases accepted; current Grafana says invalid (the status given); sign again for a 2.0.0 manifest',
    { check: 8, path: MANIFEST_FILE, expected: '2.0.0', actual: manifestVersion },
  );
}

/**
 * A note when a root URL (or the app URL) has a host with a `[` that does not start it: Grafana built with Go
 * 1.25.8 / 1.26.1 or later refuses to parse it (CVE-2026-25679; the status given), older builds parse it and
 * match or not as replayed by `legacyBracketHostMatch`.
 *
 * @returns the note, or undefined when no such host is involved.
 */
export async function bracketHostNote(
  rootUrls: readonly string[],
  appUrl: string,
  signatureType: string,
): Promise<Finding | undefined> {
  const hosts = [...rootUrls, appUrl].filter(hasMidBracketHost);
  if (hosts.length === 0) return undefined;
  const legacy = await legacyBracketHostMatch(rootUrls, appUrl, signatureType);
  const older =
    legacy === undefined
      ? 'builds with older Go parse it and may decide otherwise'
      : `builds with older Go parse it and would ${legacy ? 'match' : 'still not match'} ${appUrl}`;
  return finding(
    'grafana-build',
    `depends on the Grafana build: ${hosts.join(', ')} has a "[" inside its host, which Go 1.25.8 / 1.26.1 and ` +
      `later refuse (CVE-2026-25679, the status given); ${older}; use a plain host name`,
    { check: 11, expected: rootUrls.join(', '), actual: appUrl },
  );
}
