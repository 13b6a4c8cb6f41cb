/**
 * The per-route rules (docs/route-hygiene.md#templates to #rules): keys, method and path, headers, URL parameters, token auth, body and URL,
 * each templated value analysed as Grafana's text/template would run it.
 */
import { type JsonNode, fieldMembers, foldKey, members, pointerToken, rawText } from './json.js';
import { MASK, type TemplateAnalysis, type TemplateRef, analyzeTemplate, urlParts } from './template.js';
import { type Kind, type Route, RouteDecoder } from './decode.js';
import { isCredentialLikeName, isSecretLookingKey, q } from './names.js';

/** Route keys of Grafana's `Route` type (docs/route-hygiene.md#route-object, folded); anything else is `route-unknown-key`. */
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

/** HTTP token characters (RFC 7230 tchar), which Go's `httpguts.ValidHeaderFieldName` accepts. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** The decoder plus the per-route rules; `checkPluginJsonText` drives it. */
export class RouteChecker extends RouteDecoder {
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
