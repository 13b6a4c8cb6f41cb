export const id = 726;
export const ids = [726];
export const modules = {

/***/ 8726:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkDetachedSignature: () => (/* binding */ checkDetachedSignature)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/openpgp/dist/node/openpgp.min.mjs
var openpgp_min = __webpack_require__(5520);
// EXTERNAL MODULE: ./lib/signature/armor.js
var armor = __webpack_require__(897);
;// CONCATENATED MODULE: ./lib/signature/packet-reader.js
/**
 * OpenPGP packet framing read as ProtonMail go-crypto reads it (`openpgp/packet/packet.go` `readHeader`,
 * `readLength`, `partialLengthReader`, `spanReader`; Go's `io.ReadFull`), with go-crypto's error model: which
 * errors end the read (`unexpected EOF`, `invalid data`) and which only skip a packet (`unsupported feature`).
 */
/**
 * An error as go-crypto would return it. `kind` drives the packet reader: `eof` ends the packet stream,
 * `unsupported` and `unknown-packet` make it skip the packet, anything else is returned to the caller.
 */
class GoError extends Error {
    kind;
    constructor(message, kind) {
        super(message);
        this.kind = kind;
    }
}
const eof = () => new GoError('EOF', 'eof');
const unexpectedEof = () => new GoError('unexpected EOF', 'fatal');
/** go-crypto `errors.StructuralError`: the packet stream is malformed; reading stops. */
const structural = (s) => new GoError(`openpgp: invalid data: ${s}`, 'fatal');
/** go-crypto `errors.UnsupportedError`: the packet is skipped, reading goes on. */
const unsupported = (s) => new GoError(`openpgp: unsupported feature: ${s}`, 'unsupported');
/** go-crypto `errors.SignatureError` text. */
const signatureError = (s) => `openpgp: invalid signature: ${s}`;
/** go-crypto `errors.InvalidArgumentError` text. */
const invalidArgument = (s) => `openpgp: invalid argument: ${s}`;
/** go-crypto `errors.ErrUnknownIssuer`. */
const ERR_UNKNOWN_ISSUER = 'openpgp: signature made by unknown entity';
/** go-crypto `errors.ErrSignatureExpired`. */
const ERR_SIGNATURE_EXPIRED = 'openpgp: signature expired';
/** go-crypto `errors.ErrKeyExpired`. */
const ERR_KEY_EXPIRED = 'openpgp: key expired';
/** go-crypto `errors.ErrKeyRevoked`. */
const ERR_KEY_REVOKED = 'openpgp: signature made by revoked key';
/** An empty byte slice (Go's `nil` read result). */
const EMPTY = new Uint8Array(0);
/** A Go `bytes.Buffer` as a reader. */
class BytesReader {
    data;
    pos = 0;
    constructor(data) {
        this.data = data;
    }
    read(max) {
        if (max === 0)
            return { bytes: EMPTY };
        if (this.pos >= this.data.length)
            return { bytes: EMPTY, err: eof() };
        const n = Math.min(max, this.data.length - this.pos);
        const bytes = this.data.subarray(this.pos, this.pos + n);
        this.pos += n;
        return { bytes };
    }
}
/** `block.ArmoredSignature.Body` (the armor stream of {@link openArmor}) with its errors as {@link GoError}s. */
class ArmorBodyReader {
    body;
    constructor(body) {
        this.body = body;
    }
    read(max) {
        const { bytes, err } = this.body.read(max);
        if (err === undefined)
            return { bytes };
        return { bytes, err: err === 'EOF' ? eof() : new GoError(err, 'fatal') };
    }
}
/** go-crypto `packet.spanReader`: a limited reader that turns an early EOF into `unexpected EOF`. */
class SpanReader {
    r;
    n;
    constructor(r, n) {
        this.r = r;
        this.n = n;
    }
    read(max) {
        if (this.n <= 0)
            return { bytes: EMPTY, err: eof() };
        const res = this.r.read(Math.min(max, this.n));
        this.n -= res.bytes.length;
        if (this.n > 0 && res.err?.kind === 'eof')
            return { bytes: res.bytes, err: unexpectedEof() };
        return res;
    }
}
/** go-crypto `packet.partialLengthReader` (RFC 4880 §4.2.2.4). */
class PartialLengthReader {
    r;
    remaining;
    isPartial;
    constructor(r, remaining, isPartial) {
        this.r = r;
        this.remaining = remaining;
        this.isPartial = isPartial;
    }
    read(max) {
        while (this.remaining === 0) {
            if (!this.isPartial)
                return { bytes: EMPTY, err: eof() };
            try {
                [this.remaining, this.isPartial] = readLength(this.r);
            }
            catch (e) {
                return { bytes: EMPTY, err: e };
            }
        }
        const toRead = Math.min(max, this.remaining);
        const res = this.r.read(toRead);
        this.remaining -= res.bytes.length;
        if (res.bytes.length < toRead && res.err?.kind === 'eof')
            return { bytes: res.bytes, err: unexpectedEof() };
        return res;
    }
}
/** Records what a parser read, so the exact packet body can be handed to OpenPGP.js. */
class Recorder {
    r;
    chunks = [];
    constructor(r) {
        this.r = r;
    }
    read(max) {
        const res = this.r.read(max);
        if (res.bytes.length)
            this.chunks.push(res.bytes);
        return res;
    }
    bytes() {
        return Buffer.concat(this.chunks);
    }
}
/** Go `io.ReadFull`: `n` bytes, or EOF when none could be read, `unexpected EOF` (or the reader's error) when some. */
function ioReadFull(r, n) {
    if (n === 0)
        return EMPTY;
    const chunks = [];
    let got = 0;
    while (got < n) {
        const res = r.read(n - got);
        if (res.bytes.length) {
            chunks.push(res.bytes);
            got += res.bytes.length;
        }
        if (res.err && got < n) {
            if (got === 0)
                throw res.err;
            throw res.err.kind === 'eof' ? unexpectedEof() : res.err;
        }
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}
/** go-crypto `packet.readFull`: `io.ReadFull` where reading nothing is `unexpected EOF` too. */
function readFull(r, n) {
    try {
        return ioReadFull(r, n);
    }
    catch (e) {
        throw e.kind === 'eof' ? unexpectedEof() : e;
    }
}
/** Go `io.Copy(io.Discard, r)`: reads `r` to its end; throws what reading throws. */
function consumeAll(r) {
    for (;;)
        if (r.read(1024).err)
            return;
}
/** go-crypto `packet.readLength` (new-format packet lengths). */
function readLength(r) {
    const b = readFull(r, 1)[0];
    if (b < 192)
        return [b, false];
    if (b < 224)
        return [((b - 192) << 8) + readFull(r, 1)[0] + 192, false];
    if (b < 255)
        return [2 ** (b & 0x1f), true];
    const l = readFull(r, 4);
    return [((l[0] << 24) >>> 0) + (l[1] << 16) + (l[2] << 8) + l[3], false];
}
/** go-crypto `packet.readHeader`: the packet tag and a reader over its contents. */
function readHeader(r) {
    const b = ioReadFull(r, 1)[0]; // a clean EOF here ends the packet stream
    if ((b & 0x80) === 0)
        throw structural('tag byte does not have MSB set');
    if ((b & 0x40) === 0) {
        const tag = (b & 0x3f) >> 2;
        const lengthType = b & 3;
        if (lengthType === 3)
            return { tag, contents: r };
        const lb = readFull(r, 1 << lengthType);
        let length = 0;
        for (const x of lb)
            length = length * 256 + x;
        return { tag, contents: new SpanReader(r, length) };
    }
    const tag = b & 0x3f;
    const [length, isPartial] = readLength(r);
    return { tag, contents: isPartial ? new PartialLengthReader(r, length, true) : new SpanReader(r, length) };
}

;// CONCATENATED MODULE: ./lib/signature/key-ring.js
/**
 * The trusted keys as go-crypto's `openpgp.ReadArmoredKeyRing` and `EntityList.KeysByIdUsage` see them: entities,
 * their self-signatures, primary identities, subkeys, expiry and revocations (`openpgp/keys.go`), built from
 * OpenPGP.js's parsed keys with go-crypto's choices.
 */



/** OpenPGP.js configuration that lets `SignaturePacket.verify` do arithmetic only (go-crypto applies the policy). */
const PERMISSIVE = {
    ...openpgp_min/* config */.$W,
    rejectHashAlgorithms: new Set(),
    rejectMessageHashAlgorithms: new Set(),
    rejectPublicKeyAlgorithms: new Set(),
    rejectCurves: new Set(),
    minRSABits: 0,
};
/** `SignaturePacket.verify` skips its own time checks when given a null date. */
const NO_DATE = null;
const latest = (sigs) => sigs.reduce((best, s) => (!best || (s.created?.getTime() ?? 0) > (best.created?.getTime() ?? 0) ? s : best), undefined);
async function validOnly(sigs, check) {
    const ok = [];
    for (const s of sigs) {
        try {
            await check(s);
            ok.push(s);
        }
        catch {
            // go-crypto drops (or refuses) revocations it cannot verify
        }
    }
    return ok;
}
const isPrimaryId = (s) => s?.isPrimaryUserID === true;
/** go-crypto `shouldPreferIdentity` (v1): fewer revocations, then the primary-user-ID flag, then the later one. */
function shouldPreferIdentity(existing, candidate) {
    if (!existing)
        return true;
    if (existing.revocations.length > candidate.revocations.length)
        return true;
    if (existing.revocations.length < candidate.revocations.length)
        return false;
    if (!existing.selfSignature)
        return true;
    if (isPrimaryId(existing.selfSignature) && !isPrimaryId(candidate.selfSignature))
        return false;
    if (!isPrimaryId(existing.selfSignature) && isPrimaryId(candidate.selfSignature))
        return true;
    return (candidate.selfSignature?.created?.getTime() ?? 0) > (existing.selfSignature.created?.getTime() ?? 0);
}
async function buildEntity(key) {
    const primary = key.keyPacket;
    const enums = openpgp_min/* enums */.vP.signature;
    // Revocations are verified without a date (go-crypto checks their time at verification time, in `revoked`).
    const entity = {
        primary,
        primaryIdentityRevocations: null,
        revocations: await validOnly(key.revocationSignatures, (s) => s.verify(primary, enums.keyRevocation, { key: primary }, NO_DATE, false, PERMISSIVE)),
        keys: [],
    };
    if (primary.version === 6) {
        entity.primarySelfSignature = latest(key.directSignatures);
    }
    else {
        let chosen;
        for (const user of key.users) {
            if (!user.userID)
                continue;
            const userID = user.userID;
            const identity = {
                selfSignature: latest(user.selfCertifications),
                revocations: await validOnly(user.revocationSignatures, (s) => s.verify(primary, enums.certRevocation, { key: primary, userID }, NO_DATE, false, PERMISSIVE)),
            };
            if (shouldPreferIdentity(chosen, identity))
                chosen = identity;
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
        const packet = subkey.keyPacket;
        entity.keys.push({
            entity,
            packet,
            keyId: packet.getKeyID().toHex(),
            isSubkey: true,
            selfSignature: latest(subkey.bindingSignatures),
            revocations: await validOnly(subkey.revocationSignatures, (s) => s.verify(primary, enums.subkeyRevocation, { key: primary, bind: packet }, NO_DATE, false, PERMISSIVE)),
        });
    }
    return entity;
}
const ringCache = new Map();
/**
 * go-crypto `openpgp.ReadArmoredKeyRing`: the armor is decoded with go-crypto's rules (no CRC check, type must be
 * a public or private key block), the packets are read by OpenPGP.js `readKeys`. Cached per armored text.
 */
function readKeyRing(armored) {
    let ring = ringCache.get(armored);
    if (!ring) {
        ring = (async () => {
            let block;
            try {
                block = (0,armor/* decodeArmor */.u1)(Buffer.from(armored));
            }
            catch {
                throw new Error(invalidArgument('no armored data found'));
            }
            if (block.type !== 'PGP PUBLIC KEY BLOCK' && block.type !== 'PGP PRIVATE KEY BLOCK') {
                throw new Error(invalidArgument(`expected public or private key block, got: ${block.type}`));
            }
            if (block.bodyError !== undefined)
                throw new Error(block.bodyError);
            const keys = await openpgp_min.readKeys({ binaryKeys: block.body, config: PERMISSIVE });
            return Promise.all(keys.map(buildEntity));
        })();
        ringCache.set(armored, ring);
        ring.catch(() => ringCache.delete(armored));
    }
    return ring;
}
/** go-crypto `EntityList.KeysByIdUsage(id, packet.KeyFlagSign)`: the self-signature must carry the sign flag. */
function keysByIdForSigning(ring, keyId) {
    return ring
        .flatMap((e) => e.keys)
        .filter((k) => k.keyId === keyId && k.selfSignature?.keyFlags != null && (k.selfSignature.keyFlags[0] & 0x02) !== 0);
}

;// CONCATENATED MODULE: ./lib/signature/signature-packet.js
/**
 * Signature packets parsed as go-crypto `openpgp/packet/signature.go` (`parse`, `parseSignatureSubpackets`,
 * `parseSignatureSubpacket`) does: versions, hash and public-key algorithms, salts, subpackets and their criticality.
 */

/** go-crypto hash names by OpenPGP hash ID (`algorithm.hashNames` plus the two it no longer supports). */
const HASH_NAMES = {
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
const NODE_HASH = {
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
const SALT_SIZES = { 8: 16, 9: 24, 10: 32, 11: 16, 12: 16, 14: 32 };
/** Packet tags go-crypto's `packet.Read` knows (other than signature 2 and trust 12). */
const KNOWN_TAGS = new Set([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 17, 18, 20, 21]);
/** go-crypto's verification error text per public-key algorithm ID, when the arithmetic fails. */
const VERIFY_FAILURE = {
    1: 'RSA verification failure',
    3: 'RSA verification failure',
    17: 'DSA verification failure',
    19: 'ECDSA verification failure',
    22: 'EdDSA verification failure',
    27: 'Ed25519 verification failure',
    28: 'ed448 verification failure',
};
const u16 = (b, i) => (b[i] << 8) | b[i + 1];
const u32 = (b, i) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
const hex = (b) => Buffer.from(b).toString('hex');
/** go-crypto `encoding.MPI.ReadFrom`. */
function readMpi(r) {
    const bits = u16(readFull(r, 2), 0);
    readFull(r, (bits + 7) >> 3);
}
/** go-crypto `Signature.parse`. Throws a {@link GoError}. */
function parseSignature(r0, seen) {
    const r = new Recorder(r0);
    const version = readFull(r, 1)[0];
    if (version !== 4 && version !== 5 && version !== 6)
        throw unsupported(`signature packet version ${version}`);
    if (version === 5)
        throw unsupported('support for parsing v5 entities is disabled; build with `-tags v5` if needed');
    const head = readFull(r, version === 6 ? 7 : 5);
    const [sigType, pubKeyAlgo, hashId] = head;
    seen.hashId = hashId;
    if (!SIG_ALGOS.has(pubKeyAlgo))
        throw unsupported(`public key algorithm ${pubKeyAlgo}`);
    if (!(version < 5 ? HASHES_V4 : HASHES_V6).has(hashId))
        throw unsupported(`hash function ${hashId}`);
    const hashedLength = version === 6 ? u32(head, 3) : u16(head, 3);
    const hashed = readFull(r, hashedLength);
    // buildHashSuffix
    const prefix = Buffer.concat([Buffer.from([version, sigType, pubKeyAlgo, hashId]), head.subarray(3), hashed]);
    const trailer = Buffer.alloc(6);
    trailer[0] = version;
    trailer[1] = 0xff;
    trailer.writeUInt32BE(prefix.length, 2);
    const sig = {
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
        if (saltLength !== SALT_SIZES[hashId])
            throw structural('unexpected salt size for the given hash algorithm');
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
function parseSubpackets(sig, data, isHashed) {
    let rest = data;
    while (rest.length > 0)
        rest = parseSubpacket(sig, rest, isHashed);
    if (sig.creation < 0)
        throw structural('no creation time in signature');
}
/** go-crypto `parseSignatureSubpacket`: returns the bytes after this subpacket. */
function parseSubpacket(sig, data, isHashed) {
    let length;
    let sub;
    const truncated = () => structural('signature subpacket truncated');
    if (data[0] < 192) {
        length = data[0];
        sub = data.subarray(1);
    }
    else if (data[0] < 255) {
        if (data.length < 2)
            throw truncated();
        length = ((data[0] - 192) << 8) + data[1] + 192;
        sub = data.subarray(2);
    }
    else {
        if (data.length < 5)
            throw truncated();
        length = u32(data, 1);
        sub = data.subarray(5);
    }
    if (length > sub.length)
        throw truncated();
    const rest = sub.subarray(length);
    sub = sub.subarray(0, length);
    if (sub.length === 0)
        throw structural('zero length signature subpacket');
    const type = sub[0] & 0x7f;
    const critical = (sub[0] & 0x80) !== 0;
    sub = sub.subarray(1);
    if (!isHashed && type !== 16 && type !== 33 && type !== 32)
        return rest;
    switch (type) {
        case 2: // creation time
            if (sub.length !== 4)
                throw structural('signature creation time not four bytes');
            sig.creation = u32(sub, 0);
            break;
        case 3: // signature expiration
            if (sub.length !== 4)
                throw structural('expiration subpacket with bad length');
            sig.lifetime = u32(sub, 0);
            break;
        case 4: // exportable certification
            // go-crypto indexes subpacket[0] without a length check: an empty one panics.
            if (sub.length === 0)
                throw structural('empty exportable certification subpacket (go-crypto panics on it)');
            if (sub[0] === 0)
                throw unsupported('signature with non-exportable certification');
            break;
        case 5:
            if (sub.length !== 2)
                throw structural('trust subpacket with bad length');
            break;
        case 6:
            if (sub.length === 0)
                throw structural('regexp subpacket with bad length');
            if (sub[sub.length - 1] !== 0)
                throw structural('expected regular expression to be null-terminated');
            break;
        case 9:
            if (sub.length !== 4)
                throw structural('key expiration subpacket with bad length');
            break;
        case 16: // issuer key ID
            if (sig.version > 4 && isHashed)
                throw structural('issuer subpacket found in v6 key');
            if (sub.length !== 8)
                throw structural('issuer subpacket with bad length');
            if (sig.version <= 4)
                sig.issuerKeyId = hex(sub);
            break;
        case 20: {
            // notation data
            if (sub.length < 8)
                throw structural('notation data subpacket with bad length');
            const nameLength = u16(sub, 4);
            const valueLength = u16(sub, 6);
            if (sub.length !== nameLength + valueLength + 8)
                throw structural('notation data subpacket with bad length');
            sig.notations.push({ name: Buffer.from(sub.subarray(8, 8 + nameLength)).toString('utf8'), critical });
            break;
        }
        case 25:
            if (sub.length !== 1)
                throw structural('primary user id subpacket with bad length');
            break;
        case 29:
            if (sub.length === 0)
                throw structural('empty revocation reason subpacket');
            break;
        case 32: {
            // embedded signature
            if (sig.embedded)
                throw structural('Cannot have multiple embedded signatures');
            sig.embedded = parseSignature(new BytesReader(sub), {});
            if (sig.embedded.sigType !== 0x19)
                throw structural(`cross-signature has unexpected type ${sig.embedded.sigType}`);
            break;
        }
        case 33: {
            // issuer fingerprint
            if (sub.length === 0)
                throw structural('empty issuer fingerprint subpacket');
            const v = sub[0];
            const l = sub.length - 1;
            if ((v >= 5 && l !== 32) || (v < 5 && l !== 20))
                throw structural('bad fingerprint length');
            sig.issuerKeyId = v >= 5 ? hex(sub.subarray(1, 9)) : hex(sub.subarray(13, 21));
            break;
        }
        case 35: {
            if (sub.length < 1)
                throw structural('invalid intended recipient fingerpring length');
            const v = sub[0];
            const l = sub.length - 1;
            if ((v >= 5 && l !== 32) || (v < 5 && l !== 20))
                throw structural('invalid fingerprint length');
            break;
        }
        case 39:
            if (sub.length % 2 !== 0)
                throw structural('invalid aead cipher suite length');
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
            if (critical)
                throw unsupported(`unknown critical signature subpacket type ${type}`);
    }
    return rest;
}

;// CONCATENATED MODULE: ./lib/signature/check-signature.js
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






/**
 * go-crypto `NewCanonicalTextHash` input transformation: a `\n` not preceded by `\r` becomes `\r\n` (the byte
 * right after a `\r` is copied whatever it is, as go-crypto's two-state writer does). Copies runs between the
 * changed line feeds into one buffer: grafana.com's text is already CRLF, so usually nothing changes.
 */
function goCanonicalText(data) {
    const feeds = [];
    let afterCr = false;
    for (let i = 0; i < data.length; i++) {
        const c = data[i];
        if (afterCr)
            afterCr = false;
        else if (c === 0x0d)
            afterCr = true;
        else if (c === 0x0a)
            feeds.push(i);
    }
    if (feeds.length === 0)
        return data;
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
const unix = (d) => Math.floor((d?.getTime() ?? 0) / 1000);
/** go-crypto `Signature.SigExpired` for a parsed or an OpenPGP.js signature. */
function sigExpired(creation, lifetime, now) {
    if (creation > now)
        return true;
    if (lifetime === 0)
        return false;
    return now > creation + lifetime;
}
function pgpSigExpired(s, now) {
    return sigExpired(unix(s.created), s.signatureExpirationTime ?? 0, now);
}
/** go-crypto `PublicKey.KeyExpired`. */
function keyExpired(packet, selfSignature, now) {
    const created = unix(packet.created);
    if (created > now)
        return true;
    const lifetime = selfSignature?.keyExpirationTime ?? 0;
    if (!lifetime)
        return false;
    return now > created + lifetime;
}
/** go-crypto `revoked`: a key-compromised revocation always counts, others once created. */
function revoked(revocations, now) {
    return revocations.some((r) => r.reasonForRevocationFlag === openpgp_min/* enums */.vP.reasonForRevocation.keyCompromised || !pgpSigExpired(r, now));
}
/** go-crypto `checkSignatureDetails`. */
function checkSignatureDetails(key, sig, now) {
    const entity = key.entity;
    const primarySelf = entity.primarySelfSignature;
    const keySigs = [primarySelf];
    if (key.isSubkey)
        keySigs.push(key.selfSignature, key.selfSignature?.embeddedSignature);
    const critical = sig.notations.find((n) => n.critical) ?? keySigs.flatMap((s) => s?.rawNotations ?? []).find((n) => n.critical);
    if (critical)
        return signatureError(`unknown critical notation: ${critical.name}`);
    if (revoked(entity.revocations, now) ||
        (key.isSubkey && revoked(key.revocations, now)) ||
        (entity.primaryIdentityRevocations !== null && revoked(entity.primaryIdentityRevocations, now))) {
        return ERR_KEY_REVOKED;
    }
    if (keyExpired(entity.primary, primarySelf, now))
        return ERR_KEY_EXPIRED;
    if (key.isSubkey && keyExpired(key.packet, key.selfSignature, now))
        return ERR_KEY_EXPIRED;
    if (sigExpired(sig.creation, sig.lifetime, now))
        return ERR_SIGNATURE_EXPIRED;
    if (keySigs.some((s) => s && pgpSigExpired(s, now)))
        return ERR_SIGNATURE_EXPIRED;
    return null;
}
/** go-crypto `PublicKey.VerifySignature`, with OpenPGP.js doing the public-key operation. */
async function verifyWithKey(key, sig, data, digest) {
    const keyAlgo = key.packet.algorithm;
    if (keyAlgo === 2 || keyAlgo === 16 || keyAlgo === 18) {
        return invalidArgument('public key cannot generate signatures');
    }
    if (sig.version >= 5 && (digest[0] !== sig.hashTag[0] || digest[1] !== sig.hashTag[1])) {
        return signatureError("hash tag doesn't match");
    }
    if (keyAlgo !== sig.pubKeyAlgo)
        return invalidArgument('public key and signature use different algorithms');
    const packet = new openpgp_min/* SignaturePacket */.Ju();
    try {
        packet.read(sig.raw, PERMISSIVE);
    }
    catch (e) {
        return signatureError(`${VERIFY_FAILURE[sig.pubKeyAlgo]} (OpenPGP.js cannot read this signature: ${e.message})`);
    }
    // Only the arithmetic is OpenPGP.js's: go-crypto ignores the v4 hash tag and applies its own policy afterwards.
    const loose = packet;
    loose.issuerKeyID = key.packet.getKeyID();
    loose.signedHashValue = digest.subarray(0, 2);
    loose.unknownSubpackets = [];
    loose.rawNotations = [];
    loose.revocationKeyClass = null;
    const literal = new openpgp_min/* LiteralDataPacket */.Ci();
    literal.setBytes(data, openpgp_min/* enums */.vP.literal.binary);
    try {
        await packet.verify(key.packet, sig.sigType, literal, NO_DATE, true, PERMISSIVE);
        return null;
    }
    catch (e) {
        const message = e.message;
        if (message === 'Signature verification failed')
            return signatureError(VERIFY_FAILURE[sig.pubKeyAlgo]);
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
async function checkDetachedSignature(block, key, now = new Date()) {
    const nowSeconds = unix(now);
    let ring;
    try {
        ring = await readKeyRing(key.armored);
    }
    catch (e) {
        return { ok: false, error: `failed to parse public key: ${e.message}` };
    }
    let stream;
    try {
        stream = new ArmorBodyReader((0,armor/* openArmor */.Sg)(block.armoredSignature).body);
    }
    catch (e) {
        // decodeCleartext only returns blocks whose armor decodes; this is for hand-made blocks.
        return { ok: false, error: `failed to check signature: ${e.message}` };
    }
    let seen = {};
    const describe = (s) => ({
        ...(s.issuerKeyId !== undefined && { issuerKeyId: s.issuerKeyId }),
        ...(s.hashId !== undefined && { hashAlgorithm: HASH_NAMES[s.hashId] ?? `hash ${s.hashId}` }),
        ...(s.creation !== undefined && s.creation >= 0 && { created: new Date(s.creation * 1000) }),
    });
    const fail = (message) => ({
        ok: false,
        error: `failed to check signature: ${message}`,
        ...describe(seen),
    });
    // verifyDetachedSignature: find the first signature packet whose issuer is in the key ring.
    let sig;
    let keys = [];
    for (;;) {
        let header;
        try {
            header = readHeader(stream);
        }
        catch (e) {
            const err = e;
            return fail(err.kind === 'eof' ? ERR_UNKNOWN_ISSUER : err.message);
        }
        const { tag, contents } = header;
        if (tag === 2) {
            seen = {};
            try {
                sig = parseSignature(contents, seen);
            }
            catch (e) {
                const err = e;
                consumeAll(contents);
                if (err.kind === 'unsupported')
                    continue;
                if (err.kind === 'eof')
                    return fail(ERR_UNKNOWN_ISSUER);
                return fail(err.message);
            }
            if (sig.issuerKeyId === undefined)
                return fail(structural("signature doesn't have an issuer").message);
            keys = keysByIdForSigning(ring, sig.issuerKeyId);
            if (keys.length > 0)
                break;
            continue;
        }
        consumeAll(contents);
        if (tag === 12 || tag >= 40)
            continue; // unknown (non-critical) packet types are skipped
        if (KNOWN_TAGS.has(tag))
            return fail(structural('non signature packet found').message);
        return fail(`openpgp: unknown critical packet type: ${tag}`);
    }
    if (sig.sigType !== 0 && sig.sigType !== 1) {
        return fail(unsupported(`unsupported signature type: ${sig.sigType}`).message);
    }
    const data = sig.sigType === 1 ? goCanonicalText(block.signedBytes) : new Uint8Array(block.signedBytes);
    const hash = (0,external_node_crypto_.createHash)(NODE_HASH[sig.hashId]);
    if (sig.salt)
        hash.update(sig.salt);
    const digest = hash.update(data).update(sig.hashSuffix).digest();
    let error = null;
    for (const k of keys) {
        error = await verifyWithKey(k, sig, data, digest);
        if (error === null) {
            const detail = checkSignatureDetails(k, sig, nowSeconds);
            return detail === null ? { ok: true, ...describe(seen) } : fail(detail);
        }
    }
    return fail(error);
}


/***/ })

};
