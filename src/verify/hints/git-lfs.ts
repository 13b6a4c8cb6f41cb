/** Cause `git-lfs-pointer`: a Git LFS pointer file was checked out instead of the file it points to. */
import type { Hint } from '../findings.js';

/** Git LFS pointer files are smaller than this (git-lfs spec: "< 1024 bytes"). */
export const MAX_LFS_POINTER_BYTES = 1024;

/**
 * The `oid sha256:` of a Git LFS pointer file, or undefined when `bytes` is not one
 * (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md).
 */
export function parseLfsPointer(bytes: Buffer): { oid: string; size: number } | undefined {
  if (bytes.length >= MAX_LFS_POINTER_BYTES) return undefined;
  const text = bytes.toString('latin1');
  if (!text.endsWith('\n')) return undefined;
  const lines = text.slice(0, -1).split('\n');
  if (lines[0] !== 'version https://git-lfs.github.com/spec/v1') return undefined;
  let oid: string | undefined;
  let size: number | undefined;
  for (const line of lines.slice(1)) {
    const m = /^([a-z0-9.-]+) (.*)$/.exec(line);
    if (!m) return undefined;
    if (m[1] === 'oid') {
      const o = /^sha256:([0-9a-f]{64})$/.exec(m[2]);
      if (!o) return undefined;
      oid = o[1];
    } else if (m[1] === 'size') {
      if (!/^[0-9]+$/.test(m[2])) return undefined;
      size = Number(m[2]);
    }
  }
  return oid !== undefined && size !== undefined ? { oid, size } : undefined;
}

/**
 * Proves `git-lfs-pointer`: the file on disk is a Git LFS pointer. The pointer's `oid` is the SHA-256 of the real
 * file, so the detail says whether it is the signed one.
 *
 * @param path the file; @param bytes its content; @param expected the manifest's SHA-256, if it lists the file.
 */
export function lfsPointerHint(path: string, bytes: Buffer, expected?: string): Hint | undefined {
  const pointer = parseLfsPointer(bytes);
  if (!pointer) return undefined;
  const same =
    expected === undefined
      ? ''
      : pointer.oid === expected
        ? ' (the object it points to is the signed file)'
        : ' (the object it points to is not the signed file either)';
  return {
    cause: 'git-lfs-pointer',
    detail: `${path} is a Git LFS pointer (oid sha256:${pointer.oid}, ${pointer.size} bytes), not the file itself${same}`,
    fix: 'check the repository out with Git LFS (actions/checkout with lfs: true, or git lfs pull) before verifying',
  };
}
