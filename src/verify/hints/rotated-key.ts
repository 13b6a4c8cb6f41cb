/** Cause `rotated-key`: the manifest is signed by a key grafana.com publishes, which this Grafana does not trust. */
import type { Hint } from '../findings.js';

/**
 * Proves `rotated-key` for a key ID no trusted key has: grafana.com published exactly that key ID at
 * `/plugins/ci/keys` when the keys were fetched.
 *
 * @param keyId the manifest's `keyId`; @param published the key IDs fetched (undefined when none were).
 */
export function rotatedKeyHint(keyId: string, published: ReadonlySet<string> | undefined): Hint | undefined {
  if (!published?.has(keyId)) return undefined;
  return {
    cause: 'rotated-key',
    detail: `key ID ${keyId} is one grafana.com publishes at /plugins/ci/keys, but not one this Grafana trusts`,
    fix:
      'grafana.com rotated its signing key: let Grafana fetch keys (public_key_retrieval_disabled = false, ' +
      'grafana.com reachable) or update Grafana; to verify here, use fetch-keys with key retrieval enabled',
  };
}
