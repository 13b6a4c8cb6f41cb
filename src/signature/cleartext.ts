/**
 * The cleartext-signed layer of MANIFEST.txt, decoded exactly as ProtonMail go-crypto `openpgp/clearsign`
 * `Decode` does it for Grafana (`pkg/plugins/manager/signature/manifest.go`: `block, _ := clearsign.Decode(body)`).
 */
import { decodeArmor, goTrimSpace } from './armor.js';

/** What go-crypto's `clearsign.Block` holds, as Grafana uses it. */
export interface CleartextBlock {
  /**
   * Values of the `Hash:` armor headers, split on `,` and trimmed, the first 64 (never compared with the signature
   * by Grafana).
   */
  hashHeaders: string[];
  /** `Block.Plaintext`: every message line, dash-unescaped and right-trimmed, each followed by `\n`. */
  plaintext: Buffer;
  /** `Block.Bytes`: the same lines joined by `\r\n`, without a final line break: the bytes the signature covers. */
  signedBytes: Buffer;
  /** The armored signature as go-crypto hands it to `armor.Decode`: from `-----BEGIN PGP SIGNATURE-----` to the end marker plus following CR/LF. */
  armoredSignature: Buffer;
}

const START = Buffer.from('\n-----BEGIN PGP SIGNED MESSAGE-----');
const END_TEXT = Buffer.from('-----BEGIN PGP SIGNATURE-----');
const END = Buffer.from('\n-----END PGP SIGNATURE-----');
/** At most this many `Hash:` header values are kept in {@link CleartextBlock.hashHeaders}. */
const MAX_HASH_HEADERS = 64;

/** go-crypto `getLine`: the line starting at `from` without `\n` or `\r\n`, and the index after its newline. */
function getLine(data: Buffer, from: number): [line: Buffer, rest: number] {
  let i = data.indexOf(0x0a, from);
  let j: number;
  if (i < 0) {
    i = data.length;
    j = i;
  } else {
    j = i + 1;
    if (i > from && data[i - 1] === 0x0d) i--;
  }
  return [data.subarray(from, i), j];
}

/** Go `strings.TrimSpace` for text already known to be printable ASCII (only spaces can be trimmed). */
function trimAsciiSpace(s: string): string {
  return s.replace(/^ +| +$/g, '');
}

/**
 * Finds and decodes the first cleartext-signed message in `data`, as go-crypto `clearsign.Decode`.
 *
 * Rules (go-crypto `openpgp/clearsign/clearsign.go`):
 * - `-----BEGIN PGP SIGNED MESSAGE-----` at the very start, or else its first occurrence right after a `\n`;
 *   anything before is ignored. The marker must end its line (`\n`, `\r\n` or end of data): a suffix, even a
 *   space, fails, and so does a UTF-8 BOM before it (the BOM is neither the start nor a `\n`).
 * - header lines up to the first empty or white-space-only line (Go `strings.TrimSpace`, go-crypto >= 1.1.6): printable ASCII only (no tab, no control, no byte ≥ 0x80), each
 *   `Key: value`; only `Hash` (values split on `,`) and `SaltedHash` keys are allowed.
 * - message lines up to a line that is exactly `-----BEGIN PGP SIGNATURE-----`; lines end in `\n` or `\r\n`; a
 *   leading `- ` is removed; trailing spaces and tabs are dropped. An empty line at the very end of the data
 *   (no signature block) fails.
 * - the signature block runs to the first `\n-----END PGP SIGNATURE-----` plus any following `\r`/`\n`;
 *   it must pass go-crypto `armor.Decode` (see {@link decodeArmor}). Anything after it is ignored.
 *
 * @param data the whole MANIFEST.txt, byte for byte.
 * @returns the block, or `null` where go-crypto returns a nil block (Grafana then says "unable to decode manifest").
 *   Never throws.
 */
export function decodeCleartext(data: Uint8Array): CleartextBlock | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let rest: number;
  if (buf.subarray(0, START.length - 1).equals(START.subarray(1))) {
    rest = START.length - 1;
  } else {
    const i = buf.indexOf(START);
    if (i < 0) return null;
    rest = i + START.length;
  }

  // The start line must have no suffix.
  let line: Buffer;
  [line, rest] = getLine(buf, rest);
  if (line.length !== 0) return null;

  const hashHeaders: string[] = [];
  for (;;) {
    if (rest === buf.length) return null;
    [line, rest] = getLine(buf, rest);
    // go-crypto >= 1.1.6 tests `len(strings.TrimSpace(string(line))) == 0`: a line of spaces also ends the headers.
    if (goTrimSpace(line).length === 0) break;
    // Reject headers with control or non-ASCII characters (every byte >= 0x80 decodes to a rune > 0x7e).
    if (line.some((c) => c < 0x20 || c > 0x7e)) return null;
    const colon = line.indexOf(0x3a);
    if (colon === -1) return null;
    const key = trimAsciiSpace(line.subarray(0, colon).toString('latin1'));
    const value = line.subarray(colon + 1).toString('latin1');
    if (key === 'Hash') {
      // Kept for information only (nothing compares them): a bounded number, so a huge header costs no memory.
      const room = MAX_HASH_HEADERS - hashHeaders.length;
      if (room > 0) for (const v of value.split(',', room)) hashHeaders.push(trimAsciiSpace(v));
    } else if (key !== 'SaltedHash') {
      return null;
    }
  }

  // Lines are copied into two buffers sized for the worst case (each kept line costs at most its bytes plus CRLF,
  // and takes at least its bytes plus LF of input), not collected as one Buffer view per line: a manifest of
  // millions of empty lines would otherwise cost hundreds of bytes of heap per input byte.
  const remaining = buf.length - rest;
  const signed = Buffer.allocUnsafe(2 * remaining + 2);
  const plain = Buffer.allocUnsafe(remaining + 1);
  let signedLength = 0;
  let plainLength = 0;
  let firstLine = true;
  for (;;) {
    const start = rest;
    let end = buf.indexOf(0x0a, start);
    if (end < 0) {
      end = buf.length;
      rest = end;
    } else {
      rest = end + 1;
      if (end > start && buf[end - 1] === 0x0d) end--;
    }
    if (end === start && rest === buf.length) return null; // no armored data: not a complete message
    if (end - start === END_TEXT.length && buf.compare(END_TEXT, 0, END_TEXT.length, start, end) === 0) {
      rest = start; // armor expects to see the header line
      break;
    }
    if (firstLine) firstLine = false;
    else {
      signed[signedLength++] = 0x0d;
      signed[signedLength++] = 0x0a;
    }
    let from = start;
    if (end - from >= 2 && buf[from] === 0x2d && buf[from + 1] === 0x20) from += 2;
    while (end > from && (buf[end - 1] === 0x20 || buf[end - 1] === 0x09)) end--;
    signedLength += buf.copy(signed, signedLength, from, end);
    plainLength += buf.copy(plain, plainLength, from, end);
    plain[plainLength++] = 0x0a;
  }

  let i = buf.indexOf(END, rest);
  if (i === -1) return null;
  i += END.length;
  while (i < buf.length && (buf[i] === 0x0d || buf[i] === 0x0a)) i++;
  const armoredSignature = Buffer.from(buf.subarray(rest, i));
  try {
    decodeArmor(armoredSignature);
  } catch {
    return null;
  }
  return {
    hashHeaders,
    plaintext: Buffer.from(plain.subarray(0, plainLength)),
    signedBytes: Buffer.from(signed.subarray(0, signedLength)),
    armoredSignature,
  };
}
