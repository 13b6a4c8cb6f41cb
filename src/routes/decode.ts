/**
 * Decoding of plugin.json `routes` as Go's `encoding/json` does into Grafana's `Route` type (docs/route-hygiene.md#decoding, #route-object):
 * case-insensitive keys with the last one winning, `null` as the zero value, and a `route-decode-error` finding where
 * Go's decoder fails.
 */
import { type JsonDoc, type JsonNode, type Member, fieldMembers, lineColumn, members, pointerToken } from './json.js';
import { q } from './names.js';
import { type RouteFinding, type RouteRuleId, routeRule } from './rules.js';

/** Go's `strings.Title` as RoleType's decoder uses it: upper-cases the first letter of each word. */
function goTitle(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    const sep = !/[\p{L}\p{Nd}_]/u.test(prev);
    out += sep ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

const ROLES = new Set(['None', 'Viewer', 'Editor', 'Admin']);

/** A decoded string value (`null` in the JSON gives `isNull` and an empty value). */
export interface Str {
  node: JsonNode;
  ptr: string;
  value: string;
  isNull: boolean;
  member: Member;
}

export interface NameContent {
  node: JsonNode;
  ptr: string;
  name?: Str;
  content?: Str;
}

export interface TokenAuthValue {
  node: JsonNode;
  ptr: string;
  url?: Str;
  params: { key: string; value: Str }[];
}

export interface Route {
  index: number;
  node: JsonNode;
  ptr: string;
  path?: Str;
  method?: Str;
  url?: Str;
  authType?: Str;
  headers?: { node: JsonNode; ptr: string; entries: NameContent[] };
  urlParams?: { node: JsonNode; ptr: string; entries: NameContent[] };
  tokenAuth?: TokenAuthValue;
  jwtTokenAuth?: TokenAuthValue;
  body?: { node: JsonNode; ptr: string };
  /** The path or method failed to decode (such a route takes no part in shadowing). */
  badMatch: boolean;
}

/** Plugin types whose routes Grafana uses. */
export type Kind = 'datasource' | 'app' | 'other';

/** Collects findings while decoding routes; `RouteChecker` adds the rules (docs/route-hygiene.md#rules). */
export class RouteDecoder {
  readonly findings: RouteFinding[] = [];
  constructor(
    readonly doc: JsonDoc,
    readonly file: string,
  ) {}

  add(rule: RouteRuleId, node: JsonNode, ptr: string, message: string): void {
    const r = routeRule(rule);
    const { line, column } = lineColumn(this.doc, node.offset);
    this.findings.push({
      rule,
      severity: r.severity,
      file: this.file,
      pointer: ptr,
      line,
      column,
      message,
      fix: r.fix,
    });
  }

  decodeError(node: JsonNode, ptr: string, what: string): void {
    this.add(
      'route-decode-error',
      node,
      ptr,
      `${what}: Go's encoding/json cannot decode it, so Grafana does not load the plugin`,
    );
  }

  /** Decodes a Go `string` field of `obj` (every matching key is checked; the last one is kept). */
  str(obj: JsonNode, objPtr: string, goName: string, label: string): Str | undefined {
    let kept: Str | undefined;
    for (const m of fieldMembers(obj, goName)) {
      const ptr = `${objPtr}/${pointerToken(m.key)}`;
      if (m.value.type === 'string')
        kept = { node: m.value, ptr, value: String(m.value.value), isNull: false, member: m };
      else if (m.value.type === 'null') kept = { node: m.value, ptr, value: '', isNull: true, member: m };
      else {
        this.decodeError(m.value, ptr, `${label} is a JSON ${m.value.type}, not a string`);
        kept = undefined;
      }
    }
    return kept;
  }

  /** Decodes a `[]{name, content}` field (Header or URLParam). */
  nameContentList(obj: JsonNode, objPtr: string, goName: string): Route['headers'] {
    let kept: Route['headers'];
    for (const m of fieldMembers(obj, goName)) {
      const ptr = `${objPtr}/${pointerToken(m.key)}`;
      if (m.value.type === 'null') {
        kept = undefined;
        continue;
      }
      if (m.value.type !== 'array') {
        this.decodeError(m.value, ptr, `${goName} is a JSON ${m.value.type}, not an array`);
        kept = undefined;
        continue;
      }
      const entries: NameContent[] = [];
      (m.value.children ?? []).forEach((e, k) => {
        const eptr = `${ptr}/${k}`;
        if (e.type === 'null') {
          entries.push({ node: e, ptr: eptr });
          return;
        }
        if (e.type !== 'object') {
          this.decodeError(e, eptr, `${goName}[${k}] is a JSON ${e.type}, not an object`);
          return;
        }
        entries.push({
          node: e,
          ptr: eptr,
          name: this.str(e, eptr, 'name', `${goName}[${k}].name`),
          content: this.str(e, eptr, 'content', `${goName}[${k}].content`),
        });
      });
      kept = { node: m.value, ptr, entries };
    }
    return kept;
  }

  /** Decodes a `*JWTTokenAuth` field (`tokenAuth`, `jwtTokenAuth`). */
  tokenAuth(obj: JsonNode, objPtr: string, goName: string): TokenAuthValue | undefined {
    let kept: TokenAuthValue | undefined;
    for (const m of fieldMembers(obj, goName)) {
      const ptr = `${objPtr}/${pointerToken(m.key)}`;
      if (m.value.type === 'null') {
        kept = undefined;
        continue;
      }
      if (m.value.type !== 'object') {
        this.decodeError(m.value, ptr, `${goName} is a JSON ${m.value.type}, not an object`);
        kept = undefined;
        continue;
      }
      const t: TokenAuthValue = { node: m.value, ptr, url: this.str(m.value, ptr, 'url', `${goName}.url`), params: [] };
      for (const s of fieldMembers(m.value, 'scopes')) {
        const sptr = `${ptr}/${pointerToken(s.key)}`;
        if (s.value.type === 'null') continue;
        if (s.value.type !== 'array') {
          this.decodeError(s.value, sptr, `${goName}.scopes is a JSON ${s.value.type}, not an array`);
          continue;
        }
        (s.value.children ?? []).forEach((e, k) => {
          if (e.type !== 'string' && e.type !== 'null') {
            this.decodeError(e, `${sptr}/${k}`, `${goName}.scopes[${k}] is a JSON ${e.type}, not a string`);
          }
        });
      }
      for (const p of fieldMembers(m.value, 'params')) {
        const pptr = `${ptr}/${pointerToken(p.key)}`;
        if (p.value.type === 'null') {
          t.params = [];
          continue;
        }
        if (p.value.type !== 'object') {
          this.decodeError(p.value, pptr, `${goName}.params is a JSON ${p.value.type}, not an object`);
          t.params = [];
          continue;
        }
        const params = new Map<string, Str>();
        for (const e of members(p.value)) {
          const eptr = `${pptr}/${pointerToken(e.key)}`;
          if (e.value.type === 'string' || e.value.type === 'null') {
            params.set(e.key, {
              node: e.value,
              ptr: eptr,
              value: e.value.type === 'string' ? String(e.value.value) : '',
              isNull: e.value.type === 'null',
              member: e,
            });
          } else {
            this.decodeError(e.value, eptr, `${goName}.params.${e.key} is a JSON ${e.value.type}, not a string`);
            params.delete(e.key);
          }
        }
        t.params = [...params].map(([key, value]) => ({ key, value }));
      }
      kept = t;
    }
    return kept;
  }

  /** Decodes one route; reports every decode error. */
  decodeRoute(node: JsonNode, index: number, ptr: string): Route {
    const path = this.str(node, ptr, 'path', 'path');
    const method = this.str(node, ptr, 'method', 'method');
    const badMatch =
      (fieldMembers(node, 'path').length > 0 && path === undefined) ||
      (fieldMembers(node, 'method').length > 0 && method === undefined);
    this.str(node, ptr, 'reqAction', 'reqAction');
    for (const m of fieldMembers(node, 'reqRole')) {
      const rptr = `${ptr}/${pointerToken(m.key)}`;
      if (m.value.type === 'null') continue;
      if (m.value.type !== 'string') {
        this.decodeError(m.value, rptr, `reqRole is a JSON ${m.value.type}, not a string`);
        continue;
      }
      const role = goTitle(String(m.value.value));
      if (role !== '' && !ROLES.has(role)) {
        this.decodeError(m.value, rptr, `reqRole ${q(m.value.value)} is not None, Viewer, Editor or Admin`);
      }
    }
    const route: Route = {
      index,
      node,
      ptr,
      path,
      method,
      url: this.str(node, ptr, 'url', 'url'),
      authType: this.str(node, ptr, 'authType', 'authType'),
      headers: this.nameContentList(node, ptr, 'headers'),
      urlParams: this.nameContentList(node, ptr, 'urlParams'),
      tokenAuth: this.tokenAuth(node, ptr, 'tokenAuth'),
      jwtTokenAuth: this.tokenAuth(node, ptr, 'jwtTokenAuth'),
      badMatch,
    };
    const body = fieldMembers(node, 'body');
    const lastBody = body[body.length - 1];
    if (lastBody !== undefined && lastBody.value.type !== 'null') {
      route.body = { node: lastBody.value, ptr: `${ptr}/${pointerToken(lastBody.key)}` };
    }
    return route;
  }
}
