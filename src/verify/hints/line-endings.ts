/** Cause `line-endings`: the file is the signed one with its line endings converted (git `core.autocrlf`). */
import { createHash } from 'node:crypto';
import type { Hint } from '../findings.js';

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** `\r\n` → `\n` (what git does when committing with `core.autocrlf=input`/`true`). */
function crlfToLf(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) continue;
    out[n++] = bytes[i];
  }
  return out.subarray(0, n);
}

/** Lone `\n` → `\r\n` (what git does when checking out with `core.autocrlf=true`). */
function lfToCrlf(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length * 2);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a && (i === 0 || bytes[i - 1] !== 0x0d)) out[n++] = 0x0d;
    out[n++] = bytes[i];
  }
  return out.subarray(0, n);
}

const FIX =
  'line endings changed after signing (git core.autocrlf, or .gitattributes text=auto): sign after checkout, ' +
  'or mark the built files binary in .gitattributes (dist/** -text)';

/**
 * Proves `line-endings` for a modified file: its bytes hash to the manifest's value once CRLF becomes LF, or once
 * LF becomes CRLF.
 *
 * @param path the manifest key; @param bytes the file on disk; @param expected the manifest's SHA-256 (hex).
 * @returns the hint, or undefined when neither conversion changes the bytes into the signed ones.
 */
export function lineEndingsHint(path: string, bytes: Buffer, expected: string): Hint | undefined {
  if (!bytes.includes(0x0a)) return undefined;
  const conversions = [
    { convert: crlfToLf, has: 'CRLF', would: 'LF' },
    { convert: lfToCrlf, has: 'LF', would: 'CRLF' },
  ];
  for (const { convert, has, would } of conversions) {
    const converted = convert(bytes);
    if (converted.length !== bytes.length && sha256(converted) === expected) {
      return {
        cause: 'line-endings',
        detail: `${path} has ${has} line endings; with ${would} line endings it hashes to the signed value`,
        fix: FIX,
      };
    }
  }
  return undefined;
}
