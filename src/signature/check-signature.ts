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
 */
import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import { decodeArmor, openArmor, type GoReader } from './armor.js';
import type { CleartextBlock } from './cleartext.js';
import type { TrustedKey } from './keys.js';

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

// ---------------------------------------------------------------------------------------------------------------
// Go error model
// ---------------------------------------------------------------------------------------------------------------

/**
 * An error as go-crypto would return it. `kind` drives the packet reader: `eof` ends the packet stream,
 * `unsupported` and `unknown-packet` make it skip the packet, anything else is returned to the caller.
 */
class GoError extends Error {
  constructor(
    message: string,
    readonly kind: 'eof' | 'unsupported' | 'unknown-packet' | 'fatal',
  ) {
    super(message);
  }
}
const eof = () => new GoError('EOF', 'eof');
const unexpectedEof = () => new GoError('unexpected EOF', 'fatal');
const structural = (s: string) => new GoError(`openpgp: invalid data: ${s}`, 'fatal');
const unsupported = (s: string) => new GoError(`openpgp: unsupported feature: ${s}`, 'unsupported');
const signatureError = (s: string) => `openpgp: invalid signature: ${s}`;
const invalidArgument = (s: string) => `openpgp: invalid argument: ${s}`;
const ERR_UNKNOWN_ISSUER = 'openpgp: signature made by unknown entity';
const ERR_SIGNATURE_EXPIRED = 'openpgp: signature expired';
const ERR_KEY_EXPIRED = 'openpgp: key expired';
const ERR_KEY_REVOKED = 'openpgp: signature made by revoked key';

const EMPTY = new Uint8Array(0);

/** A Go `io.Reader`: some bytes, or an error once nothing is left. */
interface Reader {
  read(max: number): { bytes: Uint8Array; err?: GoError };
}

/** A Go `bytes.Buffer` as a reader. */
class BytesReader implements Reader {
  private pos = 0;
  constructor(private readonly data: Uint8Array) {}
  read(max: number) {
    if (max === 0) return { bytes: EMPTY };
    if (this.pos >= this.data.length) return { bytes: EMPTY, err: eof() };
    const n = Math.min(max, this.data.length - this.pos);
    const bytes = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return { bytes };
  }
}

/** `block.ArmoredSignature.Body` (the armor stream of {@link openArmor}) with its errors as {@link GoError}s. */
class ArmorBodyReader implements Reader {
  constructor(private readonly body: GoReader) {}
  read(max: number) {
    const { bytes, err } = this.body.read(max);
    if (err === undefined) return { bytes };
    return { bytes, err: err === 'EOF' ? eof() : new GoError(err, 'fatal') };
  }
}

/** go-crypto `packet.spanReader`: a limited reader that turns an early EOF into `unexpected EOF`. */
class SpanReader implements Reader {
  constructor(
    private readonly r: Reader,
    private n: number,
  ) {}
  read(max: number) {
    if (this.n <= 0) return { bytes: EMPTY, err: eof() };
    const res = this.r.read(Math.min(max, this.n));
    this.n -= res.bytes.length;
    if (this.n > 0 && res.err?.kind === 'eof') return { bytes: res.bytes, err: unexpectedEof() };
    return res;
  }
}

/** go-crypto `packet.partialLengthReader` (RFC 4880 §4.2.2.4). */
class PartialLengthReader implements Reader {
  constructor(
    private readonly r: Reader,
    private remaining: number,
    private isPartial: boolean,
  ) {}
  read(max: number) {
    while (this.remaining === 0) {
      if (!this.isPartial) return { bytes: EMPTY, err: eof() };
      try {
        [this.remaining, this.isPartial] = readLength(this.r);
      } catch (e) {
        return { bytes: EMPTY, err: e as GoError };
      }
    }
    const toRead = Math.min(max, this.remaining);
    const res = this.r.read(toRead);
    this.remaining -= res.bytes.length;
    if (res.bytes.length < toRead && res.err?.kind === 'eof') return { bytes: res.bytes, err: unexpectedEof() };
    return res;
  }
}

/** Records what a parser read, so the exact packet body can be handed to OpenPGP.js. */
class Recorder implements Reader {
  readonly chunks: Uint8Array[] = [];
  constructor(private readonly r: Reader) {}
  read(max: number) {
    const res = this.r.read(max);
    if (res.bytes.length) this.chunks.push(res.bytes);
    return res;
  }
  bytes(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

/** Go `io.ReadFull`: `n` bytes, or EOF when none could be read, `unexpected EOF` (or the reader's error) when some. */
function ioReadFull(r: Reader, n: number): Uint8Array {
  if (n === 0) return EMPTY;
  const chunks: Uint8Array[] = [];
  let got = 0;
  while (got < n) {
    const res = r.read(n - got);
    if (res.bytes.length) {
      chunks.push(res.bytes);
      got += res.bytes.length;
    }
    if (res.err && got < n) {
      if (got === 0) throw res.err;
      throw res.err.kind === 'eof' ? unexpectedEof() : res.err;
    }
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

/** go-crypto `packet.readFull`: `io.ReadFull` where reading nothing is `unexpected EOF` too. */
function readFull(r: Reader, n: number): Uint8Array {
  try {
    return ioReadFull(r, n);
  } catch (e) {
    throw (e as GoError).kind === 'eof' ? unexpectedEof() : e;
  }
}

function consumeAll(r: Reader): void {
  for (;;) if (r.read(1024).err) return;
}

/** go-crypto `packet.readLength` (new-format packet lengths). */
function readLength(r: Reader): [length: number, isPartial: boolean] {
  const b = readFull(r, 1)[0];
  if (b < 192) return [b, false];
  if (b < 224) return [((b - 192) << 8) + readFull(r, 1)[0] + 192, false];
  if (b < 255) return [2 ** (b & 0x1f), true];
  const l = readFull(r, 4);
  return [((l[0] << 24) >>> 0) + (l[1] << 16) + (l[2] << 8) + l[3], false];
}

/** go-crypto `packet.readHeader`: the packet tag and a reader over its contents. */
function readHeader(r: Reader): { tag: number; contents: Reader } {
  const b = ioReadFull(r, 1)[0]; // a clean EOF here ends the packet stream
  if ((b & 0x80) === 0) throw structural('tag byte does not have MSB set');
  if ((b & 0x40) === 0) {
    const tag = (b & 0x3f) >> 2;
    const lengthType = b & 3;
    if (lengthType === 3) return { tag, contents: r };
    const lb = readFull(r, 1 << lengthType);
    let length = 0;
    for (const x of lb) length = length * 256 + x;
    return { tag, contents: new SpanReader(r, length) };
  }
  const tag = b & 0x3f;
  const [length, isPartial] = readLength(r);
  return { tag, contents: isPartial ? new PartialLengthReader(r, length, true) : new SpanReader(r, length) };
}

// ---------------------------------------------------------------------------------------------------------------
// Signature packets, parsed as go-crypto packet/signature.go does
// ---------------------------------------------------------------------------------------------------------------

/** go-crypto hash names by OpenPGP hash ID (`algorithm.hashNames` plus the two it no longer supports). */
const HASH_NAMES: Record<number, string> = {
  1: 'MD5',
  2: 'SHA1',
  3: 'RIPEMD160',
  8: 'SHA256',
  9: 'SHA384',
  10: 'SHA512',
  11: 'SHA224',
  12: 'SHA3-256',
  14: 'SHA3-512',
};
/** Node's digest names for the hashes go-crypto accepts. */
const NODE_HASH: Record<number, string> = {
  2: 'sha1',
  8: 'sha256',
  9: 'sha384',
  10: 'sha512',
  11: 'sha224',
  12: 'sha3-256',
  14: 'sha3-512',
};
/** `algorithm.HashIdToHashWithSha1` (v4 signatures) and `HashIdToHash` (v6): no MD5, no RIPEMD-160. */
const HASHES_V4 = new Set([2, 8, 9, 10, 11, 12, 14]);
const HASHES_V6 = new Set([8, 9, 10, 11, 12, 14]);
/** Signature algorithms go-crypto parses: RSA, RSA sign-only, DSA, ECDSA, EdDSA (legacy), Ed25519, Ed448. */
const SIG_ALGOS = new Set([1, 3, 17, 19, 22, 27, 28]);
/** v6 salt sizes (`packet.SaltLengthForHash`). */
const SALT_SIZES: Record<number, number> = { 8: 16, 9: 24, 10: 32, 11: 16, 12: 16, 14: 32 };
/** Packet tags go-crypto's `packet.Read` knows (other than signature 2 and trust 12). */
const KNOWN_TAGS = new Set([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 17, 18, 20, 21]);
const VERIFY_FAILURE: Record<number, string> = {
  1: 'RSA verification failure',
  3: 'RSA verification failure',
  17: 'DSA verification failure',
  19: 'ECDSA verification failure',
  22: 'EdDSA verification failure',
  27: 'Ed25519 verification failure',
  28: 'ed448 verification failure',
};

interface ParsedSignature {
  version: number;
  sigType: number;
  pubKeyAlgo: number;
  hashId: number;
  /** go-crypto `Signature.HashSuffix`: the hashed part of the packet and the v4/v6 trailer. */
  hashSuffix: Uint8Array;
  /** Creation time, Unix seconds (hashed subpacket). */
  creation: number;
  /** Signature lifetime in seconds, 0 for none. */
  lifetime: number;
  issuerKeyId?: string;
  notations: { name: string; critical: boolean }[];
  hashTag: Uint8Array;
  salt?: Uint8Array;
  embedded?: ParsedSignature;
  /** The packet body bytes the parser consumed. */
  raw: Uint8Array;
}

/** What was learnt about a signature packet before it parsed or failed, for reporting. */
interface SeenSignature {
  hashId?: number;
  issuerKeyId?: string;
  creation?: number;
}

const u16 = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32 = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** go-crypto `encoding.MPI.ReadFrom`. */
function readMpi(r: Reader): void {
  const bits = u16(readFull(r, 2), 0);
  readFull(r, (bits + 7) >> 3);
}

/** go-crypto `Signature.parse`. Throws a {@link GoError}. */
function parseSignature(r0: Reader, seen: SeenSignature): ParsedSignature {
  const r = new Recorder(r0);
  const version = readFull(r, 1)[0];
  if (version !== 4 && version !== 5 && version !== 6) throw unsupported(`signature packet version ${version}`);
  if (version === 5) throw unsupported('support for parsing v5 entities is disabled; build with `-tags v5` if needed');
  const head = readFull(r, version === 6 ? 7 : 5);
  const [sigType, pubKeyAlgo, hashId] = head;
  seen.hashId = hashId;
  if (!SIG_ALGOS.has(pubKeyAlgo)) throw unsupported(`public key algorithm ${pubKeyAlgo}`);
  if (!(version < 5 ? HASHES_V4 : HASHES_V6).has(hashId)) throw unsupported(`hash function ${hashId}`);
  const hashedLength = version === 6 ? u32(head, 3) : u16(head, 3);
  const hashed = readFull(r, hashedLength);

  // buildHashSuffix
  const prefix = Buffer.concat([Buffer.from([version, sigType, pubKeyAlgo, hashId]), head.subarray(3), hashed]);
  const trailer = Buffer.alloc(6);
  trailer[0] = version;
  trailer[1] = 0xff;
  trailer.writeUInt32BE(prefix.length, 2);
  const sig: ParsedSignature = {
    version,
    sigType,
    pubKeyAlgo,
    hashId,
    hashSuffix: Buffer.concat([prefix, trailer]),
    creation: -1,
    lifetime: 0,
    notations: [],
    hashTag: EMPTY,
    raw: EMPTY,
  };
  parseSubpackets(sig, hashed, true);
  seen.creation = sig.creation;
  seen.issuerKeyId = sig.issuerKeyId;
  const unhashedLength = version === 6 ? u32(readFull(r, 4), 0) : u16(readFull(r, 2), 0);
  parseSubpackets(sig, readFull(r, unhashedLength), false);
  seen.issuerKeyId = sig.issuerKeyId;
  sig.hashTag = readFull(r, 2);
  if (version === 6) {
    const saltLength = readFull(r, 1)[0];
    if (saltLength !== SALT_SIZES[hashId]) throw structural('unexpected salt size for the given hash algorithm');
    sig.salt = readFull(r, saltLength);
  }
  switch (pubKeyAlgo) {
    case 1:
    case 3:
      readMpi(r);
      break;
    case 17:
    case 19:
    case 22:
      readMpi(r);
      readMpi(r);
      break;
    case 27:
    case 28:
      // ed25519/ed448.ReadSignature use io.ReadFull: a clean EOF stays EOF (and ends go-crypto's packet stream).
      ioReadFull(r, pubKeyAlgo === 27 ? 64 : 114);
      break;
  }
  sig.raw = r.bytes();
  return sig;
}

/** go-crypto `parseSignatureSubpackets`. */
function parseSubpackets(sig: ParsedSignature, data: Uint8Array, isHashed: boolean): void {
  let rest = data;
  while (rest.length > 0) rest = parseSubpacket(sig, rest, isHashed);
  if (sig.creation < 0) throw structural('no creation time in signature');
}

/** go-crypto `parseSignatureSubpacket`: returns the bytes after this subpacket. */
function parseSubpacket(sig: ParsedSignature, data: Uint8Array, isHashed: boolean): Uint8Array {
  let length: number;
  let sub: Uint8Array;
  const truncated = () => structural('signature subpacket truncated');
  if (data[0] < 192) {
    length = data[0];
    sub = data.subarray(1);
  } else if (data[0] < 255) {
    if (data.length < 2) throw truncated();
    length = ((data[0] - 192) << 8) + data[1] + 192;
    sub = data.subarray(2);
  } else {
    if (data.length < 5) throw truncated();
    length = u32(data, 1);
    sub = data.subarray(5);
  }
  if (length > sub.length) throw truncated();
  const rest = sub.subarray(length);
  sub = sub.subarray(0, length);
  if (sub.length === 0) throw structural('zero length signature subpacket');
  const type = sub[0] & 0x7f;
  const critical = (sub[0] & 0x80) !== 0;
  sub = sub.subarray(1);
  if (!isHashed && type !== 16 && type !== 33 && type !== 32) return rest;
  switch (type) {
    case 2: // creation time
      if (sub.length !== 4) throw structural('signature creation time not four bytes');
      sig.creation = u32(sub, 0);
      break;
    case 3: // signature expiration
      if (sub.length !== 4) throw structural('expiration subpacket with bad length');
      sig.lifetime = u32(sub, 0);
      break;
    case 4: // exportable certification
      // go-crypto indexes subpacket[0] without a length check: an empty one panics.
      if (sub.length === 0) throw structural('empty exportable certification subpacket (go-crypto panics on it)');
      if (sub[0] === 0) throw unsupported('signature with non-exportable certification');
      break;
    case 5:
      if (sub.length !== 2) throw structural('trust subpacket with bad length');
      break;
    case 6:
      if (sub.length === 0) throw structural('regexp subpacket with bad length');
      if (sub[sub.length - 1] !== 0) throw structural('expected regular expression to be null-terminated');
      break;
    case 9:
      if (sub.length !== 4) throw structural('key expiration subpacket with bad length');
      break;
    case 16: // issuer key ID
      if (sig.version > 4 && isHashed) throw structural('issuer subpacket found in v6 key');
      if (sub.length !== 8) throw structural('issuer subpacket with bad length');
      if (sig.version <= 4) sig.issuerKeyId = hex(sub);
      break;
    case 20: {
      // notation data
      if (sub.length < 8) throw structural('notation data subpacket with bad length');
      const nameLength = u16(sub, 4);
      const valueLength = u16(sub, 6);
      if (sub.length !== nameLength + valueLength + 8) throw structural('notation data subpacket with bad length');
      sig.notations.push({ name: Buffer.from(sub.subarray(8, 8 + nameLength)).toString('utf8'), critical });
      break;
    }
    case 25:
      if (sub.length !== 1) throw structural('primary user id subpacket with bad length');
      break;
    case 29:
      if (sub.length === 0) throw structural('empty revocation reason subpacket');
      break;
    case 32: {
      // embedded signature
      if (sig.embedded) throw structural('Cannot have multiple embedded signatures');
      sig.embedded = parseSignature(new BytesReader(sub), {});
      if (sig.embedded.sigType !== 0x19)
        throw structural(`cross-signature has unexpected type ${sig.embedded.sigType}`);
      break;
    }
    case 33: {
      // issuer fingerprint
      if (sub.length === 0) throw structural('empty issuer fingerprint subpacket');
      const v = sub[0];
      const l = sub.length - 1;
      if ((v >= 5 && l !== 32) || (v < 5 && l !== 20)) throw structural('bad fingerprint length');
      sig.issuerKeyId = v >= 5 ? hex(sub.subarray(1, 9)) : hex(sub.subarray(13, 21));
      break;
    }
    case 35: {
      if (sub.length < 1) throw structural('invalid intended recipient fingerpring length');
      const v = sub[0];
      const l = sub.length - 1;
      if ((v >= 5 && l !== 32) || (v < 5 && l !== 20)) throw structural('invalid fingerprint length');
      break;
    }
    case 39:
      if (sub.length % 2 !== 0) throw structural('invalid aead cipher suite length');
      break;
    case 11:
    case 21:
    case 22:
    case 23:
    case 24:
    case 26:
    case 27:
    case 28:
    case 30:
      break;
    default:
      if (critical) throw unsupported(`unknown critical signature subpacket type ${type}`);
  }
  return rest;
}

// ---------------------------------------------------------------------------------------------------------------
// The key ring, seen the way go-crypto's EntityList sees it
// ---------------------------------------------------------------------------------------------------------------

type KeyPacket = openpgp.PublicKeyPacket | openpgp.PublicSubkeyPacket;

interface RingKey {
  entity: RingEntity;
  packet: KeyPacket;
  keyId: string;
  isSubkey: boolean;
  /** go-crypto `Key.SelfSignature`: primary self-signature, or the subkey's latest binding signature. */
  selfSignature?: openpgp.SignaturePacket;
  /** Verified revocations of this key. */
  revocations: openpgp.SignaturePacket[];
}

interface RingEntity {
  primary: KeyPacket;
  /** go-crypto `Entity.PrimarySelfSignature()`. */
  primarySelfSignature?: openpgp.SignaturePacket;
  /** Verified revocations of the primary identity, or `null` when there is no primary identity (v6 keys). */
  primaryIdentityRevocations: openpgp.SignaturePacket[] | null;
  /** Verified key revocations. */
  revocations: openpgp.SignaturePacket[];
  keys: RingKey[];
}

/** OpenPGP.js configuration that lets `SignaturePacket.verify` do arithmetic only (go-crypto applies the policy). */
const PERMISSIVE: openpgp.Config = {
  ...openpgp.config,
  rejectHashAlgorithms: new Set(),
  rejectMessageHashAlgorithms: new Set(),
  rejectPublicKeyAlgorithms: new Set(),
  rejectCurves: new Set(),
  minRSABits: 0,
};

/** `SignaturePacket.verify` skips its own time checks when given a null date. */
const NO_DATE = null as unknown as Date;

const latest = (sigs: openpgp.SignaturePacket[]) =>
  sigs.reduce<openpgp.SignaturePacket | undefined>(
    (best, s) => (!best || (s.created?.getTime() ?? 0) > (best.created?.getTime() ?? 0) ? s : best),
    undefined,
  );

async function validOnly(
  sigs: openpgp.SignaturePacket[],
  check: (s: openpgp.SignaturePacket) => Promise<void>,
): Promise<openpgp.SignaturePacket[]> {
  const ok: openpgp.SignaturePacket[] = [];
  for (const s of sigs) {
    try {
      await check(s);
      ok.push(s);
    } catch {
      // go-crypto drops (or refuses) revocations it cannot verify
    }
  }
  return ok;
}

const isPrimaryId = (s: openpgp.SignaturePacket | undefined) => s?.isPrimaryUserID === true;

/** go-crypto `shouldPreferIdentity` (v1): fewer revocations, then the primary-user-ID flag, then the later one. */
function shouldPreferIdentity(
  existing: { selfSignature?: openpgp.SignaturePacket; revocations: unknown[] } | undefined,
  candidate: { selfSignature?: openpgp.SignaturePacket; revocations: unknown[] },
): boolean {
  if (!existing) return true;
  if (existing.revocations.length > candidate.revocations.length) return true;
  if (existing.revocations.length < candidate.revocations.length) return false;
  if (!existing.selfSignature) return true;
  if (isPrimaryId(existing.selfSignature) && !isPrimaryId(candidate.selfSignature)) return false;
  if (!isPrimaryId(existing.selfSignature) && isPrimaryId(candidate.selfSignature)) return true;
  return (candidate.selfSignature?.created?.getTime() ?? 0) > (existing.selfSignature.created?.getTime() ?? 0);
}

async function buildEntity(key: openpgp.Key): Promise<RingEntity> {
  const primary = key.keyPacket as KeyPacket;
  const enums = openpgp.enums.signature;
  // Revocations are verified without a date (go-crypto checks their time at verification time, in `revoked`).
  const entity: RingEntity = {
    primary,
    primaryIdentityRevocations: null,
    revocations: await validOnly(key.revocationSignatures, (s) =>
      s.verify(primary, enums.keyRevocation, { key: primary }, NO_DATE, false, PERMISSIVE),
    ),
    keys: [],
  };

  if (primary.version === 6) {
    entity.primarySelfSignature = latest(
      (key as unknown as { directSignatures: openpgp.SignaturePacket[] }).directSignatures,
    );
  } else {
    let chosen: { selfSignature?: openpgp.SignaturePacket; revocations: openpgp.SignaturePacket[] } | undefined;
    for (const user of key.users) {
      if (!user.userID) continue;
      const userID = user.userID;
      const identity = {
        selfSignature: latest(user.selfCertifications),
        revocations: await validOnly(user.revocationSignatures, (s) =>
          s.verify(primary, enums.certRevocation, { key: primary, userID }, NO_DATE, false, PERMISSIVE),
        ),
      };
      if (shouldPreferIdentity(chosen, identity)) chosen = identity;
    }
    entity.primarySelfSignature = chosen?.selfSignature;
    entity.primaryIdentityRevocations = chosen ? chosen.revocations : null;
  }
  entity.keys.push({
    entity,
    packet: primary,
    keyId: primary.getKeyID().toHex(),
    isSubkey: false,
    selfSignature: entity.primarySelfSignature,
    revocations: entity.revocations,
  });
  for (const subkey of key.subkeys) {
    const packet = subkey.keyPacket as KeyPacket;
    entity.keys.push({
      entity,
      packet,
      keyId: packet.getKeyID().toHex(),
      isSubkey: true,
      selfSignature: latest(subkey.bindingSignatures),
      revocations: await validOnly(subkey.revocationSignatures, (s) =>
        s.verify(primary, enums.subkeyRevocation, { key: primary, bind: packet }, NO_DATE, false, PERMISSIVE),
      ),
    });
  }
  return entity;
}

const ringCache = new Map<string, Promise<RingEntity[]>>();

/**
 * go-crypto `openpgp.ReadArmoredKeyRing`: the armor is decoded with go-crypto's rules (no CRC check, type must be
 * a public or private key block), the packets are read by OpenPGP.js `readKeys`. Cached per armored text.
 */
function readKeyRing(armored: string): Promise<RingEntity[]> {
  let ring = ringCache.get(armored);
  if (!ring) {
    ring = (async () => {
      let block: ReturnType<typeof decodeArmor>;
      try {
        block = decodeArmor(Buffer.from(armored));
      } catch {
        throw new Error(invalidArgument('no armored data found'));
      }
      if (block.type !== 'PGP PUBLIC KEY BLOCK' && block.type !== 'PGP PRIVATE KEY BLOCK') {
        throw new Error(invalidArgument(`expected public or private key block, got: ${block.type}`));
      }
      if (block.bodyError !== undefined) throw new Error(block.bodyError);
      const keys = await openpgp.readKeys({ binaryKeys: block.body, config: PERMISSIVE });
      return Promise.all(keys.map(buildEntity));
    })();
    ringCache.set(armored, ring);
    ring.catch(() => ringCache.delete(armored));
  }
  return ring;
}

/** go-crypto `EntityList.KeysByIdUsage(id, packet.KeyFlagSign)`: the self-signature must carry the sign flag. */
function keysByIdForSigning(ring: RingEntity[], keyId: string): RingKey[] {
  return ring
    .flatMap((e) => e.keys)
    .filter(
      (k) => k.keyId === keyId && k.selfSignature?.keyFlags != null && (k.selfSignature.keyFlags[0] & 0x02) !== 0,
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------------------------

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
  return revocations.some((r) => r.reasonForRevocationFlag === 2 || !pgpSigExpired(r, now));
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
