/**
 * Go `filepath.Walk` order, stated independently of the walk, for checking it: two posix paths compare segment by
 * segment in UTF-8 byte order (Go's `sort.Strings` on each folder's names), a folder before what it holds.
 */
export function compareWalkOrder(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const c = Buffer.compare(Buffer.from(sa[i], 'utf8'), Buffer.from(sb[i], 'utf8'));
    if (c !== 0) return c;
  }
  return sa.length - sb.length;
}
