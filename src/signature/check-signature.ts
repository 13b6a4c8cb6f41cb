/**
 * The detached-signature check of a MANIFEST.txt, as Grafana runs it:
 *
 * ```go
 * keyring, err := openpgp.ReadArmoredKeyRing(publicKey)            // "failed to parse public key: …"
 * _, err = openpgp.CheckDetachedSignature(keyring, bytes.NewBuffer(block.Bytes),
 *     block.ArmoredSignature.Body, &packet.Config{})                // "failed to check signature: …"
 * ```
 *
 * The decisions are ProtonMail go-crypto's (`openpgp/read.go` `verifyDetachedSignature`, `checkSignatureDetails`,
 * `packet/signature.go` `parse`, `packet/public_key.go` `VerifySignature`) and are taken here; OpenPGP.js only does
 * the public-key arithmetic (`SignaturePacket.verify` with no date, no algorithm policy). `openpgp.verify` is not
 * used because its policy differs from go-crypto's: it rejects a v4 signature whose 2-byte hash tag is wrong
 * (go-crypto ignores the tag below v5), rejects SHA-1 by default, checks the key's validity at the signature's
 * creation time and rejects keys newer than the signature (go-crypto checks expiry and revocation at "now" only),
 * and does not skip unsupported signature packets the way go-crypto's packet reader does.
 *
 * This module is the verification policy (`verifyDetachedSignature`, `checkSignatureDetails`); beside it are
 * `packet-reader.ts` (packet framing and go-crypto's error model), `signature-packet.ts` (signature packets) and
 * `key-ring.ts` (the trusted keys as go-crypto's key ring sees them).
 */

import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import { openArmor } from './armor.js';
import type { CleartextBlock } from './cleartext.js';
import type { TrustedKey } from './keys.js';
import {
  type KeyPacket,
  keysByIdForSigning,
  NO_DATE,
  PERMISSIVE,
  readKeyRing,
  type RingEntity,
  type RingKey,
} from './key-ring.js';
import {
  ArmorBodyReader,
  consumeAll,
  ERR_KEY_EXPIRED,
  ERR_KEY_REVOKED,
  ERR_SIGNATURE_EXPIRED,
  ERR_UNKNOWN_ISSUER,
  GoError,
  invalidArgument,
  type Reader,
  readHeader,
  signatureError,
  structural,
  unsupported,
} from './packet-reader.js';
import {
  HASH_NAMES,
  KNOWN_TAGS,
  NODE_HASH,
  type ParsedSignature,
  parseSignature,
  type SeenSignature,
  VERIFY_FAILURE,
} from './signature-packet.js';

/** The outcome of {@link checkDetachedSignature}. */
export interface SignatureCheck {
  ok: boolean;
  /** Grafana's words when `ok` is false: `failed to check signature: <go-crypto error>`. */
  error?: string;
  /** Issuer key ID (lowercase hex) of the signature packet that was checked (or last read). */
  issuerKeyId?: string;
  /** go-crypto's name of the signature's hash, e.g. `SHA512`, `SHA3-256`, `MD5`. */
  hashAlgorithm?: string;
  /** The signature's creation time. */
  created?: Date;
}

/**
 * go-crypto `NewCanonicalTextHash` input transformation: a `\n` not preceded by `\r` becomes `\r\n` (the byte
 * right after a `\r` is copied whatever it is, as go-crypto's two-state writer does). Copies runs between the
 * changed line feeds into one buffer: grafana.com's text is already CRLF, so usually nothing changes.
 */
function goCanonicalText(data: Uint8Array): Uint8Array {
  const feeds: number[] = [];
  let afterCr = false;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (afterCr) afterCr = false;
    else if (c === 0x0d) afterCr = true;
    else if (c === 0x0a) feeds.push(i);
  }
  if (feeds.length === 0) return data;
  const out = new Uint8Array(data.length + feeds.length);
  let from = 0;
  let at = 0;
  for (const i of feeds) {
    out.set(data.subarray(from, i), at);
    at += i - from;
    out[at++] = 0x0d;
    out[at++] = 0x0a;
    from = i + 1;
  }
  out.set(data.subarray(from), at);
  return out;
}

const unix = (d: Date | null | undefined) => Math.floor((d?.getTime() ?? 0) / 1000);

/** go-crypto `Signature.SigExpired` for a parsed or an OpenPGP.js signature. */
function sigExpired(creation: number, lifetime: number, now: number): boolean {
  if (creation > now) return true;
  if (lifetime === 0) return false;
  return now > creation + lifetime;
}

function pgpSigExpired(s: openpgp.SignaturePacket, now: number): boolean {
  return sigExpired(unix(s.created), s.signatureExpirationTime ?? 0, now);
}

/** go-crypto `PublicKey.KeyExpired`. */
function keyExpired(packet: KeyPacket, selfSignature: openpgp.SignaturePacket | undefined, now: number): boolean {
  const created = unix(packet.created);
  if (created > now) return true;
  const lifetime = selfSignature?.keyExpirationTime ?? 0;
  if (!lifetime) return false;
  return now > created + lifetime;
}

/** go-crypto `revoked`: a key-compromised revocation always counts, others once created. */
function revoked(revocations: openpgp.SignaturePacket[], now: number): boolean {
  return revocations.some(
    (r) => r.reasonForRevocationFlag === openpgp.enums.reasonForRevocation.keyCompromised || !pgpSigExpired(r, now),
  );
}

/** go-crypto `checkSignatureDetails`. */
function checkSignatureDetails(key: RingKey, sig: ParsedSignature, now: number): string | null {
  const entity = key.entity;
  const primarySelf = entity.primarySelfSignature;
  const keySigs: (openpgp.SignaturePacket | null | undefined)[] = [primarySelf];
  if (key.isSubkey) keySigs.push(key.selfSignature, key.selfSignature?.embeddedSignature);
  const critical =
    sig.notations.find((n) => n.critical) ?? keySigs.flatMap((s) => s?.rawNotations ?? []).find((n) => n.critical);
  if (critical) return signatureError(`unknown critical notation: ${critical.name}`);
  if (
    revoked(entity.revocations, now) ||
    (key.isSubkey && revoked(key.revocations, now)) ||
    (entity.primaryIdentityRevocations !== null && revoked(entity.primaryIdentityRevocations, now))
  ) {
    return ERR_KEY_REVOKED;
  }
  if (keyExpired(entity.primary, primarySelf, now)) return ERR_KEY_EXPIRED;
  if (key.isSubkey && keyExpired(key.packet, key.selfSignature, now)) return ERR_KEY_EXPIRED;
  if (sigExpired(sig.creation, sig.lifetime, now)) return ERR_SIGNATURE_EXPIRED;
  if (keySigs.some((s) => s && pgpSigExpired(s, now))) return ERR_SIGNATURE_EXPIRED;
  return null;
}

/** go-crypto `PublicKey.VerifySignature`, with OpenPGP.js doing the public-key operation. */
async function verifyWithKey(
  key: RingKey,
  sig: ParsedSignature,
  data: Uint8Array,
  digest: Buffer,
): Promise<string | null> {
  const keyAlgo = key.packet.algorithm as number;
  if (keyAlgo === 2 || keyAlgo === 16 || keyAlgo === 18) {
    return invalidArgument('public key cannot generate signatures');
  }
  if (sig.version >= 5 && (digest[0] !== sig.hashTag[0] || digest[1] !== sig.hashTag[1])) {
    return signatureError("hash tag doesn't match");
  }
  if (keyAlgo !== sig.pubKeyAlgo) return invalidArgument('public key and signature use different algorithms');

  const packet = new openpgp.SignaturePacket();
  try {
    (packet as unknown as { read(bytes: Uint8Array, config: openpgp.Config): void }).read(sig.raw, PERMISSIVE);
  } catch (e) {
    return signatureError(
      `${VERIFY_FAILURE[sig.pubKeyAlgo]} (OpenPGP.js cannot read this signature: ${(e as Error).message})`,
    );
  }
  // Only the arithmetic is OpenPGP.js's: go-crypto ignores the v4 hash tag and applies its own policy afterwards.
  const loose = packet as unknown as Record<string, unknown>;
  loose.issuerKeyID = key.packet.getKeyID();
  loose.signedHashValue = digest.subarray(0, 2);
  loose.unknownSubpackets = [];
  loose.rawNotations = [];
  loose.revocationKeyClass = null;
  const literal = new openpgp.LiteralDataPacket();
  (literal as unknown as { setBytes(b: Uint8Array, f: openpgp.enums.literal): void }).setBytes(
    data,
    openpgp.enums.literal.binary,
  );
  try {
    await packet.verify(key.packet, sig.sigType, literal, NO_DATE, true, PERMISSIVE);
    return null;
  } catch (e) {
    const message = (e as Error).message;
    if (message === 'Signature verification failed') return signatureError(VERIFY_FAILURE[sig.pubKeyAlgo]);
    return signatureError(`${VERIFY_FAILURE[sig.pubKeyAlgo]} (OpenPGP.js: ${message})`);
  }
}

/**
 * Checks the detached signature of a decoded MANIFEST.txt against one trusted key, as go-crypto
 * `openpgp.CheckDetachedSignature(keyring, block.Bytes, block.ArmoredSignature.Body, &packet.Config{})` does for
 * Grafana.
 *
 * go-crypto's rules, reproduced:
 * - signature packets are read in order; a packet go-crypto does not support (version other than 4 or 6, MD5 or
 *   RIPEMD-160 hash, unknown algorithm, unknown critical subpacket) is skipped; a signature without an issuer,
 *   a malformed packet or a non-signature packet is an error; the first signature whose issuer key ID is in the
 *   key ring with the sign flag is checked; none → `openpgp: signature made by unknown entity`;
 * - hashes SHA-1, SHA-224, SHA-256, SHA-384, SHA-512, SHA3-256, SHA3-512; binary (0x00) and text (0x01)
 *   signatures (text: `\n` → `\r\n` before hashing); the cleartext `Hash:` header is not compared;
 * - the 2-byte hash tag is checked only for v6 signatures; then the public-key check
 *   (`openpgp: invalid signature: ECDSA verification failure`, …);
 * - then, at `now`: critical notations, revocation (`signature made by revoked key`), key expiry (`key expired`),
 *   and expiry of the signature and the self-signatures, a creation time in the future included
 *   (`signature expired`).
 *
 * @param block the decoded MANIFEST.txt (its `signedBytes` and `armoredSignature`).
 * @param key the trusted key Grafana's key provider returned for the manifest's `keyId`.
 * @param now Grafana's clock (defaults to the current time); compared in whole seconds, as Go does.
 * @returns `{ ok: true, … }` or `{ ok: false, error: 'failed to check signature: …' }` (or
 *   `failed to parse public key: …` when OpenPGP.js cannot read `key.armored`). Never throws for a bad signature.
 */
export async function checkDetachedSignature(
  block: CleartextBlock,
  key: TrustedKey,
  now: Date = new Date(),
): Promise<SignatureCheck> {
  const nowSeconds = unix(now);
  let ring: RingEntity[];
  try {
    ring = await readKeyRing(key.armored);
  } catch (e) {
    return { ok: false, error: `failed to parse public key: ${(e as Error).message}` };
  }

  let stream: Reader;
  try {
    stream = new ArmorBodyReader(openArmor(block.armoredSignature).body);
  } catch (e) {
    // decodeCleartext only returns blocks whose armor decodes; this is for hand-made blocks.
    return { ok: false, error: `failed to check signature: ${(e as Error).message}` };
  }
  let seen: SeenSignature = {};
  const describe = (s: SeenSignature): Omit<SignatureCheck, 'ok' | 'error'> => ({
    ...(s.issuerKeyId !== undefined && { issuerKeyId: s.issuerKeyId }),
    ...(s.hashId !== undefined && { hashAlgorithm: HASH_NAMES[s.hashId] ?? `hash ${s.hashId}` }),
    ...(s.creation !== undefined && s.creation >= 0 && { created: new Date(s.creation * 1000) }),
  });
  const fail = (message: string): SignatureCheck => ({
    ok: false,
    error: `failed to check signature: ${message}`,
    ...describe(seen),
  });

  // verifyDetachedSignature: find the first signature packet whose issuer is in the key ring.
  let sig: ParsedSignature | undefined;
  let keys: RingKey[] = [];
  for (;;) {
    let header: { tag: number; contents: Reader };
    try {
      header = readHeader(stream);
    } catch (e) {
      const err = e as GoError;
      return fail(err.kind === 'eof' ? ERR_UNKNOWN_ISSUER : err.message);
    }
    const { tag, contents } = header;
    if (tag === 2) {
      seen = {};
      try {
        sig = parseSignature(contents, seen);
      } catch (e) {
        const err = e as GoError;
        consumeAll(contents);
        if (err.kind === 'unsupported') continue;
        if (err.kind === 'eof') return fail(ERR_UNKNOWN_ISSUER);
        return fail(err.message);
      }
      if (sig.issuerKeyId === undefined) return fail(structural("signature doesn't have an issuer").message);
      keys = keysByIdForSigning(ring, sig.issuerKeyId);
      if (keys.length > 0) break;
      continue;
    }
    consumeAll(contents);
    if (tag === 12 || tag >= 40) continue; // unknown (non-critical) packet types are skipped
    if (KNOWN_TAGS.has(tag)) return fail(structural('non signature packet found').message);
    return fail(`openpgp: unknown critical packet type: ${tag}`);
  }

  if (sig.sigType !== 0 && sig.sigType !== 1) {
    return fail(unsupported(`unsupported signature type: ${sig.sigType}`).message);
  }
  const data = sig.sigType === 1 ? goCanonicalText(block.signedBytes) : new Uint8Array(block.signedBytes);
  const hash = createHash(NODE_HASH[sig.hashId]);
  if (sig.salt) hash.update(sig.salt);
  const digest = hash.update(data).update(sig.hashSuffix).digest();

  let error: string | null = null;
  for (const k of keys) {
    error = await verifyWithKey(k, sig, data, digest);
    if (error === null) {
      const detail = checkSignatureDetails(k, sig, nowSeconds);
      return detail === null ? { ok: true, ...describe(seen) } : fail(detail);
    }
  }
  return fail(error!);
}
