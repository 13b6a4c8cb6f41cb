/**
 * Route hygiene of one plugin.json: decodes `routes` as Go's `encoding/json` does into Grafana's `Route` type
 * (docs/route-hygiene.md#decoding), analyses every templated value (#templates) and applies the rules with their precedence (#rules).
 * The parts: `decode.ts` (decoding like Go), `route-checks.ts` (per-route rules), `names.ts` (secret and credential
 * name heuristics), `precedence.ts` (which route wins, `route-shadowed`); this module drives them.
 */
import { fieldMembers, lineColumn, parseJsonDoc, pointerToken } from './json.js';
import { reportShadowed } from './precedence.js';
import { type RouteFinding, routeRule } from './rules.js';
import { type Kind, type Route } from './decode.js';
import { RouteChecker } from './route-checks.js';

/**
 * Checks the routes of one plugin.json (docs/route-hygiene.md#rules).
 *
 * @param text the plugin.json text. @param file its posix path relative to the plugin root (reported as is).
 * @returns findings in document order of the values (shadowing last); an unparsable file gives one
 *   `route-decode-error` at pointer "". Never throws.
 */
export function checkPluginJsonText(text: string, file: string): RouteFinding[] {
  const doc = parseJsonDoc(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const c = new RouteChecker(doc, file);
  if (doc.error !== undefined || doc.root === undefined) {
    const { line, column } = lineColumn(doc, doc.error?.offset ?? 0);
    c.findings.push({
      rule: 'route-decode-error',
      severity: 'error',
      file,
      pointer: '',
      line,
      column,
      message: `plugin.json is not valid JSON (${doc.error?.message ?? 'empty'}): Grafana does not load the plugin`,
      fix: routeRule('route-decode-error').fix,
    });
    return c.findings;
  }
  const root = doc.root;
  if (root.type !== 'object') {
    c.decodeError(root, '', `plugin.json is a JSON ${root.type}, not an object`);
    return c.findings;
  }
  const typeMembers = fieldMembers(root, 'type');
  const typeValue = typeMembers[typeMembers.length - 1]?.value;
  const kind: Kind = typeValue?.value === 'datasource' ? 'datasource' : typeValue?.value === 'app' ? 'app' : 'other';

  const routeMembers = fieldMembers(root, 'routes');
  routeMembers.forEach((m, mi) => {
    const ptr = `/${pointerToken(m.key)}`;
    if (m.value.type === 'null') return;
    if (m.value.type !== 'array') {
      c.decodeError(m.value, ptr, `routes is a JSON ${m.value.type}, not an array`);
      return;
    }
    const routes: Route[] = [];
    (m.value.children ?? []).forEach((n, i) => {
      const rptr = `${ptr}/${i}`;
      if (n.type === 'null') return;
      if (n.type !== 'object') {
        c.decodeError(n, rptr, `routes[${i}] is a JSON ${n.type}, not an object`);
        return;
      }
      routes.push(c.decodeRoute(n, i, rptr));
    });
    // Only the last "routes" key is kept by Go; only datasource and app plugins use routes.
    if (mi !== routeMembers.length - 1 || kind === 'other') return;
    const invalidMethod = new Set<number>();
    for (const r of routes) {
      const before = c.findings.length;
      c.checkRoute(r, kind);
      if (c.findings.slice(before).some((f) => f.rule === 'route-method-invalid')) invalidMethod.add(r.index);
    }
    reportShadowed(c, routes, invalidMethod, kind);
  });
  return c.findings;
}
