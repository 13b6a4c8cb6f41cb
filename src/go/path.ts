/**
 * Go's `path.Clean` (Go 1.26 src/path/path.go), ported line by line: Grafana cleans request paths with it before
 * matching root URLs.
 */

/**
 * Go's `path.Clean(p)` (src/path/path.go): collapses repeated `/`, removes `.` elements, resolves `..` against the
 * preceding element (a rooted path cannot go above `/`), drops the trailing `/` (except for `/` itself) and turns an
 * empty result into `.`. Never returns `""`.
 *
 * @param p a slash-separated path, e.g. `/grafana//a/../`
 * @returns the cleaned path, e.g. `/grafana`
 *
 * Works the same on byte strings and JS strings: only `/` and `.` are special.
 */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path[0] === '/';
  const n = path.length;
  // Invariants: reading from path, r is the next byte to process; out holds what is written; dotdot is the index
  // in out where .. must stop, either because it is the leading slash or it is a leading ../../.. prefix.
  let out = '';
  let r = 0;
  let dotdot = 0;
  if (rooted) {
    out = '/';
    r = 1;
    dotdot = 1;
  }
  while (r < n) {
    if (path[r] === '/') {
      // empty path element
      r++;
    } else if (path[r] === '.' && (r + 1 === n || path[r + 1] === '/')) {
      // . element
      r++;
    } else if (path[r] === '.' && path[r + 1] === '.' && (r + 2 === n || path[r + 2] === '/')) {
      // .. element: remove to last /
      r += 2;
      if (out.length > dotdot) {
        // can backtrack
        let w = out.length - 1;
        while (w > dotdot && out[w] !== '/') w--;
        out = out.slice(0, w);
      } else if (!rooted) {
        // cannot backtrack, but not rooted, so append .. element.
        if (out.length > 0) out += '/';
        out += '..';
        dotdot = out.length;
      }
    } else {
      // real path element; add slash if needed
      if ((rooted && out.length !== 1) || (!rooted && out.length !== 0)) out += '/';
      let end = path.indexOf('/', r);
      if (end < 0) end = n;
      out += path.slice(r, end);
      r = end;
    }
  }
  // Turn empty string into "."
  return out === '' ? '.' : out;
}
