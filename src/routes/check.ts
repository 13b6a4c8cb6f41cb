/**
 * Route hygiene of one plugin.json: decodes `routes` as Go's `encoding/json` does into Grafana's `Route` type
 * (ROUTES.md §1–§2), analyses every templated value (§3) and applies the rules of §9 with their precedence.
 */
import { cleanPath } from '../go/path.js';
import {
  type JsonDoc,
  type JsonNode,
  type Member,
  fieldMembers,
  foldKey,
  lineColumn,
  members,
  parseJsonDoc,
  pointerToken,
  rawText,
} from './json.js';
import { type RouteFinding, type RouteRuleId, routeRule } from './rules.js';
import { MASK, type TemplateAnalysis, type TemplateRef, analyzeTemplate, urlParts } from './template.js';

/** Route keys of ROUTES.md §2 (folded); anything else is `route-unknown-key`. */
const KNOWN_ROUTE_KEYS = new Set(
  [
    'path',
    'method',
    'reqRole',
    'reqAction',
    'url',
    'urlParams',
    'headers',
    'body',
    'tokenAuth',
    'jwtTokenAuth',
    'authType',
    'reqSignedIn',
  ].map(foldKey),
);

const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'secret',
  'apikey',
  'apitoken',
  'privatekey',
  'accesstoken',
  'authtoken',
  'bearertoken',
  'refreshtoken',
  'sessiontoken',
];
const SECRET_KEY_EXACT = new Set(['token', 'pwd', 'pass']);
const NOT_SECRET_SUFFIXES = [
  'url',
  'uri',
  'endpoint',
  'path',
  'file',
  'filename',
  'name',
  'id',
  'type',
  'header',
  'headername',
  'field',
  'param',
  'enabled',
  'set',
  'configured',
  'mode',
  'expiry',
  'expires',
  'ttl',
  'length',
  'version',
];
const CREDENTIAL_NAMES = new Set([
  'apikey',
  'xapikey',
  'apitoken',
  'xapitoken',
  'token',
  'accesstoken',
  'authtoken',
  'xauthtoken',
  'privatetoken',
  'xauthkey',
  'authkey',
  'password',
  'passwd',
  'secret',
  'clientsecret',
  'key',
]);

/** A value quoted for a message, cut to 80 characters. */
function q(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? s.slice(0, 79) + '…' : s;
}

function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** ROUTES.md §9 heuristic: does a jsonData key look like a secret? */
export function isSecretLookingKey(key: string): boolean {
  const n = normalizeName(key);
  if (NOT_SECRET_SUFFIXES.some((s) => n.endsWith(s))) return false;
  return SECRET_KEY_EXACT.has(n) || SECRET_KEY_PARTS.some((p) => n.includes(p));
}

/** ROUTES.md §9 heuristic: is a header or query parameter name credential-like? */
export function isCredentialLikeName(name: string): boolean {
  return CREDENTIAL_NAMES.has(normalizeName(name));
}

/** HTTP token characters (RFC 7230 tchar), which Go's `httpguts.ValidHeaderFieldName` accepts. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

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
interface Str {
  node: JsonNode;
  ptr: string;
  value: string;
  isNull: boolean;
  member: Member;
}

interface NameContent {
  node: JsonNode;
  ptr: string;
  name?: Str;
  content?: Str;
}

interface TokenAuthValue {
  node: JsonNode;
  ptr: string;
  url?: Str;
  params: { key: string; value: Str }[];
}

interface Route {
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
type Kind = 'datasource' | 'app' | 'other';

class Checker {
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

  /**
   * Template rules common to every templated value: parse error, certain execution error, `.URL` in an app.
   * @returns the analysis when the template parses (so other rules may use it), else undefined.
   */
  template(text: string, node: JsonNode, ptr: string, kind: Kind): Extract<TemplateAnalysis, { ok: true }> | undefined {
    const a = analyzeTemplate(text);
    if (!a.ok) {
      this.add(
        'template-parse-error',
        node,
        ptr,
        `Grafana cannot parse this template (${a.error}): it logs "could not parse template" and ${
          kind === 'app' ? 'answers 500' : 'does not apply the route'
        }`,
      );
      return undefined;
    }
    if (a.execErrors.length > 0) {
      this.add('template-exec-error', node, ptr, `this template always fails to execute: ${a.execErrors[0]}`);
    }
    if (kind === 'app' && a.refs.some((r) => r.root === 'URL')) {
      this.add('template-url-app', node, ptr, '.URL is always empty in app routes: the plugin proxy never sets it');
    }
    return a;
  }

  /** `jsondata-credential` / `jsondata-secret-name` on one value. */
  secretsInValue(
    refs: TemplateRef[],
    node: JsonNode,
    ptr: string,
    credentialSlot: string | undefined,
    credentialLikeName: string | undefined,
  ): void {
    const json = refs.some((r) => r.root === 'JsonData');
    const secure = refs.some((r) => r.root === 'SecureJsonData');
    if (credentialSlot !== undefined && json && !secure) {
      this.add(
        'jsondata-credential',
        node,
        ptr,
        `the ${credentialSlot} is read from jsonData, which every Viewer can read in cleartext`,
      );
      return;
    }
    const keys = [
      ...new Set(
        refs
          .filter((r) => r.root === 'JsonData' && r.key !== undefined && isSecretLookingKey(r.key))
          .map((r) => r.key!),
      ),
    ];
    if (keys.length > 0) {
      this.add(
        'jsondata-secret-name',
        node,
        ptr,
        `jsonData key ${keys.map((k) => q(k)).join(', ')} looks like a secret; jsonData is readable by every Viewer`,
      );
    } else if (credentialLikeName !== undefined && json && !secure) {
      this.add(
        'jsondata-secret-name',
        node,
        ptr,
        `${credentialLikeName} looks like a credential but its value comes from jsonData, which every Viewer can read`,
      );
    }
  }

  checkRoute(r: Route, kind: Kind): { sendsCredentials: boolean } {
    let sendsCredentials = false;
    const secureIn = (refs: TemplateRef[]) => refs.some((x) => x.root === 'SecureJsonData');

    // route-unknown-key
    for (const m of members(r.node)) {
      if (!KNOWN_ROUTE_KEYS.has(foldKey(m.key))) {
        this.add(
          'route-unknown-key',
          m.keyNode,
          `${r.ptr}/${pointerToken(m.key)}`,
          `route key ${q(m.key)} is not a key of Grafana's Route, even case-insensitively: it is ignored`,
        );
      }
    }

    // route-method-invalid
    if (
      r.method !== undefined &&
      r.method.value !== '' &&
      r.method.value !== '*' &&
      !/^[!#$%&'*+\-.^_`|~0-9A-Z]+$/.test(r.method.value)
    ) {
      this.add(
        'route-method-invalid',
        r.method.node,
        r.method.ptr,
        `method ${q(r.method.value)} never matches a request method (compared byte for byte), so this route and its reqRole/reqAction never apply`,
      );
    }

    // route-path-empty, route-path-leading-slash
    const pathValue = r.path?.value ?? '';
    if (pathValue.replace(/\//g, '') === '' && !(r.path === undefined && fieldMembers(r.node, 'path').length > 0)) {
      const where = r.path !== undefined && !r.path.isNull ? r.path : undefined;
      this.add(
        'route-path-empty',
        where?.node ?? r.node,
        where?.ptr ?? r.ptr,
        kind === 'app'
          ? 'empty route path: in an app it matches only the bare plugin-proxy root'
          : 'empty route path: a catch-all today, but it matched nothing on Grafana versions with path cleaning before #116274 (its reqRole/reqAction unenforced there)',
      );
    } else if (kind === 'datasource' && r.path !== undefined && pathValue.startsWith('/')) {
      this.add(
        'route-path-leading-slash',
        r.path.node,
        r.path.ptr,
        'path starts with /: older Grafana never matches it; newer Grafana matches it but does not strip it, so it is forwarded again after the url path',
      );
    }

    // app-route-field-ignored
    if (kind === 'app') {
      for (const [name, v] of [
        ['urlParams', r.urlParams],
        ['tokenAuth', r.tokenAuth],
        ['jwtTokenAuth', r.jwtTokenAuth],
      ] as const) {
        if (v !== undefined)
          this.add(
            'app-route-field-ignored',
            v.node,
            v.ptr,
            `${name} is ignored by the app plugin proxy: nothing here is sent`,
          );
      }
      if (r.authType !== undefined && r.authType.value !== '') {
        this.add(
          'app-route-field-ignored',
          r.authType.node,
          r.authType.ptr,
          'authType is ignored by the app plugin proxy',
        );
      }
    }

    // headers
    for (const h of r.headers?.entries ?? []) {
      if (h.name === undefined || h.name.value === '') {
        if (!(h.name === undefined && h.node.type === 'object' && fieldMembers(h.node, 'name').length > 0)) {
          this.add(
            'header-name-invalid',
            h.node,
            h.ptr,
            'header entry without a non-empty "name": Go refuses to send a request with an empty header name, so every request on this route fails',
          );
        }
      } else if (!TOKEN.test(h.name.value)) {
        this.add(
          'header-name-invalid',
          h.name.node,
          h.name.ptr,
          `header name ${q(h.name.value)} is not an HTTP token: Go refuses to send the request, so every request on this route fails`,
        );
      }
      if (h.content === undefined || h.content.isNull) continue;
      const a = this.template(h.content.value, h.content.node, h.content.ptr, kind);
      if (a === undefined) continue;
      if (secureIn(a.refs)) sendsCredentials = true;
      const hn = h.name?.value ?? '';
      const isAuth = /^(proxy-)?authorization$/i.test(hn);
      this.secretsInValue(
        a.refs,
        h.content.node,
        h.content.ptr,
        isAuth ? `${hn} header` : undefined,
        isCredentialLikeName(hn) ? `header ${q(hn)}` : undefined,
      );
      if (isAuth) {
        const m = /^ *basic /i.exec(a.masked);
        if (m !== null && a.masked.slice(m[0].length).includes(':')) {
          this.add(
            'basic-auth-unencoded',
            h.content.node,
            h.content.ptr,
            'Basic credentials with a literal ":" are not base64; templates cannot encode, so this header is always invalid',
          );
        }
      }
    }

    // urlParams (data sources only)
    if (kind === 'datasource') {
      for (const p of r.urlParams?.entries ?? []) {
        const nameText = p.name?.value ?? '';
        for (const v of [p.name, p.content]) {
          if (v === undefined || v.isNull) continue;
          const a = this.template(v.value, v.node, v.ptr, kind);
          if (a === undefined) continue;
          const secure = secureIn(a.refs);
          if (secure) sendsCredentials = true;
          this.secretsInValue(
            a.refs,
            v.node,
            v.ptr,
            undefined,
            v === p.content && isCredentialLikeName(nameText) ? `query parameter ${q(nameText)}` : undefined,
          );
          if (secure) {
            this.add(
              'secret-in-query',
              v.node,
              v.ptr,
              "a secureJsonData value is sent in the query string, which servers log (and Grafana's data proxy logging too)",
            );
          }
        }
      }
    }

    // tokenAuth, jwtTokenAuth (data sources only)
    if (kind === 'datasource') {
      for (const [name, t] of [
        ['tokenAuth', r.tokenAuth],
        ['jwtTokenAuth', r.jwtTokenAuth],
      ] as const) {
        if (t === undefined) continue;
        sendsCredentials = true;
        let paramsSecure = false;
        for (const p of t.params) {
          if (p.value.isNull) continue;
          const a = this.template(p.value.value, p.value.node, p.value.ptr, kind);
          if (a === undefined) continue;
          if (secureIn(a.refs)) paramsSecure = true;
          const slot =
            (name === 'tokenAuth' && (p.key === 'client_secret' || p.key === 'password')) ||
            (name === 'jwtTokenAuth' && p.key === 'private_key')
              ? `${name} ${p.key}`
              : undefined;
          this.secretsInValue(a.refs, p.value.node, p.value.ptr, slot, undefined);
        }
        if (t.url === undefined || t.url.isNull || t.url.value === '') continue;
        const a = this.template(t.url.value, t.url.node, t.url.ptr, kind);
        if (a === undefined || name === 'jwtTokenAuth') continue;
        this.secretsInValue(a.refs, t.url.node, t.url.ptr, undefined, undefined);
        const parts = urlParts(a.masked);
        if (!parts.templatedStart && !/^https?:\/\//i.test(a.masked)) {
          this.add(
            'route-url-scheme',
            t.url.node,
            t.url.ptr,
            'tokenAuth.url is not an absolute http(s) URL: the token request cannot be sent',
          );
        }
        if (a.refs.some((x) => x.root === 'SecureJsonData' && !isLeading(a.masked, x.pos))) {
          this.add(
            'secret-in-url',
            t.url.node,
            t.url.ptr,
            'a secureJsonData value is placed in the token URL, where logs and proxies see it',
          );
        }
        if (parts.scheme === 'http' && paramsSecure && !loopbackHost(a.masked, parts)) {
          this.add(
            'credential-over-http',
            t.url.node,
            t.url.ptr,
            'the token request sends secureJsonData over plain http://: credentials travel in cleartext',
          );
        }
      }
    }

    // body
    if (r.body !== undefined) {
      const raw = rawText(this.doc, r.body.node);
      const a = this.template(raw, r.body.node, r.body.ptr, kind);
      if (a !== undefined) {
        if (secureIn(a.refs)) sendsCredentials = true;
        this.bodySecrets(r.body.node, r.body.ptr, a.refs);
      }
    }

    // url
    const url = r.url;
    if (kind === 'app' && (url === undefined || url.value === '')) {
      const where = url !== undefined && !url.isNull ? url : undefined;
      if (!(url === undefined && fieldMembers(r.node, 'url').length > 0)) {
        this.add(
          'app-route-missing-url',
          where?.node ?? r.node,
          where?.ptr ?? r.ptr,
          'app route without url: the plugin proxy sends the request nowhere (502)',
        );
      }
    }
    let urlAnalysis: { a: Extract<TemplateAnalysis, { ok: true }>; parts: ReturnType<typeof urlParts> } | undefined;
    if (url !== undefined && url.value !== '') {
      const a = this.template(url.value, url.node, url.ptr, kind);
      if (a !== undefined) {
        const parts = urlParts(a.masked);
        urlAnalysis = { a, parts };
        this.secretsInValue(a.refs, url.node, url.ptr, undefined, undefined);
        const inDropped = (pos: number) =>
          (parts.userinfoEnd >= 0 && pos >= parts.authorityStart && pos < parts.userinfoEnd) ||
          (parts.queryStart >= 0 && pos >= parts.queryStart);
        if (!parts.templatedStart && !/^https?:\/\//i.test(a.masked)) {
          this.add(
            'route-url-scheme',
            url.node,
            url.ptr,
            'the route url is not an absolute http(s) URL: the proxy cannot send to it',
          );
        }
        if (parts.userinfoEnd >= 0 || parts.queryStart >= 0) {
          const what = [
            parts.userinfoEnd >= 0 ? 'userinfo (user:pass@)' : '',
            parts.queryStart >= 0 ? (a.masked[parts.queryStart] === '?' ? 'query' : 'fragment') : '',
          ].filter((x) => x !== '');
          const secretThere = a.refs.some((x) => x.root === 'SecureJsonData' && inDropped(x.pos));
          this.add(
            'route-url-dropped-part',
            url.node,
            url.ptr,
            `Grafana keeps only the scheme, host and path of a route url: its ${what.join(' and ')} is never sent${secretThere ? ', nor the secret in it' : ''}`,
          );
        }
        const sent = a.refs.filter((x) => !inDropped(x.pos));
        if (sent.some((x) => x.root === 'SecureJsonData')) {
          sendsCredentials = true;
          if (sent.some((x) => x.root === 'SecureJsonData' && !isLeading(a.masked, x.pos))) {
            this.add(
              'secret-in-url',
              url.node,
              url.ptr,
              'a secureJsonData value is placed in the route URL, where logs and proxies see it',
            );
          }
        }
      }
    }
    if (urlAnalysis !== undefined && url !== undefined && sendsCredentials) {
      const { a, parts } = urlAnalysis;
      if (parts.scheme === 'http' && !loopbackHost(a.masked, parts)) {
        this.add(
          'credential-over-http',
          url.node,
          url.ptr,
          'this route sends credentials to a plain http:// URL: they travel in cleartext',
        );
      }
    }
    return { sendsCredentials };
  }

  /** `jsondata-secret-name` inside a body: per JSON string, named by its property. */
  bodySecrets(body: JsonNode, ptr: string, refs: TemplateRef[]): void {
    const visit = (n: JsonNode, p: string, name: string | undefined) => {
      if (n.type === 'object') {
        for (const m of members(n)) visit(m.value, `${p}/${pointerToken(m.key)}`, m.key);
      } else if (n.type === 'array') {
        (n.children ?? []).forEach((c, k) => visit(c, `${p}/${k}`, name));
      } else if (n.type === 'string') {
        const lo = n.offset - body.offset;
        const hi = lo + n.length;
        const inside = refs.filter((r) => r.pos >= lo && r.pos < hi);
        if (inside.length > 0)
          this.secretsInValue(
            inside,
            n,
            p,
            undefined,
            name !== undefined && isCredentialLikeName(name) ? `body property ${q(name)}` : undefined,
          );
      }
    };
    visit(body, ptr, undefined);
  }
}

/** Is the reference at `pos` inside the action that starts the URL (nothing literal before it)? */
function isLeading(masked: string, pos: number): boolean {
  if (!masked.startsWith(MASK)) return false;
  for (let i = 0; i < pos; i++) if (masked[i] !== MASK) return false;
  return true;
}

/** Is the URL's literal host a loopback one (`localhost`, `127.x.x.x`, `[::1]`)? A templated host is not. */
function loopbackHost(masked: string, parts: ReturnType<typeof urlParts>): boolean {
  if (parts.authorityStart < 0) return false;
  let host = masked.slice(parts.userinfoEnd >= 0 ? parts.userinfoEnd + 1 : parts.authorityStart, parts.authorityEnd);
  if (host.includes(MASK)) return false;
  if (host.startsWith('[')) host = host.slice(0, host.indexOf(']') + 1);
  else if (host.includes(':')) host = host.slice(0, host.indexOf(':'));
  host = host.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** ROUTES.md §4.1: `path.Clean("/" + p)` made relative. */
function cleanDataSourcePath(p: string): string {
  const c = cleanPath('/' + p).replace(/^\/+/, '');
  return c === '.' && p !== '.' ? '' : c;
}

function methodCovers(earlier: string, later: string): boolean {
  return earlier === '' || earlier === '*' || earlier === later;
}

function appCovers(earlier: string, later: string): boolean {
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
 * Checks the routes of one plugin.json (ROUTES.md §9).
 *
 * @param text the plugin.json text. @param file its posix path relative to the plugin root (reported as is).
 * @returns findings in document order of the values (shadowing last); an unparsable file gives one
 *   `route-decode-error` at pointer "". Never throws.
 */
export function checkPluginJsonText(text: string, file: string): RouteFinding[] {
  const doc = parseJsonDoc(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const c = new Checker(doc, file);
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
    // route-shadowed: reported once, on the later route, naming the first that covers it.
    const eligible = routes.filter((r) => !r.badMatch && !invalidMethod.has(r.index));
    const paths = eligible.map((r) => r.path?.value ?? '');
    const methods = eligible.map((r) => r.method?.value ?? '');
    const cleaned = kind === 'datasource' ? paths.map(cleanDataSourcePath) : paths;
    for (let j = 0; j < eligible.length; j++) {
      const later = eligible[j]!;
      const lp = paths[j]!;
      const lm = methods[j]!;
      for (let i = 0; i < j; i++) {
        if (!methodCovers(methods[i]!, lm)) continue;
        if (kind === 'datasource' ? !cleaned[j]!.startsWith(cleaned[i]!) : !appCovers(paths[i]!, lp)) continue;
        const earlier = eligible[i]!;
        const ep = paths[i]!;
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
  });
  return c.findings;
}
