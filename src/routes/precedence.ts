/**
 * Route precedence (docs/route-hygiene.md#matching): the first route that matches a request wins, so a later route that an earlier one
 * covers is unreachable (`route-shadowed`).
 */
import { cleanPath } from '../go/path.js';
import type { Kind, Route, RouteDecoder } from './decode.js';
import { q } from './names.js';

/** docs/route-hygiene.md#matching: `path.Clean("/" + p)` made relative. */
export function cleanDataSourcePath(p: string): string {
  const c = cleanPath('/' + p).replace(/^\/+/, '');
  return c === '.' && p !== '.' ? '' : c;
}

export function methodCovers(earlier: string, later: string): boolean {
  return earlier === '' || earlier === '*' || earlier === later;
}

export function appCovers(earlier: string, later: string): boolean {
  const a = earlier.replace(/^\/+|\/+$/g, '');
  const b = later.replace(/^\/+|\/+$/g, '');
  if (a === b) return true;
  if (a === '*') return b !== '';
  const dynamic = (s: string) => s.includes(':') || s.includes('(');
  if (dynamic(a) || dynamic(b)) return false;
  if (a.endsWith('/*')) {
    const p = a.slice(0, -2);
    return !p.includes('*') && b.startsWith(p + '/') && b.length > p.length + 1;
  }
  return false;
}

/**
 * `route-shadowed` (docs/route-hygiene.md#matching, #rules): reported once, on the later route, naming the first earlier route that matches
 * every request it matches. Routes that failed to decode their path or method, or whose method is invalid, take no
 * part.
 *
 * @param c collects the findings. @param routes the decoded routes of the last `routes` key, in order.
 * @param invalidMethod indexes of routes given `route-method-invalid`. @param kind the plugin type.
 */
export function reportShadowed(c: RouteDecoder, routes: Route[], invalidMethod: Set<number>, kind: Kind): void {
  const eligible = routes.filter((r) => !r.badMatch && !invalidMethod.has(r.index));
  const paths = eligible.map((r) => r.path?.value ?? '');
  const methods = eligible.map((r) => r.method?.value ?? '');
  const cleaned = kind === 'datasource' ? paths.map(cleanDataSourcePath) : paths;
  for (let j = 0; j < eligible.length; j++) {
    const later = eligible[j];
    const lp = paths[j];
    const lm = methods[j];
    for (let i = 0; i < j; i++) {
      if (!methodCovers(methods[i], lm)) continue;
      if (kind === 'datasource' ? !cleaned[j].startsWith(cleaned[i]) : !appCovers(paths[i], lp)) continue;
      const earlier = eligible[i];
      const ep = paths[i];
      const where = later.path !== undefined && !later.path.isNull ? later.path : undefined;
      const duplicate = ep === lp && methods[i] === lm;
      c.add(
        'route-shadowed',
        where?.node ?? later.node,
        where?.ptr ?? later.ptr,
        `unreachable: route ${earlier.index} (path ${q(ep)}) matches every request this one matches and the first match wins${duplicate ? ' (duplicate route)' : ''}`,
      );
      break;
    }
  }
}
