/**
 * OpenPGP ASCII armor decoding with the rules of ProtonMail go-crypto `openpgp/armor` (`armor.Decode` and the
 * reader behind `Block.Body`), the library Grafana verifies plugin signatures with.
 *
 * OpenPGP.js's own armor parser (`unarmor` in openpgp 6.3.2) agrees with go-crypto on two points: it drops the
 * CRC24 checksum without checking it, and it only logs (never rejects) unknown or malformed header lines. It differs
 * where Grafana's verdicts do: it strips trailing spaces and decodes the whole body up front with Node's lenient
 * base64 decoder, which skips characters that are not base64. So it never fails as go-crypto does (`illegal base64
 * data at input byte N`, `armor invalid` for a line over 96 bytes, a 5-character `=` line ending the body), nor
 * only when the verifier reads that far. The signature block of a MANIFEST.txt is therefore decoded here.
 *
 * go-crypto splits the work in two, and so does this module:
 * - at decode time (`armor.Decode`): find a `-----BEGIN …-----` line, read `Key: Value` headers up to a blank
 *   line. Failing here makes go-crypto's `clearsign.Decode` return a nil block (Grafana: "unable to decode manifest").
 * - when the body is read (`Block.Body`): base64 lines until a `-----END ` line or a 5-character `=` checksum
 *   line (the CRC24 itself is not checked). Failing here is an error of `openpgp.CheckDetachedSignature`
 *   (Grafana: "failed to check signature: …"), and only if the verifier reads that far.
 */
import { ManifestFormatError } from '../errors.js';
import { decodeLastRuneBytes as goDecodeLastRune, decodeRuneBytes as goDecodeRune } from '../go/utf8.js';

/** A decoded armor block. */
export interface ArmorBlock {
  /** Text between `-----BEGIN ` and the last five characters of the start line, e.g. `PGP SIGNATURE`. */
  type: string;
  /** Armor headers (`Version`, `Comment`, …) as go-crypto stores them: a later duplicate replaces the earlier. */
  headers: Record<string, string>;
  /** The body bytes decoded before the first problem (all of it when `bodyError` is absent). */
  body: Uint8Array;
  /**
   * Go's error for reading past `body`, in go-crypto's words: `illegal base64 data at input byte N`,
   * `unexpected EOF`, or `openpgp: invalid data: armor invalid` (line longer than 96 characters).
   */
  bodyError?: string;
}

/** go-crypto `armor.ArmorCorrupt`. */
export const ARMOR_CORRUPT = 'openpgp: invalid data: armor invalid';

/** Size of the `bufio.Reader` go-crypto's `armor.Decode` reads lines through (`bufio.NewReaderSize(in, 100)`). */
const BUFIO_SIZE = 100;
const ARMOR_START = Buffer.from('-----BEGIN ');
const ARMOR_END = Buffer.from('-----END ');
const ARMOR_END_OF_LINE_LENGTH = 5; // "-----"

interface GoLine {
  line: Uint8Array;
  isPrefix: boolean;
}

/**
 * Go `bufio.Reader.ReadLine` over an in-memory buffer with a 100-byte buffer: a line longer than the buffer comes
 * back in pieces with `isPrefix` set; `\n` or `\r\n` is stripped; a last line without a newline is returned as is.
 */
class GoLineReader {
  private pos = 0;
  constructor(private readonly data: Uint8Array) {}

  /** The next line, or `null` for Go's `io.EOF`. */
  readLine(): GoLine | null {
    const { data } = this;
    if (this.pos >= data.length) return null;
    const end = Math.min(this.pos + BUFIO_SIZE, data.length);
    const window = data.subarray(this.pos, end);
    const nl = window.indexOf(0x0a);
    if (nl >= 0) {
      this.pos += nl + 1;
      const drop = nl > 0 && window[nl - 1] === 0x0d ? 2 : 1;
      return { line: window.subarray(0, nl + 1 - drop), isPrefix: false };
    }
    if (window.length === BUFIO_SIZE) {
      // bufio.ErrBufferFull: hand back the buffer; a trailing '\r' is kept for the next call ("\r\n" straddling).
      if (window[window.length - 1] === 0x0d) {
        this.pos += BUFIO_SIZE - 1;
        return { line: window.subarray(0, BUFIO_SIZE - 1), isPrefix: true };
      }
      this.pos += BUFIO_SIZE;
      return { line: window, isPrefix: true };
    }
    this.pos = data.length;
    return { line: window, isPrefix: false };
  }
}

const UTF8 = new TextDecoder('utf-8');

function startsWith(haystack: Uint8Array, prefix: Uint8Array): boolean {
  if (haystack.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (haystack[i] !== prefix[i]) return false;
  return true;
}

/** Go `unicode.IsSpace` for the code points `bytes.TrimSpace` may meet. */
function isGoSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return (
    r === 0x1680 ||
    (r >= 0x2000 && r <= 0x200a) ||
    r === 0x2028 ||
    r === 0x2029 ||
    r === 0x202f ||
    r === 0x205f ||
    r === 0x3000
  );
}

/** Go `bytes.TrimSpace`: strips Unicode white space (`unicode.IsSpace`) from both ends. */
export function goTrimSpace(data: Uint8Array): Uint8Array {
  let start = 0;
  let end = data.length;
  while (start < end) {
    const [r, size] = goDecodeRune(data.subarray(0, end), start);
    if (!isGoSpace(r) || r === 0xfffd) break;
    start += size;
  }
  while (end > start) {
    const [r, size] = goDecodeLastRune(data, end);
    if (!isGoSpace(r) || r === 0xfffd) break;
    end -= size;
  }
  return data.subarray(start, end);
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_DECODE = (() => {
  const map = new Int16Array(256).fill(-1);
  for (let i = 0; i < BASE64_ALPHABET.length; i++) map[BASE64_ALPHABET.charCodeAt(i)] = i;
  return map;
})();
const PAD = 0x3d; // '='

/** The result of one Go `Read` call: some bytes, and an error (`EOF` stands for Go's `io.EOF`). */
export interface GoReadResult {
  bytes: Uint8Array;
  err?: string;
}

/** A Go `io.Reader`: `read(max)` is `Read(p)` with `len(p) == max`. */
export interface GoReader {
  read(max: number): GoReadResult;
}

const EMPTY = new Uint8Array(0);

/**
 * Go `base64.StdEncoding.Decode(dst, src)` on one chunk (a multiple of 4 characters, newlines already removed):
 * the bytes of the whole quanta before the first problem, and that problem (`illegal base64 data at input byte N`,
 * N counted from the start of the chunk as Go does). A quantum ending in padding must end the chunk.
 */
function decodeChunk(src: Uint8Array): { bytes: Uint8Array; err?: string } {
  const out: number[] = [];
  const fail = (at: number) => ({ bytes: Uint8Array.from(out), err: `illegal base64 data at input byte ${at}` });
  let si = 0;
  while (si < src.length) {
    // decodeQuantum
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailingGarbage: number | undefined;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { bytes: Uint8Array.from(out) };
        return fail(si - j);
      }
      const c = src[si++];
      const v = BASE64_DECODE[c];
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (c !== PAD || j < 2) return fail(si - 1);
      if (j === 2) {
        // "==" expected; the first '=' is consumed.
        if (si === src.length) return fail(src.length);
        if (src[si] !== PAD) return fail(si - 1);
        si++;
      }
      if (si < src.length) trailingGarbage = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    for (let k = 0; k < dlen - 1; k++) out.push(bytes[k]);
    if (trailingGarbage !== undefined) return fail(trailingGarbage);
    if (dlen < 4) break;
  }
  return { bytes: Uint8Array.from(out) };
}

/**
 * go-crypto `armor.lineReader` (body lines until `-----END ` or a 5-byte `=` checksum line; a line longer than 96
 * bytes or than the 100-byte buffer is `armor invalid`) behind Go's base64 `newlineFilteringReader`.
 */
class ArmorLineReader implements GoReader {
  private saved: Uint8Array = EMPTY;
  private eof = false;
  constructor(private readonly lines: GoLineReader) {}

  private readRaw(max: number): GoReadResult {
    if (this.eof) return { bytes: EMPTY, err: 'EOF' };
    if (this.saved.length > 0) {
      const n = Math.min(max, this.saved.length);
      const bytes = this.saved.subarray(0, n);
      this.saved = this.saved.subarray(n);
      return { bytes };
    }
    const read = this.lines.readLine();
    if (!read) return { bytes: EMPTY, err: 'EOF' };
    if (read.isPrefix) return { bytes: EMPTY, err: ARMOR_CORRUPT };
    const line = read.line;
    if (startsWith(line, ARMOR_END) || (line.length === 5 && line[0] === PAD)) {
      this.eof = true;
      return { bytes: EMPTY, err: 'EOF' };
    }
    if (line.length > 96) return { bytes: EMPTY, err: ARMOR_CORRUPT };
    const n = Math.min(max, line.length);
    this.saved = line.subarray(n);
    return { bytes: line.subarray(0, n) };
  }

  /** `newlineFilteringReader.Read`: drops `\r` and `\n`, reading again while a read held nothing else. */
  read(max: number): GoReadResult {
    let res = this.readRaw(max);
    while (res.bytes.length > 0) {
      const kept = res.bytes.filter((c) => c !== 0x0d && c !== 0x0a);
      if (kept.length > 0) return { bytes: kept, err: res.err };
      res = this.readRaw(max);
    }
    return res;
  }
}

/** Go `base64.NewDecoder(base64.StdEncoding, r)`: the stream decoder, chunk by chunk as Go reads. */
class Base64StreamDecoder implements GoReader {
  private buf = new Uint8Array(1024);
  private nbuf = 0;
  private out: Uint8Array = EMPTY;
  private err?: string;
  private readErr?: string;
  constructor(private readonly r: GoReader) {}

  read(max: number): GoReadResult {
    if (this.out.length > 0) {
      const n = Math.min(max, this.out.length);
      const bytes = this.out.subarray(0, n);
      this.out = this.out.subarray(n);
      return { bytes };
    }
    if (this.err !== undefined) return { bytes: EMPTY, err: this.err };
    while (this.nbuf < 4 && this.readErr === undefined) {
      let nn = Math.floor(max / 3) * 4;
      if (nn < 4) nn = 4;
      if (nn > this.buf.length) nn = this.buf.length;
      const res = this.r.read(nn - this.nbuf);
      this.buf.set(res.bytes, this.nbuf);
      this.nbuf += res.bytes.length;
      this.readErr = res.err;
    }
    if (this.nbuf < 4) {
      this.err = this.readErr === 'EOF' && this.nbuf > 0 ? 'unexpected EOF' : this.readErr;
      return { bytes: EMPTY, err: this.err };
    }
    const nr = this.nbuf - (this.nbuf % 4);
    const nw = (nr / 4) * 3;
    const decoded = decodeChunk(this.buf.subarray(0, nr));
    this.err = decoded.err;
    this.buf.copyWithin(0, nr, this.nbuf);
    this.nbuf -= nr;
    if (nw > max) {
      // Decoded into the spare buffer; what does not fit waits for the next Read (which reports no error).
      const n = Math.min(max, decoded.bytes.length);
      this.out = decoded.bytes.subarray(n);
      return { bytes: decoded.bytes.subarray(0, n), err: this.err };
    }
    return { bytes: decoded.bytes, err: this.err };
  }
}

/** Go malloc size classes up to 32 KiB, for `io.ReadAll`'s buffer growth. */
const SIZE_CLASSES = [
  512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864,
  5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760,
  24576, 27264, 28672, 32768,
];

/** Go `io.ReadAll(r)`: everything read, and the first error other than EOF. Read sizes follow Go's buffer growth. */
function goReadAll(r: GoReader): { bytes: Uint8Array; err?: string } {
  // One buffer grown like Go's slice (not one chunk per read): a body of many tiny reads stays O(size) in memory.
  let buf = Buffer.allocUnsafe(512);
  let len = 0;
  let cap = 512;
  for (;;) {
    const res = r.read(cap - len);
    if (res.bytes.length > 0) {
      buf.set(res.bytes, len);
      len += res.bytes.length;
    }
    if (res.err !== undefined) {
      const bytes = buf.subarray(0, len);
      return res.err === 'EOF' ? { bytes } : { bytes, err: res.err };
    }
    if (len === cap) {
      // append(b, 0): runtime nextslicecap, then roundupsize.
      let next = cap;
      while (next < cap + 1) next += (next + 3 * 256) >> 2;
      cap = SIZE_CLASSES.find((c) => c >= next) ?? Math.ceil(next / 8192) * 8192;
      const grown = Buffer.allocUnsafe(cap);
      buf.copy(grown, 0, 0, len);
      buf = grown;
    }
  }
}

/** An armor block whose body is read the way Go reads it, for callers that need Go's exact read-time errors. */
export interface ArmorStream {
  type: string;
  headers: Record<string, string>;
  /** go-crypto `Block.Body`: base64 decoded as Go's stream decoder does it, error offsets and all. */
  body: GoReader;
}

/**
 * Decodes the first armor block in `text` as go-crypto `armor.Decode` does and returns a reader over its body
 * that behaves like go-crypto's `Block.Body` (a `lineReader` behind Go's base64 stream decoder).
 *
 * Rules (go-crypto `openpgp/armor/armor.go`, lines read through a 100-byte `bufio.Reader`):
 * - leading lines are skipped until one that, trimmed, is longer than 16 bytes and starts with `-----BEGIN `;
 *   the type is that line without its first 11 and last 5 bytes (the last 5 are not checked); lines longer than
 *   the buffer are skipped whole;
 * - header lines follow until a line that is blank once trimmed; `Key: Value` (value from 2 bytes after the
 *   colon), a line without a colon restarts the search for a `-----BEGIN ` line; running out of lines here fails;
 * - body lines until one starting with `-----END `, one of exactly 5 bytes starting with `=` (checksum, ignored),
 *   or the end of the data; a line longer than 96 bytes is `armor invalid`; `\r` and `\n` are dropped, nothing
 *   else is trimmed; base64 with padding (`base64.StdEncoding`).
 *
 * @param text the armored bytes (for a MANIFEST.txt: from the `-----BEGIN PGP SIGNATURE-----` line on).
 * @returns type, headers and a {@link GoReader} over the body: problems in the body surface only when it is read,
 *   as in Go.
 * @throws ManifestFormatError when go-crypto's `armor.Decode` itself fails: no start line, or the data ends
 *   before the blank line that closes the headers.
 */
export function openArmor(text: Uint8Array): ArmorStream {
  const reader = new GoLineReader(text);
  let ignoreNext = false;
  for (;;) {
    // Skip leading garbage.
    let line: Uint8Array;
    for (;;) {
      const ignoreThis = ignoreNext;
      const read = reader.readLine();
      if (!read) throw new ManifestFormatError('armor: no "-----BEGIN …-----" line found');
      ignoreNext = read.isPrefix;
      if (ignoreNext || ignoreThis) continue;
      line = goTrimSpace(read.line);
      if (line.length > ARMOR_START.length + ARMOR_END_OF_LINE_LENGTH && startsWith(line, ARMOR_START)) break;
    }
    const type = UTF8.decode(line.subarray(ARMOR_START.length, line.length - ARMOR_END_OF_LINE_LENGTH));
    const headers: Record<string, string> = Object.create(null) as Record<string, string>;
    let nextIsContinuation = false;
    let lastKey = '';
    let restart = false;
    for (;;) {
      const isContinuation = nextIsContinuation;
      const read = reader.readLine();
      if (!read) throw new ManifestFormatError('armor: the data ends inside the armor headers (no blank line)');
      nextIsContinuation = read.isPrefix;
      if (isContinuation) {
        headers[lastKey] += UTF8.decode(read.line);
        continue;
      }
      const trimmed = goTrimSpace(read.line);
      if (trimmed.length === 0) break;
      const colon = trimmed.indexOf(0x3a);
      if (colon === -1) {
        restart = true;
        break;
      }
      lastKey = UTF8.decode(trimmed.subarray(0, colon));
      headers[lastKey] = trimmed.length > colon + 2 ? UTF8.decode(trimmed.subarray(colon + 2)) : '';
    }
    if (restart) continue;

    const body = new Base64StreamDecoder(new ArmorLineReader(reader));
    return { type, headers, body };
  }
}

/**
 * {@link openArmor}, with the body read to the end by Go `io.ReadAll(block.Body)`.
 *
 * @param text the armored bytes (for a MANIFEST.txt: from the `-----BEGIN PGP SIGNATURE-----` line on).
 * @returns type, headers, the body bytes decoded before any problem, and Go's error for that problem (`bodyError`:
 *   `illegal base64 data at input byte N` with N counted from the chunk Go was decoding, `unexpected EOF`, or
 *   `openpgp: invalid data: armor invalid`). A body problem is not thrown because Go reports it only on reading.
 * @throws ManifestFormatError when go-crypto's `armor.Decode` itself fails (see {@link openArmor}).
 */
export function decodeArmor(text: Uint8Array): ArmorBlock {
  const { type, headers, body } = openArmor(text);
  const { bytes, err } = goReadAll(body);
  return err === undefined ? { type, headers, body: bytes } : { type, headers, body: bytes, bodyError: err };
}
