/**
 * Grafana `ReadPluginManifest` (`pkg/plugins/manager/signature/manifest.go`) as one function: decode the cleartext
 * signature, parse the JSON, validate the fields, find the key for `keyId`, check the signature. The first failure
 * decides, with Grafana's words; every failure here makes Grafana's verdict `invalid` (docs/verification.md#order,
 * checks 4–7).
 */
import { ManifestFormatError } from '../errors.js';
import type { SignedManifest } from '../manifest/types.js';
import type { SignatureCheck } from './check-signature.js';
import { decodeCleartext, type CleartextBlock } from './cleartext.js';
import type { TrustedKey, TrustedKeys } from './keys.js';
import { manifestFieldError, parseManifestJson } from './manifest-json.js';

/** The result of {@link readPluginManifest}. */
export type ManifestReading =
  | { ok: true; manifest: SignedManifest; block: CleartextBlock; key: TrustedKey; signature: SignatureCheck }
  | {
      ok: false;
      /** Which of Grafana's steps failed: cleartext decoding, JSON, required fields, key lookup, signature. */
      step: 'decode' | 'json' | 'fields' | 'key' | 'signature';
      /** Grafana's words. */
      message: string;
      manifest?: SignedManifest;
      block?: CleartextBlock;
    };

/**
 * The error for a `keyId` no trusted key has. Grafana's key retrievers format it as
 * `fmt.Errorf("missing public key for %s", keyID)`; Grafana's words for check 7 (docs/verification.md#order) are
 * "missing public key for ID", which is kept so the ID is named as such: `missing public key for ID 7e4d0c6a708866e7`.
 */
export function missingKeyMessage(keyId: string): string {
  return `missing public key for ID ${keyId}`;
}

/**
 * Reads and verifies a MANIFEST.txt as Grafana's `ReadPluginManifest` does, in its order:
 *
 * 1. go-crypto `clearsign.Decode` → `unable to decode manifest` (step `decode`);
 * 2. Go `json.Unmarshal` into `PluginManifest` → `Error parsing manifest JSON: …` (step `json`);
 * 3. `validateManifest` field checks → `valid manifest field X is required` / `X is not a valid signature type`
 *    (step `fields`);
 * 4. key provider lookup of exactly `keyId` → `missing public key for ID <keyId>` (step `key`);
 * 5. go-crypto `CheckDetachedSignature` → `failed to check signature: …` (step `signature`; a key OpenPGP.js
 *    cannot read gives `failed to parse public key: …`, step `key`).
 *
 * The size check (files under 10 bytes are `unsigned`) and everything after the signature (manifest version,
 * plugin id and version, root URLs, file hashes) belong to the caller.
 *
 * @param bytes the MANIFEST.txt bytes, unchanged.
 * @param keys the trusted keys (Grafana's key provider).
 * @param now Grafana's clock for the signature's time checks (defaults to now).
 * @returns a {@link ManifestReading}; never throws for bad input.
 */
export async function readPluginManifest(bytes: Uint8Array, keys: TrustedKeys, now?: Date): Promise<ManifestReading> {
  const block = decodeCleartext(bytes);
  if (block === null) return { ok: false, step: 'decode', message: 'unable to decode manifest' };

  let manifest: SignedManifest;
  try {
    manifest = parseManifestJson(block.plaintext);
  } catch (e) {
    if (e instanceof ManifestFormatError) return { ok: false, step: 'json', message: e.message, block };
    throw e;
  }

  const fieldError = manifestFieldError(manifest);
  if (fieldError !== null) return { ok: false, step: 'fields', message: fieldError, manifest, block };

  const key = keys.get(manifest.keyId);
  if (!key) return { ok: false, step: 'key', message: missingKeyMessage(manifest.keyId), manifest, block };

  // Loaded only when a signature is checked: the module brings OpenPGP.js (see docs/performance.md).
  const { checkDetachedSignature } = await import('./check-signature.js');
  const signature = await checkDetachedSignature(block, key, now);
  if (!signature.ok) {
    const message = signature.error ?? 'failed to check signature';
    const step = message.startsWith('failed to parse public key') ? 'key' : 'signature';
    return { ok: false, step, message, manifest, block };
  }
  return { ok: true, manifest, block, key, signature };
}
