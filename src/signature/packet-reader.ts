/**
 * OpenPGP packet framing read as ProtonMail go-crypto reads it (`openpgp/packet/packet.go` `readHeader`,
 * `readLength`, `partialLengthReader`, `spanReader`; Go's `io.ReadFull`), with go-crypto's error model: which
 * errors end the read (`unexpected EOF`, `invalid data`) and which only skip a packet (`unsupported feature`).
 */

import type { GoReader } from './armor.js';

/**
 * An error as go-crypto would return it. `kind` drives the packet reader: `eof` ends the packet stream,
 * `unsupported` and `unknown-packet` make it skip the packet, anything else is returned to the caller.
 */
export class GoError extends Error {
  constructor(
    message: string,
    readonly kind: 'eof' | 'unsupported' | 'unknown-packet' | 'fatal',
  ) {
    super(message);
  }
}

const eof = () => new GoError('EOF', 'eof');

const unexpectedEof = () => new GoError('unexpected EOF', 'fatal');

/** go-crypto `errors.StructuralError`: the packet stream is malformed; reading stops. */
export const structural = (s: string) => new GoError(`openpgp: invalid data: ${s}`, 'fatal');

/** go-crypto `errors.UnsupportedError`: the packet is skipped, reading goes on. */
export const unsupported = (s: string) => new GoError(`openpgp: unsupported feature: ${s}`, 'unsupported');

/** go-crypto `errors.SignatureError` text. */
export const signatureError = (s: string) => `openpgp: invalid signature: ${s}`;

/** go-crypto `errors.InvalidArgumentError` text. */
export const invalidArgument = (s: string) => `openpgp: invalid argument: ${s}`;

/** go-crypto `errors.ErrUnknownIssuer`. */
export const ERR_UNKNOWN_ISSUER = 'openpgp: signature made by unknown entity';

/** go-crypto `errors.ErrSignatureExpired`. */
export const ERR_SIGNATURE_EXPIRED = 'openpgp: signature expired';

/** go-crypto `errors.ErrKeyExpired`. */
export const ERR_KEY_EXPIRED = 'openpgp: key expired';

/** go-crypto `errors.ErrKeyRevoked`. */
export const ERR_KEY_REVOKED = 'openpgp: signature made by revoked key';

/** An empty byte slice (Go's `nil` read result). */
export const EMPTY = new Uint8Array(0);

/** A Go `io.Reader`: some bytes, or an error once nothing is left. */
export interface Reader {
  read(max: number): { bytes: Uint8Array; err?: GoError };
}

/** A Go `bytes.Buffer` as a reader. */
export class BytesReader implements Reader {
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
export class ArmorBodyReader implements Reader {
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
export class Recorder implements Reader {
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
export function ioReadFull(r: Reader, n: number): Uint8Array {
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
export function readFull(r: Reader, n: number): Uint8Array {
  try {
    return ioReadFull(r, n);
  } catch (e) {
    throw (e as GoError).kind === 'eof' ? unexpectedEof() : e;
  }
}

/** Go `io.Copy(io.Discard, r)`: reads `r` to its end; throws what reading throws. */
export function consumeAll(r: Reader): void {
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
export function readHeader(r: Reader): { tag: number; contents: Reader } {
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
