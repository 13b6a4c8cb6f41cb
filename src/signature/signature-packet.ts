/**
 * Signature packets parsed as go-crypto `openpgp/packet/signature.go` (`parse`, `parseSignatureSubpackets`,
 * `parseSignatureSubpacket`) does: versions, hash and public-key algorithms, salts, subpackets and their criticality.
 */

import {
  BytesReader,
  EMPTY,
  ioReadFull,
  type Reader,
  readFull,
  Recorder,
  structural,
  unsupported,
} from './packet-reader.js';

/** go-crypto hash names by OpenPGP hash ID (`algorithm.hashNames` plus the two it no longer supports). */
export const HASH_NAMES: Record<number, string> = {
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
export const NODE_HASH: Record<number, string> = {
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
export const KNOWN_TAGS = new Set([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 17, 18, 20, 21]);

/** go-crypto's verification error text per public-key algorithm ID, when the arithmetic fails. */
export const VERIFY_FAILURE: Record<number, string> = {
  1: 'RSA verification failure',
  3: 'RSA verification failure',
  17: 'DSA verification failure',
  19: 'ECDSA verification failure',
  22: 'EdDSA verification failure',
  27: 'Ed25519 verification failure',
  28: 'ed448 verification failure',
};

/** A signature packet as go-crypto's `packet.Signature` holds it after `parse`. */
export interface ParsedSignature {
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
export interface SeenSignature {
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
export function parseSignature(r0: Reader, seen: SeenSignature): ParsedSignature {
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
