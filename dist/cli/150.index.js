export const id = 150;
export const ids = [150];
export const modules = {

/***/ 9150:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkRoutesCommand: () => (/* binding */ checkRoutesCommand),
  formatRouteFindings: () => (/* binding */ formatRouteFindings)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
;// CONCATENATED MODULE: ./lib/routes/json.js
/**
 * plugin.json read with source positions (jsonc-parser, strict JSON) and Go `encoding/json`'s key matching
 * (docs/route-hygiene.md#decoding): keys match Go field names case-insensitively, the last matching key wins, `null`
 * means unset.
 */

/**
 * Parses JSON text strictly (no comments, no trailing commas), keeping offsets.
 * @returns the document; a syntax error is in `error`, never thrown.
 */
function parseJsonDoc(text) {
    const errors = [];
    const root = (0,main.parseTree)(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        lineStarts.push(i + 1);
    const first = errors[0];
    return {
        text,
        root,
        lineStarts,
        ...(first ? { error: { message: (0,main.printParseErrorCode)(first.error), offset: first.offset } } : {}),
    };
}
/** 1-based line and column (UTF-16 units) of an offset. */
function lineColumn(doc, offset) {
    let lo = 0;
    let hi = doc.lineStarts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (doc.lineStarts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return { line: lo + 1, column: offset - doc.lineStarts[lo] + 1 };
}
/** RFC 6901 escaping of one reference token. */
function pointerToken(key) {
    return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}
/** The members of an object node, in document order. */
function members(obj) {
    const out = [];
    for (const p of obj.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k !== undefined && v !== undefined)
            out.push({ key: String(k.value), keyNode: k, value: v });
    }
    return out;
}
/** Go's case folding of a key for field matching (ASCII and simple Unicode lower-casing). */
function foldKey(key) {
    return key.toLowerCase();
}
/**
 * Every member of `obj` that Go decodes into the field `goName` (case-insensitive); the last one is the value Go
 * keeps. @returns members in document order.
 */
function fieldMembers(obj, goName) {
    let index = FIELD_INDEX.get(obj);
    if (index === undefined) {
        index = new Map();
        for (const m of members(obj)) {
            const k = foldKey(m.key);
            const list = index.get(k);
            if (list === undefined)
                index.set(k, [m]);
            else
                list.push(m);
        }
        FIELD_INDEX.set(obj, index);
    }
    return index.get(foldKey(goName)) ?? NONE;
}
const NONE = [];
/** Members of each object node by folded key, built once per node. */
const FIELD_INDEX = new WeakMap();
/** The raw source text of a node. */
function rawText(doc, n) {
    return doc.text.slice(n.offset, n.offset + n.length);
}

// EXTERNAL MODULE: ./lib/go/path.js
var path = __webpack_require__(4251);
;// CONCATENATED MODULE: ./lib/routes/names.js
/**
 * The name heuristics of the route rules (docs/route-hygiene.md#rules): which jsonData keys look like secrets, which header, query parameter and body
 * property names look like credentials; and `q`, the quoting of values in route messages.
 */
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
function q(v) {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 80 ? s.slice(0, 79) + '…' : s;
}
function normalizeName(s) {
    return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}
/** Route-rule heuristic (docs/route-hygiene.md#rules): does a jsonData key look like a secret? */
function isSecretLookingKey(key) {
    const n = normalizeName(key);
    if (NOT_SECRET_SUFFIXES.some((s) => n.endsWith(s)))
        return false;
    return SECRET_KEY_EXACT.has(n) || SECRET_KEY_PARTS.some((p) => n.includes(p));
}
/** Route-rule heuristic (docs/route-hygiene.md#rules): is a header or query parameter name credential-like? */
function isCredentialLikeName(name) {
    return CREDENTIAL_NAMES.has(normalizeName(name));
}

;// CONCATENATED MODULE: ./lib/routes/precedence.js
/**
 * Route precedence (docs/route-hygiene.md#matching): the first route that matches a request wins, so a later route that an earlier one
 * covers is unreachable (`route-shadowed`).
 */


/** docs/route-hygiene.md#matching: `path.Clean("/" + p)` made relative. */
function cleanDataSourcePath(p) {
    const c = (0,path/* cleanPath */.t)('/' + p).replace(/^\/+/, '');
    return c === '.' && p !== '.' ? '' : c;
}
function methodCovers(earlier, later) {
    return earlier === '' || earlier === '*' || earlier === later;
}
function appCovers(earlier, later) {
    const a = earlier.replace(/^\/+|\/+$/g, '');
    const b = later.replace(/^\/+|\/+$/g, '');
    if (a === b)
        return true;
    if (a === '*')
        return b !== '';
    const dynamic = (s) => s.includes(':') || s.includes('(');
    if (dynamic(a) || dynamic(b))
        return false;
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
function reportShadowed(c, routes, invalidMethod, kind) {
    const eligible = routes.filter((r) => !r.badMatch && !invalidMethod.has(r.index));
    const paths = eligible.map((r) => r.path?.value ?? '');
    const methods = eligible.map((r) => r.method?.value ?? '');
    const cleaned = kind === 'datasource' ? paths.map(cleanDataSourcePath) : paths;
    for (let j = 0; j < eligible.length; j++) {
        const later = eligible[j];
        const lp = paths[j];
        const lm = methods[j];
        for (let i = 0; i < j; i++) {
            if (!methodCovers(methods[i], lm))
                continue;
            if (kind === 'datasource' ? !cleaned[j].startsWith(cleaned[i]) : !appCovers(paths[i], lp))
                continue;
            const earlier = eligible[i];
            const ep = paths[i];
            const where = later.path !== undefined && !later.path.isNull ? later.path : undefined;
            const duplicate = ep === lp && methods[i] === lm;
            c.add('route-shadowed', where?.node ?? later.node, where?.ptr ?? later.ptr, `unreachable: route ${earlier.index} (path ${q(ep)}) matches every request this one matches and the first match wins${duplicate ? ' (duplicate route)' : ''}`);
            break;
        }
    }
}

;// CONCATENATED MODULE: ./lib/routes/rules.js
/**
 * The route hygiene rules of docs/route-hygiene.md#rules: ids, severities, descriptions and fixes.
 * The ids, severities and pointers are the contract; the wording is ours.
 */
/** Every rule of docs/route-hygiene.md#rules, in the order of its sections. */
const ROUTE_RULES = [
    {
        id: 'template-parse-error',
        severity: 'error',
        short: 'Grafana cannot parse this route template',
        full: 'Go text/template (with its builtins and Grafana\'s orEmpty) rejects this value: Grafana logs "could not parse template" and does not apply the route (data source) or answers 500 (app).',
        fix: 'Fix the template syntax; use index for keys that are not identifiers ({{ index .SecureJsonData "api-key" }}); only builtins and orEmpty exist.',
    },
    {
        id: 'template-exec-error',
        severity: 'error',
        short: 'This route template always fails to execute',
        full: 'The template parses but always fails at run time: the data has only .JsonData, .SecureJsonData and .URL (case-sensitive), secrets and .URL are strings, fields take no arguments, orEmpty takes one.',
        fix: 'Use .JsonData, .SecureJsonData or .URL exactly; no fields below a secret or .URL; no arguments to fields.',
    },
    {
        id: 'template-url-app',
        severity: 'warning',
        short: '.URL is always empty in app routes',
        full: 'The plugin proxy of app plugins never sets .URL, so it prints an empty string.',
        fix: 'Put the base URL in jsonData and use {{ .JsonData.x }}.',
    },
    {
        id: 'jsondata-credential',
        severity: 'error',
        short: 'Credential read from jsonData',
        full: 'A credential slot (Authorization header, tokenAuth client_secret/password, jwtTokenAuth private_key) is filled from jsonData, which every Viewer can read in cleartext.',
        fix: 'Store it in secureJsonData and reference {{ .SecureJsonData.x }}.',
        securitySeverity: '8.0',
    },
    {
        id: 'jsondata-secret-name',
        severity: 'warning',
        short: 'jsonData key looks like a secret',
        full: 'A secret-looking jsonData key, or jsonData in a credential-like header or query parameter: jsonData is readable by every Viewer.',
        fix: 'Move the value to secureJsonData and reference {{ .SecureJsonData.x }}.',
        securitySeverity: '5.0',
    },
    {
        id: 'secret-in-query',
        severity: 'warning',
        short: 'Secret sent in the query string',
        full: "A secureJsonData value is sent as a URL query parameter; query strings are logged by servers and by Grafana's data proxy logging.",
        fix: 'Send it in a header if the API allows.',
        securitySeverity: '5.0',
    },
    {
        id: 'secret-in-url',
        severity: 'warning',
        short: 'Secret placed in a URL',
        full: 'A secureJsonData value is part of the route or token URL (not as its leading base URL), where logs and proxies see it.',
        fix: 'Send it in a header or the body instead.',
        securitySeverity: '5.0',
    },
    {
        id: 'route-url-dropped-part',
        severity: 'error',
        short: 'Part of the route URL is never sent',
        full: 'Grafana keeps only the scheme, host and path of a route url: its userinfo (user:pass@), query (?) and fragment (#) are dropped, with any secret in them.',
        fix: 'Credentials go in headers, query parameters in urlParams.',
    },
    {
        id: 'credential-over-http',
        severity: 'error',
        short: 'Credentials sent over plain http',
        full: 'The route sends credentials (secureJsonData or a token) to a literal http:// URL whose host is not loopback: they travel in cleartext.',
        fix: 'Use https:// (or let the user supply the URL).',
        securitySeverity: '7.5',
    },
    {
        id: 'basic-auth-unencoded',
        severity: 'error',
        short: 'Basic credentials are not base64',
        full: 'An Authorization header "Basic user:pass" with a literal colon: Basic credentials must be base64 and templates cannot encode, so this header is always invalid.',
        fix: 'Store the pre-encoded base64 of user:pass as one secret and use Basic {{ .SecureJsonData.basicAuth }}.',
    },
    {
        id: 'route-url-scheme',
        severity: 'error',
        short: 'Route URL is not an absolute http(s) URL',
        full: 'A non-empty route url or tokenAuth.url that neither starts with a template nor with http:// or https://: the proxy cannot send to it.',
        fix: 'Write the full https://host/path.',
    },
    {
        id: 'app-route-missing-url',
        severity: 'error',
        short: 'App route without url',
        full: 'The app plugin proxy sends a route without url nowhere (502).',
        fix: 'Add url.',
    },
    {
        id: 'app-route-field-ignored',
        severity: 'warning',
        short: 'Field ignored by the app plugin proxy',
        full: 'urlParams, tokenAuth, jwtTokenAuth and authType are ignored in app routes: nothing here is sent.',
        fix: 'Use headers or body, or a backend.',
    },
    {
        id: 'route-method-invalid',
        severity: 'error',
        short: 'Route method never matches',
        full: 'Grafana compares the method byte for byte with the request method (upper case, one method): this route, and its reqRole/reqAction, never applies.',
        fix: 'One upper-case method per route, or *.',
    },
    {
        id: 'route-shadowed',
        severity: 'warning',
        short: 'Route is unreachable',
        full: 'An earlier route matches every request this one matches, and the first match wins.',
        fix: 'Order specific routes before general ones; merge duplicates.',
    },
    {
        id: 'route-path-empty',
        severity: 'warning',
        short: 'Route path is empty',
        full: 'Data source: a catch-all today, but it matched nothing on versions with path cleaning before #116274 (its reqRole/reqAction unenforced there); app: matches only the bare proxy root; the schema requires a path.',
        fix: 'Give an explicit path.',
    },
    {
        id: 'route-path-leading-slash',
        severity: 'warning',
        short: 'Data source route path starts with /',
        full: 'Older Grafana never matches it; newer Grafana matches it but does not strip it, so it is forwarded again after the url path.',
        fix: 'Drop the leading slash.',
    },
    {
        id: 'route-decode-error',
        severity: 'error',
        short: 'plugin.json fails to decode',
        full: "Go cannot decode this value into Grafana's Route type (wrong JSON type, or an invalid reqRole): Grafana does not load the plugin.",
        fix: 'Fix the type; reqRole is None, Viewer, Editor or Admin.',
    },
    {
        id: 'header-name-invalid',
        severity: 'error',
        short: 'Invalid header name',
        full: 'A header entry without a non-empty name, or a name that is not an HTTP token: Go refuses to send the request, so every request on this route fails.',
        fix: 'Use name and content; a valid header name.',
    },
    {
        id: 'route-unknown-key',
        severity: 'warning',
        short: 'Unknown route key',
        full: 'Grafana ignores this key (even case-insensitively) and the plugin.json schema rejects it.',
        fix: 'Remove or rename it.',
    },
];
/** The rule of an id. */
function routeRule(id) {
    return ROUTE_RULES.find((r) => r.id === id);
}

;// CONCATENATED MODULE: ./lib/routes/decode.js
/**
 * Decoding of plugin.json `routes` as Go's `encoding/json` does into Grafana's `Route` type (docs/route-hygiene.md#decoding, #route-object):
 * case-insensitive keys with the last one winning, `null` as the zero value, and a `route-decode-error` finding where
 * Go's decoder fails.
 */



/** Go's `strings.Title` as RoleType's decoder uses it: upper-cases the first letter of each word. */
function goTitle(s) {
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
/** Collects findings while decoding routes; `RouteChecker` adds the rules (docs/route-hygiene.md#rules). */
class RouteDecoder {
    doc;
    file;
    findings = [];
    constructor(doc, file) {
        this.doc = doc;
        this.file = file;
    }
    add(rule, node, ptr, message) {
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
    decodeError(node, ptr, what) {
        this.add('route-decode-error', node, ptr, `${what}: Go's encoding/json cannot decode it, so Grafana does not load the plugin`);
    }
    /** Decodes a Go `string` field of `obj` (every matching key is checked; the last one is kept). */
    str(obj, objPtr, goName, label) {
        let kept;
        for (const m of fieldMembers(obj, goName)) {
            const ptr = `${objPtr}/${pointerToken(m.key)}`;
            if (m.value.type === 'string')
                kept = { node: m.value, ptr, value: String(m.value.value), isNull: false, member: m };
            else if (m.value.type === 'null')
                kept = { node: m.value, ptr, value: '', isNull: true, member: m };
            else {
                this.decodeError(m.value, ptr, `${label} is a JSON ${m.value.type}, not a string`);
                kept = undefined;
            }
        }
        return kept;
    }
    /** Decodes a `[]{name, content}` field (Header or URLParam). */
    nameContentList(obj, objPtr, goName) {
        let kept;
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
            const entries = [];
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
    tokenAuth(obj, objPtr, goName) {
        let kept;
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
            const t = { node: m.value, ptr, url: this.str(m.value, ptr, 'url', `${goName}.url`), params: [] };
            for (const s of fieldMembers(m.value, 'scopes')) {
                const sptr = `${ptr}/${pointerToken(s.key)}`;
                if (s.value.type === 'null')
                    continue;
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
                const params = new Map();
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
                    }
                    else {
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
    decodeRoute(node, index, ptr) {
        const path = this.str(node, ptr, 'path', 'path');
        const method = this.str(node, ptr, 'method', 'method');
        const badMatch = (fieldMembers(node, 'path').length > 0 && path === undefined) ||
            (fieldMembers(node, 'method').length > 0 && method === undefined);
        this.str(node, ptr, 'reqAction', 'reqAction');
        for (const m of fieldMembers(node, 'reqRole')) {
            const rptr = `${ptr}/${pointerToken(m.key)}`;
            if (m.value.type === 'null')
                continue;
            if (m.value.type !== 'string') {
                this.decodeError(m.value, rptr, `reqRole is a JSON ${m.value.type}, not a string`);
                continue;
            }
            const role = goTitle(String(m.value.value));
            if (role !== '' && !ROLES.has(role)) {
                this.decodeError(m.value, rptr, `reqRole ${q(m.value.value)} is not None, Viewer, Editor or Admin`);
            }
        }
        const route = {
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

;// CONCATENATED MODULE: ./lib/go/template/lex.js
/**
 * Port of Go's `text/template/parse/lex.go` (the template lexer, default delimiters `{{` `}}`).
 *
 * Own code: Grafana parses every route template with Go's `text/template`, and no JavaScript library reproduces
 * which texts Go's lexer rejects and with which message. The port keeps Go's state functions, names and messages;
 * it works on JS strings by code point (positions are UTF-16 offsets into the input, which is what a caller needs
 * to point into a JSON source), lines are counted as Go counts them.
 */
/** Go's `itemType`, in Go's order (keywords after `Keyword`). */
var ItemType;
(function (ItemType) {
    ItemType[ItemType["Error"] = 0] = "Error";
    ItemType[ItemType["Bool"] = 1] = "Bool";
    ItemType[ItemType["Char"] = 2] = "Char";
    ItemType[ItemType["CharConstant"] = 3] = "CharConstant";
    ItemType[ItemType["Comment"] = 4] = "Comment";
    ItemType[ItemType["Complex"] = 5] = "Complex";
    ItemType[ItemType["Assign"] = 6] = "Assign";
    ItemType[ItemType["Declare"] = 7] = "Declare";
    ItemType[ItemType["EOF"] = 8] = "EOF";
    ItemType[ItemType["Field"] = 9] = "Field";
    ItemType[ItemType["Identifier"] = 10] = "Identifier";
    ItemType[ItemType["LeftDelim"] = 11] = "LeftDelim";
    ItemType[ItemType["LeftParen"] = 12] = "LeftParen";
    ItemType[ItemType["Number"] = 13] = "Number";
    ItemType[ItemType["Pipe"] = 14] = "Pipe";
    ItemType[ItemType["RawString"] = 15] = "RawString";
    ItemType[ItemType["RightDelim"] = 16] = "RightDelim";
    ItemType[ItemType["RightParen"] = 17] = "RightParen";
    ItemType[ItemType["Space"] = 18] = "Space";
    ItemType[ItemType["String"] = 19] = "String";
    ItemType[ItemType["Text"] = 20] = "Text";
    ItemType[ItemType["Variable"] = 21] = "Variable";
    ItemType[ItemType["Keyword"] = 22] = "Keyword";
    ItemType[ItemType["Block"] = 23] = "Block";
    ItemType[ItemType["Break"] = 24] = "Break";
    ItemType[ItemType["Continue"] = 25] = "Continue";
    ItemType[ItemType["Dot"] = 26] = "Dot";
    ItemType[ItemType["Define"] = 27] = "Define";
    ItemType[ItemType["Else"] = 28] = "Else";
    ItemType[ItemType["End"] = 29] = "End";
    ItemType[ItemType["If"] = 30] = "If";
    ItemType[ItemType["Nil"] = 31] = "Nil";
    ItemType[ItemType["Range"] = 32] = "Range";
    ItemType[ItemType["Template"] = 33] = "Template";
    ItemType[ItemType["With"] = 34] = "With";
})(ItemType || (ItemType = {}));
const KEY = {
    '.': ItemType.Dot,
    block: ItemType.Block,
    break: ItemType.Break,
    continue: ItemType.Continue,
    define: ItemType.Define,
    else: ItemType.Else,
    end: ItemType.End,
    if: ItemType.If,
    range: ItemType.Range,
    nil: ItemType.Nil,
    template: ItemType.Template,
    with: ItemType.With,
};
const EOF = -1;
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const SPACE_CHARS = ' \t\r\n';
const TRIM_MARKER = '-';
const TRIM_MARKER_LEN = 2; // marker plus space before or after
/** Go's `fmt.Sprintf("%q", s)` for the strings a template error shows (strconv.Quote). */
function goQuote(s) {
    let out = '"';
    for (const ch of s) {
        const c = ch.codePointAt(0);
        switch (ch) {
            case '"':
                out += '\\"';
                continue;
            case '\\':
                out += '\\\\';
                continue;
            case '\x07':
                out += '\\a';
                continue;
            case '\b':
                out += '\\b';
                continue;
            case '\f':
                out += '\\f';
                continue;
            case '\n':
                out += '\\n';
                continue;
            case '\r':
                out += '\\r';
                continue;
            case '\t':
                out += '\\t';
                continue;
            case '\v':
                out += '\\v';
                continue;
        }
        if (c < 0x20 || c === 0x7f)
            out += '\\x' + c.toString(16).padStart(2, '0');
        else if (c >= 0xd800 && c <= 0xdfff)
            out += '\\ufffd';
        else if (c > 0x7f && !/[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]/u.test(ch)) {
            out += c > 0xffff ? '\\U' + c.toString(16).padStart(8, '0') : '\\u' + c.toString(16).padStart(4, '0');
        }
        else
            out += ch;
    }
    return out + '"';
}
/** Go's `%#U` of a rune: `U+0023 '#'` (the quoted char only when printable). */
function goRuneU(r) {
    const hex = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
    if (r < 0)
        return 'U+FFFFFFFFFFFFFFFF';
    const ch = String.fromCodePoint(r);
    return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch) || r === 0x20 ? `${hex} '${ch}'` : hex;
}
/** Go's `item.String()`, as the parser's "unexpected X in Y" messages print a token. */
function itemString(i) {
    if (i.typ === ItemType.EOF)
        return 'EOF';
    if (i.typ === ItemType.Error)
        return i.val;
    if (i.typ > ItemType.Keyword)
        return `<${i.val}>`;
    if ([...i.val].length > 10)
        return `${goQuote([...i.val].slice(0, 10).join(''))}...`;
    return goQuote(i.val);
}
/** Go's `isSpace`: only the four ASCII space characters. */
function isSpace(r) {
    return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}
/** Go's `isAlphaNumeric`: `_`, `unicode.IsLetter` or `unicode.IsDigit` (category Nd). */
function isAlphaNumeric(r) {
    if (r < 0)
        return false;
    if (r === 0x5f)
        return true;
    if (r < 0x80)
        return (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
    return /^[\p{L}\p{Nd}]$/u.test(String.fromCodePoint(r));
}
function hasLeftTrimMarker(s, at) {
    return s.length - at >= 2 && s[at] === TRIM_MARKER && isSpace(s.charCodeAt(at + 1));
}
function hasRightTrimMarker(s, at) {
    return s.length - at >= 2 && isSpace(s.charCodeAt(at)) && s[at + 1] === TRIM_MARKER;
}
function countNewlines(s) {
    let n = 0;
    for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1))
        n++;
    return n;
}
function trimRightLength(s) {
    let i = s.length;
    while (i > 0 && SPACE_CHARS.includes(s[i - 1]))
        i--;
    return s.length - i;
}
function trimLeftLength(s, at) {
    let i = at;
    while (i < s.length && SPACE_CHARS.includes(s[i]))
        i++;
    return i - at;
}
/** Go's `lexer`: call {@link Lexer.nextItem} until it returns EOF or an Error item. */
class Lexer {
    name;
    input;
    leftDelim;
    rightDelim;
    pos = 0;
    start = 0;
    atEOF = false;
    parenDepth = 0;
    line = 1;
    startLine = 1;
    item;
    insideAction = false;
    options;
    constructor(name, input, left = '', right = '') {
        this.name = name;
        this.input = input;
        this.leftDelim = left === '' ? '{{' : left;
        this.rightDelim = right === '' ? '}}' : right;
        this.item = { typ: ItemType.EOF, pos: 0, val: 'EOF', line: 1 };
        this.options = { emitComment: false, breakOK: true, continueOK: true };
    }
    /** Go's `next`: the next code point, or EOF (-1). */
    next() {
        if (this.pos >= this.input.length) {
            this.atEOF = true;
            return EOF;
        }
        const r = this.input.codePointAt(this.pos);
        this.pos += r > 0xffff ? 2 : 1;
        if (r === 0x0a)
            this.line++;
        return r;
    }
    peek() {
        const r = this.next();
        this.backup();
        return r;
    }
    backup() {
        if (!this.atEOF && this.pos > 0) {
            const lo = this.input.charCodeAt(this.pos - 1);
            const w = lo >= 0xdc00 && lo <= 0xdfff && this.pos >= 2 && /[\ud800-\udbff]/.test(this.input[this.pos - 2]) ? 2 : 1;
            this.pos -= w;
            if (lo === 0x0a)
                this.line--;
        }
        this.atEOF = false;
    }
    thisItem(t) {
        const i = { typ: t, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
        this.start = this.pos;
        this.startLine = this.line;
        return i;
    }
    emit(t) {
        return this.emitItem(this.thisItem(t));
    }
    emitItem(i) {
        this.item = i;
        return null;
    }
    ignore() {
        this.line += countNewlines(this.input.slice(this.start, this.pos));
        this.start = this.pos;
        this.startLine = this.line;
    }
    accept(valid) {
        const r = this.next();
        if (r >= 0 && valid.includes(String.fromCodePoint(r)))
            return true;
        this.backup();
        return false;
    }
    acceptRun(valid) {
        for (;;) {
            const r = this.next();
            if (!(r >= 0 && valid.includes(String.fromCodePoint(r))))
                break;
        }
        this.backup();
    }
    errorf(msg) {
        this.item = { typ: ItemType.Error, pos: this.start, val: msg, line: this.startLine };
        this.start = 0;
        this.pos = 0;
        this.input = '';
        return null;
    }
    /** Go's `nextItem`: runs the state machine until it emits one item. */
    nextItem() {
        this.item = { typ: ItemType.EOF, pos: this.pos, val: 'EOF', line: this.startLine };
        let state = this.insideAction ? lexInsideAction : lexText;
        while (state !== null)
            state = state(this);
        return this.item;
    }
    /** Go's `atRightDelim`: `[delim, trimSpaces]`. */
    atRightDelim() {
        if (hasRightTrimMarker(this.input, this.pos) &&
            this.input.startsWith(this.rightDelim, this.pos + TRIM_MARKER_LEN)) {
            return [true, true];
        }
        if (this.input.startsWith(this.rightDelim, this.pos))
            return [true, false];
        return [false, false];
    }
    /** Go's `atTerminator`: may the current word end here? */
    atTerminator() {
        const r = this.peek();
        if (isSpace(r))
            return true;
        if (r === EOF || r === 0x2e || r === 0x2c || r === 0x7c || r === 0x3a || r === 0x29 || r === 0x28)
            return true;
        return this.input.startsWith(this.rightDelim, this.pos);
    }
    scanNumber() {
        this.accept('+-');
        let digits = '0123456789_';
        if (this.accept('0')) {
            if (this.accept('xX'))
                digits = '0123456789abcdefABCDEF_';
            else if (this.accept('oO'))
                digits = '01234567_';
            else if (this.accept('bB'))
                digits = '01_';
        }
        this.acceptRun(digits);
        if (this.accept('.'))
            this.acceptRun(digits);
        if (digits.length === 10 + 1 && this.accept('eE')) {
            this.accept('+-');
            this.acceptRun('0123456789_');
        }
        if (digits.length === 16 + 6 + 1 && this.accept('pP')) {
            this.accept('+-');
            this.acceptRun('0123456789_');
        }
        this.accept('i');
        if (isAlphaNumeric(this.peek())) {
            this.next();
            return false;
        }
        return true;
    }
}
function lexText(l) {
    const x = l.input.indexOf(l.leftDelim, l.pos);
    if (x >= 0) {
        if (x > l.pos) {
            l.pos = x;
            let trimLength = 0;
            const delimEnd = l.pos + l.leftDelim.length;
            if (hasLeftTrimMarker(l.input, delimEnd))
                trimLength = trimRightLength(l.input.slice(l.start, l.pos));
            l.pos -= trimLength;
            l.line += countNewlines(l.input.slice(l.start, l.pos));
            const i = l.thisItem(ItemType.Text);
            l.pos += trimLength;
            l.ignore();
            if (i.val.length > 0)
                return l.emitItem(i);
        }
        return lexLeftDelim;
    }
    l.pos = l.input.length;
    if (l.pos > l.start) {
        l.line += countNewlines(l.input.slice(l.start, l.pos));
        return l.emit(ItemType.Text);
    }
    return l.emit(ItemType.EOF);
}
function lexLeftDelim(l) {
    l.pos += l.leftDelim.length;
    const trimSpace = hasLeftTrimMarker(l.input, l.pos);
    const afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
    if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
        l.pos += afterMarker;
        l.ignore();
        return lexComment;
    }
    const i = l.thisItem(ItemType.LeftDelim);
    l.insideAction = true;
    l.pos += afterMarker;
    l.ignore();
    l.parenDepth = 0;
    return l.emitItem(i);
}
function lexComment(l) {
    l.pos += LEFT_COMMENT.length;
    const x = l.input.indexOf(RIGHT_COMMENT, l.pos);
    if (x < 0)
        return l.errorf('unclosed comment');
    l.pos = x + RIGHT_COMMENT.length;
    const [delim, trimSpace] = l.atRightDelim();
    if (!delim)
        return l.errorf('comment ends before closing delimiter');
    const i = l.thisItem(ItemType.Comment);
    if (trimSpace)
        l.pos += TRIM_MARKER_LEN;
    l.pos += l.rightDelim.length;
    if (trimSpace)
        l.pos += trimLeftLength(l.input, l.pos);
    l.ignore();
    if (l.options.emitComment)
        return l.emitItem(i);
    return lexText;
}
function lexRightDelim(l) {
    const [, trimSpace] = l.atRightDelim();
    if (trimSpace) {
        l.pos += TRIM_MARKER_LEN;
        l.ignore();
    }
    l.pos += l.rightDelim.length;
    const i = l.thisItem(ItemType.RightDelim);
    if (trimSpace) {
        l.pos += trimLeftLength(l.input, l.pos);
        l.ignore();
    }
    l.insideAction = false;
    return l.emitItem(i);
}
function lexInsideAction(l) {
    const [delim] = l.atRightDelim();
    if (delim) {
        if (l.parenDepth === 0)
            return lexRightDelim;
        return l.errorf('unclosed left paren');
    }
    const r = l.next();
    if (r === EOF)
        return l.errorf('unclosed action');
    if (isSpace(r)) {
        l.backup(); // Put space back in case we have " -}}".
        return lexSpace;
    }
    switch (r) {
        case 0x3d: // '='
            return l.emit(ItemType.Assign);
        case 0x3a: // ':'
            if (l.next() !== 0x3d)
                return l.errorf('expected :=');
            return l.emit(ItemType.Declare);
        case 0x7c: // '|'
            return l.emit(ItemType.Pipe);
        case 0x22: // '"'
            return lexQuote;
        case 0x60: // '`'
            return lexRawQuote;
        case 0x24: // '$'
            return lexVariable;
        case 0x27: // '\''
            return lexChar;
        case 0x2e: // '.'
            // special look-ahead for ".field" so we don't break l.backup().
            if (l.pos < l.input.length) {
                const c = l.input[l.pos];
                if (c < '0' || '9' < c)
                    return lexField;
            }
            l.backup();
            return lexNumber; // '.' can start a number.
    }
    if (r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
        l.backup();
        return lexNumber;
    }
    if (isAlphaNumeric(r)) {
        l.backup();
        return lexIdentifier;
    }
    if (r === 0x28) {
        l.parenDepth++;
        return l.emit(ItemType.LeftParen);
    }
    if (r === 0x29) {
        l.parenDepth--;
        if (l.parenDepth < 0)
            return l.errorf('unexpected right paren');
        return l.emit(ItemType.RightParen);
    }
    if (r <= 0x7f && r >= 0x20 && r !== 0x7f) {
        return l.emit(ItemType.Char);
    }
    return l.errorf(`unrecognized character in action: ${goRuneU(r)}`);
}
function lexSpace(l) {
    let numSpaces = 0;
    for (;;) {
        const r = l.peek();
        if (!isSpace(r))
            break;
        l.next();
        numSpaces++;
    }
    // Be careful about a trim-marked closing delimiter, which has a minus after a space.
    if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(l.rightDelim, l.pos - 1 + TRIM_MARKER_LEN)) {
        l.backup(); // Before the space.
        if (numSpaces === 1)
            return lexRightDelim; // On the delim, so go right to that.
    }
    return l.emit(ItemType.Space);
}
function lexIdentifier(l) {
    for (;;) {
        const r = l.next();
        if (isAlphaNumeric(r))
            continue;
        l.backup();
        const word = l.input.slice(l.start, l.pos);
        if (!l.atTerminator())
            return l.errorf(`bad character ${goRuneU(r)}`);
        const key = Object.hasOwn(KEY, word) ? KEY[word] : undefined;
        if (key !== undefined && key > ItemType.Keyword) {
            if ((key === ItemType.Break && !l.options.breakOK) || (key === ItemType.Continue && !l.options.continueOK)) {
                return l.emit(ItemType.Identifier);
            }
            return l.emit(key);
        }
        if (word[0] === '.')
            return l.emit(ItemType.Field);
        if (word === 'true' || word === 'false')
            return l.emit(ItemType.Bool);
        return l.emit(ItemType.Identifier);
    }
}
function lexField(l) {
    return lexFieldOrVariable(l, ItemType.Field);
}
function lexVariable(l) {
    if (l.atTerminator())
        return l.emit(ItemType.Variable); // Nothing interesting follows -> "$".
    return lexFieldOrVariable(l, ItemType.Variable);
}
function lexFieldOrVariable(l, typ) {
    if (l.atTerminator()) {
        return l.emit(typ === ItemType.Variable ? ItemType.Variable : ItemType.Dot);
    }
    let r;
    for (;;) {
        r = l.next();
        if (!isAlphaNumeric(r)) {
            l.backup();
            break;
        }
    }
    if (!l.atTerminator())
        return l.errorf(`bad character ${goRuneU(r)}`);
    return l.emit(typ);
}
function lexQuoted(l, quote, typ, msg) {
    for (;;) {
        let r = l.next();
        if (r === 0x5c) {
            r = l.next();
            if (r !== EOF && r !== 0x0a)
                continue;
            return l.errorf(msg);
        }
        if (r === EOF || r === 0x0a)
            return l.errorf(msg);
        if (r === quote)
            break;
    }
    return l.emit(typ);
}
function lexChar(l) {
    return lexQuoted(l, 0x27, ItemType.CharConstant, 'unterminated character constant');
}
function lexQuote(l) {
    return lexQuoted(l, 0x22, ItemType.String, 'unterminated quoted string');
}
function lexRawQuote(l) {
    for (;;) {
        const r = l.next();
        if (r === EOF)
            return l.errorf('unterminated raw quoted string');
        if (r === 0x60)
            break;
    }
    return l.emit(ItemType.RawString);
}
function lexNumber(l) {
    if (!l.scanNumber())
        return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
    const sign = l.peek();
    if (sign === 0x2b || sign === 0x2d) {
        // Complex: 1+2i. No spaces, must end in 'i'.
        if (!l.scanNumber() || l.input[l.pos - 1] !== 'i') {
            return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
        }
        return l.emit(ItemType.Complex);
    }
    return l.emit(ItemType.Number);
}

;// CONCATENATED MODULE: ./lib/go/strconv.js
/**
 * Port of the parts of Go's `strconv` that `text/template/parse` calls: `Unquote`/`UnquoteChar` (quote.go) and the
 * syntax and range checks of `ParseInt`/`ParseUint` with base 0 and `ParseFloat` (atoi.go, atof.go).
 *
 * Own code: JavaScript's number parsing accepts other syntaxes (no `0o`, no `_` rules, no hex floats), and a template
 * must be rejected exactly where Go rejects it. Only validity (and the value, as a JS number, where exact enough)
 * is reproduced; errors are `GoSyntaxError` with Go's message.
 */
/** Go's `strconv.ErrSyntax`/`ErrRange` wrapped in a `*NumError`-like message. */
class GoSyntaxError extends Error {
}
function isHex(c) {
    return /^[0-9a-fA-F]$/.test(c);
}
/**
 * Go's `strconv.UnquoteChar(s, quote)`: decodes the first character or escape of `s`.
 * @returns `[codePoint, tail]`. @throws GoSyntaxError("invalid syntax") as Go returns ErrSyntax.
 */
function unquoteChar(s, quote) {
    const c = s[0];
    if (c === undefined)
        throw new GoSyntaxError('invalid syntax');
    if (c === quote && (quote === "'" || quote === '"'))
        throw new GoSyntaxError('invalid syntax');
    if (c !== '\\') {
        const cp = s.codePointAt(0);
        return [cp, s.slice(cp > 0xffff ? 2 : 1)];
    }
    if (s.length <= 1)
        throw new GoSyntaxError('invalid syntax');
    const e = s[1];
    let rest = s.slice(2);
    const simple = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };
    if (Object.hasOwn(simple, e))
        return [simple[e], rest];
    if (e === 'x' || e === 'u' || e === 'U') {
        const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        if (rest.length < n)
            throw new GoSyntaxError('invalid syntax');
        let v = 0;
        for (let j = 0; j < n; j++) {
            if (!isHex(rest[j]))
                throw new GoSyntaxError('invalid syntax');
            v = v * 16 + parseInt(rest[j], 16);
        }
        rest = rest.slice(n);
        if (e === 'x')
            return [v, rest];
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
            throw new GoSyntaxError('invalid syntax');
        return [v, rest];
    }
    if (e >= '0' && e <= '7') {
        let v = e.charCodeAt(0) - 0x30;
        if (rest.length < 2)
            throw new GoSyntaxError('invalid syntax');
        for (let j = 0; j < 2; j++) {
            const d = rest.charCodeAt(j) - 0x30;
            if (d < 0 || d > 7)
                throw new GoSyntaxError('invalid syntax');
            v = v * 8 + d;
        }
        if (v > 255)
            throw new GoSyntaxError('invalid syntax');
        return [v, rest.slice(2)];
    }
    if (e === "'" || e === '"') {
        if (e !== quote)
            throw new GoSyntaxError('invalid syntax');
        return [e.charCodeAt(0), rest];
    }
    throw new GoSyntaxError('invalid syntax');
}
/**
 * Go's `strconv.Unquote` for `"…"`, `` `…` `` and `'…'` literals. @returns the unquoted text.
 * @throws GoSyntaxError("invalid syntax").
 */
function unquote(s) {
    const q = s[0];
    if (s.length < 2 || q !== s[s.length - 1])
        throw new GoSyntaxError('invalid syntax');
    const body = s.slice(1, -1);
    if (q === '`') {
        if (body.includes('`'))
            throw new GoSyntaxError('invalid syntax');
        return body.replaceAll('\r', '');
    }
    if (q !== '"' && q !== "'")
        throw new GoSyntaxError('invalid syntax');
    if (body.includes('\n'))
        throw new GoSyntaxError('invalid syntax');
    let out = '';
    let rest = body;
    while (rest.length > 0) {
        const [cp, tail] = unquoteChar(rest, q);
        out += String.fromCodePoint(cp);
        rest = tail;
        if (q === "'" && rest.length > 0)
            throw new GoSyntaxError('invalid syntax');
    }
    if (q === "'" && out.length === 0)
        throw new GoSyntaxError('invalid syntax');
    return out;
}
/** Go's `underscoreOK` (atoi.go): underscores only between digits or after a base prefix. */
function underscoreOK(s0) {
    let s = s0;
    let saw = '^';
    let i = 0;
    if (s.length >= 1 && (s[0] === '-' || s[0] === '+'))
        s = s.slice(1);
    let hex = false;
    if (s.length >= 2 && s[0] === '0' && /[bBoOxX]/.test(s[1])) {
        i = 2;
        saw = '0';
        hex = s[1] === 'x' || s[1] === 'X';
    }
    for (; i < s.length; i++) {
        const c = s[i];
        if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
            saw = '0';
            continue;
        }
        if (c === '_') {
            if (saw !== '0')
                return false;
            saw = '_';
            continue;
        }
        if (saw === '_')
            return false;
        saw = '!';
    }
    return saw !== '_';
}
/**
 * Go's `strconv.ParseUint(s, 0, 64)` (signed = false) or `ParseInt(s, 0, 64)` (signed = true).
 * @returns the value as a bigint, or null where Go returns an error (syntax or range).
 */
function parseIntBase0(s, signed) {
    let t = s;
    let neg = false;
    if (signed && (t[0] === '+' || t[0] === '-')) {
        neg = t[0] === '-';
        t = t.slice(1);
    }
    if (t === '')
        return null;
    let base = 10;
    let digits = t;
    if (t[0] === '0') {
        if (t.length >= 3 && /[xX]/.test(t[1])) {
            base = 16;
            digits = t.slice(2);
        }
        else if (t.length >= 3 && /[oO]/.test(t[1])) {
            base = 8;
            digits = t.slice(2);
        }
        else if (t.length >= 3 && /[bB]/.test(t[1])) {
            base = 2;
            digits = t.slice(2);
        }
        else {
            base = 8;
            digits = t.slice(1);
        }
    }
    let v = 0n;
    let underscores = false;
    for (const c of digits) {
        if (c === '_') {
            underscores = true;
            continue;
        }
        const d = parseInt(c, 36);
        if (Number.isNaN(d) || d >= base)
            return null;
        v = v * BigInt(base) + BigInt(d);
    }
    if (underscores && !underscoreOK(t))
        return null;
    if (signed) {
        if (!neg && v > (1n << 63n) - 1n)
            return null;
        if (neg && v > 1n << 63n)
            return null;
        return neg ? -v : v;
    }
    if (v > (1n << 64n) - 1n)
        return null;
    return v;
}
/**
 * Go's `strconv.ParseFloat(s, 64)` for the texts the template lexer can produce (decimal and hexadecimal
 * floating-point literals with `_` separators). @returns the value, or null where Go returns an error (syntax, or
 * ErrRange on overflow).
 */
function parseFloat64(s) {
    const dec = /^[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/;
    const hex = /^[+-]?0[xX](?:[0-9a-fA-F_]+\.?[0-9a-fA-F_]*|\.[0-9a-fA-F_]+)[pP][+-]?[0-9_]+$/;
    let v;
    if (dec.test(s)) {
        const mant = s.replace(/[eE].*$/, '');
        if (!/[0-9]/.test(mant))
            return null;
        if (/[eE][+-]?_*$/.test(s))
            return null;
        if (s.includes('_') && !underscoreOK(s))
            return null;
        v = Number(s.replaceAll('_', ''));
    }
    else if (hex.test(s)) {
        if (s.includes('_') && !underscoreOK(s))
            return null;
        const t = s.replaceAll('_', '');
        const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?[0-9]+)$/.exec(t);
        if (m === null || m[2] + m[3] === '')
            return null;
        const mant = parseInt(m[2] + m[3] || '0', 16) / 16 ** m[3].length;
        v = (m[1] === '-' ? -1 : 1) * mant * 2 ** Number(m[4]);
    }
    else {
        return null;
    }
    if (!Number.isFinite(v))
        return null;
    return v;
}

;// CONCATENATED MODULE: ./lib/go/template/funcs.js
/**
 * From Go's `text/template/funcs.go`: the names of the `builtins()` function map, which `template.New(name).Parse`
 * resolves function names against (the functions themselves are never run here).
 */
/** Function names of Go's `text/template` builtins (funcs.go `builtins()`). */
const GO_TEMPLATE_BUILTINS = [
    'and',
    'call',
    'html',
    'index',
    'slice',
    'js',
    'len',
    'not',
    'or',
    'print',
    'printf',
    'println',
    'urlquery',
    'eq',
    'ge',
    'gt',
    'le',
    'lt',
    'ne',
];

;// CONCATENATED MODULE: ./lib/go/template/node.js
/**
 * Port of Go's `text/template/parse/node.go`: the parse tree of a template and its `String()` form.
 *
 * Own code (no JavaScript library reproduces Go's template parse tree); node kinds, fields and the printed form
 * follow node.go. Positions are UTF-16 offsets into the template text.
 */

/** Go's `textFormat`: `%s` normally, `%q` in Go's own parse tests. */
const textFormat = { quote: false };
/** Go's `Node.String()` (with `writeTo`): the canonical template text of a node. */
function nodeString(n) {
    switch (n.type) {
        case 'list':
            return n.nodes.map(nodeString).join('');
        case 'text':
            return textFormat.quote ? goQuote(n.text) : n.text;
        case 'comment':
            return `{{${n.text}}}`;
        case 'pipe': {
            let s = '';
            if (n.decl.length > 0) {
                s += n.decl.map(nodeString).join(', ');
                s += n.isAssign ? ' = ' : ' := ';
            }
            return s + n.cmds.map(nodeString).join(' | ');
        }
        case 'action':
            return `{{${nodeString(n.pipe)}}}`;
        case 'command':
            return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
        case 'identifier':
            return n.ident;
        case 'variable':
            return n.ident.join('.');
        case 'dot':
            return '.';
        case 'nil':
            return 'nil';
        case 'field':
            return n.ident.map((id) => '.' + id).join('');
        case 'chain':
            return ((n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => '.' + f).join(''));
        case 'bool':
            return n.value ? 'true' : 'false';
        case 'number':
            return n.text;
        case 'string':
            return n.quoted;
        case 'end':
            return '{{end}}';
        case 'else':
            return '{{else}}';
        case 'if':
        case 'range':
        case 'with': {
            let s = `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}`;
            if (n.elseList !== null)
                s += `{{else}}${nodeString(n.elseList)}`;
            return s + '{{end}}';
        }
        case 'break':
            return '{{break}}';
        case 'continue':
            return '{{continue}}';
        case 'template':
            return `{{template ${goQuote(n.name)}${n.pipe !== null ? ' ' + nodeString(n.pipe) : ''}}}`;
    }
}
/** Go's `IsEmptyTree`: only space text, comments and empty lists. */
function isEmptyTree(n) {
    if (n === null)
        return true;
    switch (n.type) {
        case 'list':
            return n.nodes.every(isEmptyTree);
        case 'text':
            return (n.text.trim() === '' &&
                !/[^ \t\r\n\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(n.text));
        case 'comment':
            return true;
        default:
            return false;
    }
}

;// CONCATENATED MODULE: ./lib/go/template/parse.js
/**
 * Port of the single Go file `text/template/parse/parse.go` (the template parser). The function names it resolves
 * against by default, Go's `builtins`, are in `funcs.ts` (`text/template/funcs.go`).
 *
 * Own code: Grafana interpolates proxy routes with Go's `text/template`, which resolves function names and
 * variables while parsing; no JavaScript library reproduces which templates Go rejects, or its messages
 * ("template: content:1: function \"b64enc\" not defined"). The port keeps parse.go's functions, control flow and
 * messages; errors are thrown as {@link TemplateParseError} and nothing else is thrown on any input.
 */




/** A template Go's parser rejects; `message` is Go's error text (`template: NAME:LINE: …`). */
class TemplateParseError extends Error {
    offset;
    /** @param message Go's full error text. @param offset UTF-16 offset in the template of the token at fault. */
    constructor(message, offset) {
        super(message);
        this.offset = offset;
        this.name = 'TemplateParseError';
    }
}
const BUILTIN_SET = new Set(GO_TEMPLATE_BUILTINS);
const EMPTY_SET = new Set();
/** Go's `Mode` bits. */
const ParseComments = 1;
const SkipFuncCheck = 2;
/** Go's `maxStackDepth` (10000; Go's tests lower it). */
const limits = { maxStackDepth: 10000 };
/** Go's `parse.Tree`. */
class Tree {
    nameInit;
    root = null;
    parseName;
    mode = 0;
    text = '';
    funcs = [];
    lex;
    token = [];
    peekCount = 0;
    vars = [];
    treeSet;
    actionLine = 0;
    rangeDepth = 0;
    stackDepth = 0;
    constructor(nameInit) {
        this.nameInit = nameInit;
        this.name = nameInit;
        this.parseName = nameInit;
    }
    name;
    next() {
        if (this.peekCount > 0)
            this.peekCount--;
        else
            this.token[0] = this.lex.nextItem();
        return this.token[this.peekCount];
    }
    backup() {
        this.peekCount++;
    }
    backup2(t1) {
        this.token[1] = t1;
        this.peekCount = 2;
    }
    backup3(t2, t1) {
        this.token[1] = t1;
        this.token[2] = t2;
        this.peekCount = 3;
    }
    peek() {
        if (this.peekCount > 0)
            return this.token[this.peekCount - 1];
        this.peekCount = 1;
        this.token[0] = this.lex.nextItem();
        return this.token[0];
    }
    nextNonSpace() {
        let token;
        do
            token = this.next();
        while (token.typ === ItemType.Space);
        return token;
    }
    peekNonSpace() {
        const token = this.nextNonSpace();
        this.backup();
        return token;
    }
    errorf(msg) {
        this.root = null;
        const tok = this.token[0];
        throw new TemplateParseError(`template: ${this.parseName}:${tok?.line ?? 0}: ${msg}`, tok?.pos ?? 0);
    }
    expect(expected, context) {
        const token = this.nextNonSpace();
        if (token.typ !== expected)
            this.unexpected(token, context);
        return token;
    }
    expectOneOf(e1, e2, context) {
        const token = this.nextNonSpace();
        if (token.typ !== e1 && token.typ !== e2)
            this.unexpected(token, context);
        return token;
    }
    unexpected(token, context) {
        if (token.typ === ItemType.Error) {
            let extra = '';
            if (this.actionLine !== 0 && this.actionLine !== token.line) {
                extra = ` in action started at ${this.parseName}:${this.actionLine}`;
                if (token.val.endsWith(' action'))
                    extra = extra.slice(' in action'.length);
            }
            this.errorf(`${itemString(token)}${extra}`);
        }
        this.errorf(`unexpected ${itemString(token)} in ${context}`);
    }
    hasFunction(name) {
        return this.funcs.some((m) => m.has(name));
    }
    startParse(funcs, lex, treeSet) {
        this.root = null;
        this.lex = lex;
        this.vars = ['$'];
        this.funcs = funcs;
        this.treeSet = treeSet;
        lex.options = {
            emitComment: (this.mode & ParseComments) !== 0,
            breakOK: !this.hasFunction('break'),
            continueOK: !this.hasFunction('continue'),
        };
    }
    /** Go's `Tree.Parse`. @throws TemplateParseError. */
    parseText(text, leftDelim, rightDelim, treeSet, funcs) {
        this.parseName = this.name;
        const lexer = new Lexer(this.name, text, leftDelim, rightDelim);
        this.startParse(funcs, lexer, treeSet);
        this.text = text;
        this.parse();
        this.add();
        return this;
    }
    add() {
        const tree = this.treeSet.get(this.name);
        if (tree === undefined || isEmptyTree(tree.root)) {
            this.treeSet.set(this.name, this);
            return;
        }
        if (!isEmptyTree(this.root))
            this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
    }
    parse() {
        this.root = this.newList(this.peek().pos);
        while (this.peek().typ !== ItemType.EOF) {
            if (this.peek().typ === ItemType.LeftDelim) {
                const delim = this.next();
                if (this.nextNonSpace().typ === ItemType.Define) {
                    const newT = new Tree('definition');
                    newT.text = this.text;
                    newT.mode = this.mode;
                    newT.parseName = this.parseName;
                    newT.startParse(this.funcs, this.lex, this.treeSet);
                    newT.parseDefinition();
                    continue;
                }
                this.backup2(delim);
            }
            const n = this.textOrAction();
            if (n.type === 'end' || n.type === 'else')
                this.errorf(`unexpected ${nodeString(n)}`);
            this.root.nodes.push(n);
        }
    }
    parseDefinition() {
        const context = 'define clause';
        const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
        try {
            this.name = unquote(name.val);
        }
        catch (e) {
            this.errorf(e instanceof GoSyntaxError ? e.message : String(e));
        }
        this.expect(ItemType.RightDelim, context);
        const [list, end] = this.itemList();
        this.root = list;
        if (end.type !== 'end')
            this.errorf(`unexpected ${nodeString(end)} in ${context}`);
        this.add();
    }
    itemList() {
        const list = this.newList(this.peekNonSpace().pos);
        while (this.peekNonSpace().typ !== ItemType.EOF) {
            const n = this.textOrAction();
            if (n.type === 'end' || n.type === 'else')
                return [list, n];
            list.nodes.push(n);
        }
        this.errorf('unexpected EOF');
    }
    textOrAction() {
        const token = this.nextNonSpace();
        switch (token.typ) {
            case ItemType.Text:
                return { type: 'text', pos: token.pos, text: token.val };
            case ItemType.LeftDelim: {
                this.actionLine = token.line;
                try {
                    return this.action();
                }
                finally {
                    this.actionLine = 0;
                }
            }
            case ItemType.Comment:
                return { type: 'comment', pos: token.pos, text: token.val };
            default:
                this.unexpected(token, 'input');
        }
    }
    action() {
        const token = this.nextNonSpace();
        switch (token.typ) {
            case ItemType.Block:
                return this.blockControl();
            case ItemType.Break:
                return this.breakControl(token.pos, token.line, 'break');
            case ItemType.Continue:
                return this.breakControl(token.pos, token.line, 'continue');
            case ItemType.Else:
                return this.elseControl();
            case ItemType.End:
                return this.endControl();
            case ItemType.If:
                return this.branch('if');
            case ItemType.Range:
                return this.branch('range');
            case ItemType.Template:
                return this.templateControl();
            case ItemType.With:
                return this.branch('with');
        }
        this.backup();
        const tok = this.peek();
        // Do not pop variables; they persist until "end".
        return { type: 'action', pos: tok.pos, line: tok.line, pipe: this.pipeline('command', ItemType.RightDelim) };
    }
    /** Go's `breakControl` and `continueControl`. */
    breakControl(pos, line, kw) {
        const token = this.nextNonSpace();
        if (token.typ !== ItemType.RightDelim)
            this.unexpected(token, `{{${kw}}}`);
        if (this.rangeDepth === 0)
            this.errorf(`{{${kw}}} outside {{range}}`);
        return { type: kw, pos, line };
    }
    pipeline(context, end) {
        const token = this.peekNonSpace();
        const pipe = { type: 'pipe', pos: token.pos, line: token.line, isAssign: false, decl: [], cmds: [] };
        // Are there declarations or assignments?
        decls: for (;;) {
            const v = this.peekNonSpace();
            if (v.typ === ItemType.Variable) {
                this.next();
                // Since space is a token, we need 3-token look-ahead here in the worst case.
                const tokenAfterVariable = this.peek();
                const next = this.peekNonSpace();
                if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
                    pipe.isAssign = next.typ === ItemType.Assign;
                    this.nextNonSpace();
                    pipe.decl.push(this.newVariable(v.pos, v.val));
                    this.vars.push(v.val);
                }
                else if (next.typ === ItemType.Char && next.val === ',') {
                    this.nextNonSpace();
                    pipe.decl.push(this.newVariable(v.pos, v.val));
                    this.vars.push(v.val);
                    if (context === 'range' && pipe.decl.length < 2) {
                        const p = this.peekNonSpace().typ;
                        if (p === ItemType.Variable || p === ItemType.RightDelim || p === ItemType.RightParen) {
                            // second initialized variable in a range pipeline
                            continue decls;
                        }
                        this.errorf('range can only initialize variables');
                    }
                    this.errorf(`too many declarations in ${context}`);
                }
                else if (tokenAfterVariable.typ === ItemType.Space) {
                    this.backup3(v, tokenAfterVariable);
                }
                else {
                    this.backup2(v);
                }
            }
            break;
        }
        for (;;) {
            const tok = this.nextNonSpace();
            switch (tok.typ) {
                case end:
                    this.checkPipeline(pipe, context);
                    return pipe;
                case ItemType.Bool:
                case ItemType.CharConstant:
                case ItemType.Complex:
                case ItemType.Dot:
                case ItemType.Field:
                case ItemType.Identifier:
                case ItemType.Number:
                case ItemType.Nil:
                case ItemType.RawString:
                case ItemType.String:
                case ItemType.Variable:
                case ItemType.LeftParen:
                    this.backup();
                    pipe.cmds.push(this.command());
                    break;
                default:
                    this.unexpected(tok, context);
            }
        }
    }
    checkPipeline(pipe, context) {
        if (pipe.cmds.length === 0)
            this.errorf(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
            const t = c.args[0].type;
            if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
                this.errorf(`non executable command in pipeline stage ${i + 2}`);
            }
        });
    }
    parseControl(context) {
        const nVars = this.vars.length;
        try {
            const pipe = this.pipeline(context, ItemType.RightDelim);
            if (this.stackDepth >= limits.maxStackDepth)
                this.errorf('max control structure depth exceeded');
            this.stackDepth++;
            if (context === 'range')
                this.rangeDepth++;
            const [list, next0] = this.itemList();
            let next = next0;
            if (context === 'range')
                this.rangeDepth--;
            let elseList = null;
            if (next.type === 'else') {
                // Special case for "else if" and "else with".
                if (context === 'if' && this.peek().typ === ItemType.If) {
                    this.next();
                    elseList = this.newList(next.pos);
                    elseList.nodes.push(this.branch('if'));
                }
                else if (context === 'with' && this.peek().typ === ItemType.With) {
                    this.next();
                    elseList = this.newList(next.pos);
                    elseList.nodes.push(this.branch('with'));
                }
                else {
                    [elseList, next] = this.itemList();
                    if (next.type !== 'end')
                        this.errorf(`expected end; found ${nodeString(next)}`);
                }
            }
            this.stackDepth--;
            return [pipe.pos, pipe.line, pipe, list, elseList];
        }
        finally {
            this.vars.length = nVars;
        }
    }
    /** Go's `ifControl`, `rangeControl`, `withControl`. */
    branch(kind) {
        const [pos, line, pipe, list, elseList] = this.parseControl(kind);
        return { type: kind, pos, line, pipe, list, elseList };
    }
    elseControl() {
        const peek = this.peekNonSpace();
        // "{{else if ..." and "{{else with ..." are treated as "{{else}}{{if ..." and "{{else}}{{with ...".
        if (peek.typ === ItemType.If || peek.typ === ItemType.With)
            return { type: 'else', pos: peek.pos, line: peek.line };
        const token = this.expect(ItemType.RightDelim, 'else');
        return { type: 'else', pos: token.pos, line: token.line };
    }
    endControl() {
        return { type: 'end', pos: this.expect(ItemType.RightDelim, 'end').pos };
    }
    blockControl() {
        const context = 'block clause';
        const token = this.nextNonSpace();
        const name = this.parseTemplateName(token, context);
        const pipe = this.pipeline(context, ItemType.RightDelim);
        if (this.stackDepth >= limits.maxStackDepth)
            this.errorf('max control structure depth exceeded');
        const block = new Tree(name);
        block.text = this.text;
        block.mode = this.mode;
        block.parseName = this.parseName;
        block.stackDepth = this.stackDepth + 1;
        block.startParse(this.funcs, this.lex, this.treeSet);
        const [list, end] = block.itemList();
        block.root = list;
        if (end.type !== 'end')
            this.errorf(`unexpected ${nodeString(end)} in ${context}`);
        block.add();
        return { type: 'template', pos: token.pos, line: token.line, name, pipe };
    }
    templateControl() {
        const context = 'template clause';
        const token = this.nextNonSpace();
        const name = this.parseTemplateName(token, context);
        let pipe = null;
        if (this.nextNonSpace().typ !== ItemType.RightDelim) {
            this.backup();
            pipe = this.pipeline(context, ItemType.RightDelim);
        }
        return { type: 'template', pos: token.pos, line: token.line, name, pipe };
    }
    parseTemplateName(token, context) {
        if (token.typ === ItemType.String || token.typ === ItemType.RawString) {
            try {
                return unquote(token.val);
            }
            catch (e) {
                this.errorf(e instanceof GoSyntaxError ? e.message : String(e));
            }
        }
        this.unexpected(token, context);
    }
    command() {
        const cmd = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
        for (;;) {
            this.peekNonSpace(); // skip leading spaces.
            const operand = this.operand();
            if (operand !== null)
                cmd.args.push(operand);
            const token = this.next();
            if (token.typ === ItemType.Space)
                continue;
            if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen)
                this.backup();
            else if (token.typ !== ItemType.Pipe)
                this.unexpected(token, 'operand');
            break;
        }
        if (cmd.args.length === 0)
            this.errorf('empty command');
        return cmd;
    }
    operand() {
        let node = this.term();
        if (node === null)
            return null;
        if (this.peek().typ === ItemType.Field) {
            const chainPos = this.peek().pos;
            const field = [];
            while (this.peek().typ === ItemType.Field)
                field.push(this.next().val.slice(1));
            const chainString = (node.type === 'pipe' ? `(${nodeString(node)})` : nodeString(node)) + field.map((f) => '.' + f).join('');
            switch (node.type) {
                case 'field':
                    node = { type: 'field', pos: chainPos, ident: chainString.slice(1).split('.') };
                    break;
                case 'variable':
                    node = this.newVariable(chainPos, chainString);
                    break;
                case 'bool':
                case 'string':
                case 'number':
                case 'nil':
                case 'dot':
                    this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
                    break;
                default:
                    node = { type: 'chain', pos: chainPos, node, field };
            }
        }
        return node;
    }
    term() {
        const token = this.nextNonSpace();
        switch (token.typ) {
            case ItemType.Identifier:
                if ((this.mode & SkipFuncCheck) === 0 && !this.hasFunction(token.val)) {
                    this.errorf(`function ${goQuote(token.val)} not defined`);
                }
                return { type: 'identifier', pos: token.pos, ident: token.val };
            case ItemType.Dot:
                return { type: 'dot', pos: token.pos };
            case ItemType.Nil:
                return { type: 'nil', pos: token.pos };
            case ItemType.Variable:
                return this.useVar(token.pos, token.val);
            case ItemType.Field:
                return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
            case ItemType.Bool:
                return { type: 'bool', pos: token.pos, value: token.val === 'true' };
            case ItemType.CharConstant:
            case ItemType.Complex:
            case ItemType.Number:
                try {
                    return newNumber(token.pos, token.val, token.typ);
                }
                catch (e) {
                    if (e instanceof GoSyntaxError)
                        this.errorf(e.message);
                    throw e;
                }
            case ItemType.LeftParen: {
                if (this.stackDepth >= limits.maxStackDepth)
                    this.errorf('max expression depth exceeded');
                this.stackDepth++;
                const p = this.pipeline('parenthesized pipeline', ItemType.RightParen);
                this.stackDepth--;
                return p;
            }
            case ItemType.String:
            case ItemType.RawString:
                try {
                    return { type: 'string', pos: token.pos, quoted: token.val, text: unquote(token.val) };
                }
                catch (e) {
                    if (e instanceof GoSyntaxError)
                        this.errorf(e.message);
                    throw e;
                }
        }
        this.backup();
        return null;
    }
    useVar(pos, name) {
        const v = this.newVariable(pos, name);
        if (this.vars.includes(v.ident[0]))
            return v;
        this.errorf(`undefined variable ${goQuote(v.ident[0])}`);
    }
    newVariable(pos, ident) {
        return { type: 'variable', pos, ident: ident.split('.') };
    }
    newList(pos) {
        return { type: 'list', pos, nodes: [] };
    }
}
/**
 * Go's `Tree.newNumber`: a number, complex or character constant token as Go's parser reads it.
 * @throws GoSyntaxError with Go's message ("illegal number syntax", "integer overflow", "malformed character
 * constant", strconv's "invalid syntax").
 */
function newNumber(pos, text, typ) {
    const n = { type: 'number', pos, text, isInt: false, isUint: false, isFloat: false, isComplex: false };
    if (typ === ItemType.CharConstant) {
        const [, tail] = unquoteChar(text.slice(1), text[0]);
        if (tail !== "'")
            throw new GoSyntaxError(`malformed character constant: ${text}`);
        n.isInt = n.isUint = n.isFloat = true;
        return n;
    }
    if (typ === ItemType.Complex) {
        // fmt.Sscan reads "real+imag i": both parts must be floats.
        const m = /^([+-]?[^+-]*?(?:[eEpP][+-][^+-]*?)?)([+-].*)i$/.exec(text);
        if (m === null || parseFloat64(m[1]) === null || parseFloat64(m[2]) === null) {
            throw new GoSyntaxError(`illegal number syntax: ${goQuote(text)}`);
        }
        n.isComplex = true;
        if (parseFloat64(m[2]) === 0)
            simplifyFloat(n, parseFloat64(m[1]));
        return n;
    }
    if (text.length > 0 && text.endsWith('i')) {
        const f = parseFloat64(text.slice(0, -1));
        if (f !== null) {
            n.isComplex = true;
            if (f === 0)
                simplifyFloat(n, 0);
            return n;
        }
    }
    const u = parseIntBase0(text, false);
    if (u !== null)
        n.isUint = true;
    const i = parseIntBase0(text, true);
    if (i !== null) {
        n.isInt = true;
        if (i === 0n)
            n.isUint = true;
    }
    if (n.isInt || n.isUint)
        n.isFloat = true;
    else {
        const f = parseFloat64(text);
        if (f !== null) {
            if (!/[.eEpP]/.test(text))
                throw new GoSyntaxError(`integer overflow: ${text}`);
            simplifyFloat(n, f);
        }
    }
    if (!n.isInt && !n.isUint && !n.isFloat)
        throw new GoSyntaxError(`illegal number syntax: ${goQuote(text)}`);
    return n;
}
function simplifyFloat(n, f) {
    n.isFloat = true;
    if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63)
        n.isInt = true;
    if (Number.isInteger(f) && f >= 0 && f < 2 ** 64)
        n.isUint = true;
}
/**
 * Go's `parse.Parse(name, text, "", "", funcs...)` as `text/template`'s `Parse` calls it: the builtins of
 * funcs.go plus `extraFuncs` are the defined functions.
 * @param options.mode Go's Mode bits; options.funcs replaces the function sets (Go's own tests use their own).
 * @returns the main tree's root and the tree set. @throws TemplateParseError with Go's message; nothing else.
 */
function parseTemplate(name, text, extraFuncs = [], options = {}) {
    const trees = new Map();
    const t = new Tree(name);
    t.mode = options.mode ?? 0;
    t.text = text;
    const funcs = options.funcs !== undefined
        ? [new Set(options.funcs)]
        : [extraFuncs.length === 0 ? EMPTY_SET : new Set(extraFuncs), BUILTIN_SET];
    try {
        t.parseText(text, '', '', trees, funcs);
    }
    catch (e) {
        if (e instanceof TemplateParseError)
            throw e;
        // Defensive: a port defect must not escape as another error type.
        throw new TemplateParseError(`template: ${name}: internal parser error: ${String(e)}`, 0);
    }
    return { root: t.root, trees };
}

;// CONCATENATED MODULE: ./lib/routes/template.js
/**
 * Static analysis of one route template as Grafana executes it (docs/route-hygiene.md#templates): parse with the Go
 * port, then find the references to the template data (`JsonData`, `SecureJsonData`, `URL`) and the execution errors
 * that are certain whatever the data.
 */


const ROOTS = new Set(['JsonData', 'SecureJsonData', 'URL']);
/** The character that stands for a masked (non-literal) position in {@link TemplateAnalysis} `masked`. */
const MASK = '\u0000';
/**
 * Analyses a templated value: parses it like `template.New("content").Funcs({orEmpty}).Parse(text)` and walks the
 * tree. @param text the template text (for `body`, the raw JSON text). @returns the analysis; never throws.
 */
function analyzeTemplate(text) {
    const cached = CACHE.get(text);
    if (cached !== undefined)
        return cached;
    const a = analyzeUncached(text);
    if (CACHE.size >= CACHE_MAX)
        CACHE.clear();
    CACHE.set(text, a);
    return a;
}
/** Analyses by template text: plugins repeat the same templates across routes (results are never mutated). */
const CACHE = new Map();
const CACHE_MAX = 4096;
function analyzeUncached(text) {
    if (!text.includes('{{')) {
        return { ok: true, refs: [], execErrors: [], masked: text };
    }
    let root;
    try {
        root = parseTemplate('content', text, ['orEmpty']).root;
    }
    catch (e) {
        if (e instanceof TemplateParseError)
            return { ok: false, error: e.message };
        throw e;
    }
    const refs = [];
    const execErrors = [];
    const field = (ident, pos, certain, shown) => {
        const r = ident[0];
        if (ROOTS.has(r)) {
            refs.push({ root: r, key: ident[1], pos });
            if (certain && r === 'SecureJsonData' && ident.length >= 3) {
                execErrors.push(`${shown}: .SecureJsonData.${ident[1]} is a string, it has no field ${ident[2]}`);
            }
            if (certain && r === 'URL' && ident.length >= 2)
                execErrors.push(`${shown}: .URL is a string, it has no field ${ident[1]}`);
        }
        else if (certain) {
            execErrors.push(`${shown}: the template data has no field ${r} (only JsonData, SecureJsonData and URL)`);
        }
    };
    const walkCommand = (cmd, isFirst, dotRebound, certain) => {
        const head = cmd.args[0];
        const given = cmd.args.length - 1 + (isFirst ? 0 : 1);
        if (head.type === 'identifier') {
            if (head.ident === 'orEmpty' && given !== 1 && certain) {
                execErrors.push(`orEmpty takes one argument, it is given ${given}`);
            }
            if (head.ident === 'index' && cmd.args.length >= 3) {
                const m = cmd.args[1];
                const k = cmd.args[2];
                const mapIdent = m.type === 'field' && !dotRebound
                    ? m.ident
                    : m.type === 'variable' && m.ident[0] === '$'
                        ? m.ident.slice(1)
                        : null;
                if (mapIdent !== null && mapIdent.length === 1 && ROOTS.has(mapIdent[0]) && k.type === 'string') {
                    refs.push({ root: mapIdent[0], key: k.text, pos: k.pos });
                }
            }
        }
        else if (given > 0 && certain && head.type !== 'pipe' && head.type !== 'chain') {
            execErrors.push(`arguments given to ${describe(head)}, which is not a function`);
        }
        for (const a of cmd.args)
            walk(a, dotRebound, certain);
    };
    const walkPipe = (p, dotRebound, certain) => {
        p.cmds.forEach((c, i) => walkCommand(c, i === 0, dotRebound, certain));
    };
    const walk = (n, dotRebound, certain) => {
        if (n === null)
            return;
        switch (n.type) {
            case 'list':
                for (const c of n.nodes)
                    walk(c, dotRebound, certain);
                return;
            case 'action':
                walkPipe(n.pipe, dotRebound, certain);
                return;
            case 'pipe':
                walkPipe(n, dotRebound, certain);
                return;
            case 'if':
                walkPipe(n.pipe, dotRebound, certain);
                walk(n.list, dotRebound, false);
                walk(n.elseList, dotRebound, false);
                return;
            case 'with':
            case 'range':
                walkPipe(n.pipe, dotRebound, certain);
                walk(n.list, true, false);
                walk(n.elseList, dotRebound, false);
                return;
            case 'template':
                if (n.pipe !== null)
                    walkPipe(n.pipe, dotRebound, certain);
                return;
            case 'field':
                if (!dotRebound)
                    field(n.ident, n.pos, certain, '.' + n.ident.join('.'));
                return;
            case 'variable':
                if (n.ident[0] === '$' && n.ident.length >= 2)
                    field(n.ident.slice(1), n.pos, certain, n.ident.join('.'));
                return;
            case 'chain':
                walk(n.node, dotRebound, certain);
                return;
            case 'command':
                walkCommand(n, true, dotRebound, certain);
                return;
            default:
                return;
        }
    };
    walk(root, false, true);
    return { ok: true, refs, execErrors, masked: maskActions(text) };
}
function describe(n) {
    switch (n.type) {
        case 'field':
            return '.' + n.ident.join('.');
        case 'variable':
            return n.ident.join('.');
        case 'dot':
            return '.';
        case 'string':
            return n.quoted;
        case 'number':
            return n.text;
        default:
            return n.type;
    }
}
/** The template text with every position outside a literal text item replaced by {@link MASK}. */
function maskActions(text) {
    const parts = [];
    let at = 0;
    const l = new Lexer('content', text);
    for (;;) {
        const i = l.nextItem();
        if (i.typ === ItemType.EOF || i.typ === ItemType.Error)
            break;
        if (i.typ !== ItemType.Text)
            continue;
        if (i.pos > at)
            parts.push(MASK.repeat(i.pos - at));
        parts.push(i.val);
        at = i.pos + i.val.length;
    }
    if (text.length > at)
        parts.push(MASK.repeat(text.length - at));
    return parts.join('');
}
/**
 * Splits a masked URL template into scheme, authority, userinfo and query/fragment (docs/route-hygiene.md#url-parts).
 */
function urlParts(masked) {
    const templatedStart = masked.startsWith(MASK);
    const sep = masked.indexOf('://');
    let scheme = null;
    let authorityStart = -1;
    let authorityEnd = -1;
    let userinfoEnd = -1;
    if (sep >= 0) {
        const s = masked.slice(0, sep);
        if (!s.includes(MASK))
            scheme = s.toLowerCase();
        authorityStart = sep + 3;
        authorityEnd = masked.length;
        for (let i = authorityStart; i < masked.length; i++) {
            const c = masked[i];
            if (c === '/' || c === '?' || c === '#') {
                authorityEnd = i;
                break;
            }
        }
        userinfoEnd = masked.lastIndexOf('@', authorityEnd - 1);
        if (userinfoEnd < authorityStart)
            userinfoEnd = -1;
    }
    const q = masked.search(/[?#]/);
    return { templatedStart, scheme, authorityStart, authorityEnd, userinfoEnd, queryStart: q };
}

;// CONCATENATED MODULE: ./lib/routes/route-checks.js
/**
 * The per-route rules (docs/route-hygiene.md#templates to #rules): keys, method and path, headers, URL parameters, token auth, body and URL,
 * each templated value analysed as Grafana's text/template would run it.
 */




/** Route keys of Grafana's `Route` type (docs/route-hygiene.md#route-object, folded); anything else is `route-unknown-key`. */
const KNOWN_ROUTE_KEYS = new Set([
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
].map(foldKey));
/** HTTP token characters (RFC 7230 tchar), which Go's `httpguts.ValidHeaderFieldName` accepts. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** The decoder plus the per-route rules; `checkPluginJsonText` drives it. */
class RouteChecker extends RouteDecoder {
    /**
     * Template rules common to every templated value: parse error, certain execution error, `.URL` in an app.
     * @returns the analysis when the template parses (so other rules may use it), else undefined.
     */
    template(text, node, ptr, kind) {
        const a = analyzeTemplate(text);
        if (!a.ok) {
            this.add('template-parse-error', node, ptr, `Grafana cannot parse this template (${a.error}): it logs "could not parse template" and ${kind === 'app' ? 'answers 500' : 'does not apply the route'}`);
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
    secretsInValue(refs, node, ptr, credentialSlot, credentialLikeName) {
        const json = refs.some((r) => r.root === 'JsonData');
        const secure = refs.some((r) => r.root === 'SecureJsonData');
        if (credentialSlot !== undefined && json && !secure) {
            this.add('jsondata-credential', node, ptr, `the ${credentialSlot} is read from jsonData, which every Viewer can read in cleartext`);
            return;
        }
        const keys = [
            ...new Set(refs
                .filter((r) => r.root === 'JsonData' && r.key !== undefined && isSecretLookingKey(r.key))
                .map((r) => r.key)),
        ];
        if (keys.length > 0) {
            this.add('jsondata-secret-name', node, ptr, `jsonData key ${keys.map((k) => q(k)).join(', ')} looks like a secret; jsonData is readable by every Viewer`);
        }
        else if (credentialLikeName !== undefined && json && !secure) {
            this.add('jsondata-secret-name', node, ptr, `${credentialLikeName} looks like a credential but its value comes from jsonData, which every Viewer can read`);
        }
    }
    checkRoute(r, kind) {
        let sendsCredentials = false;
        const secureIn = (refs) => refs.some((x) => x.root === 'SecureJsonData');
        // route-unknown-key
        for (const m of members(r.node)) {
            if (!KNOWN_ROUTE_KEYS.has(foldKey(m.key))) {
                this.add('route-unknown-key', m.keyNode, `${r.ptr}/${pointerToken(m.key)}`, `route key ${q(m.key)} is not a key of Grafana's Route, even case-insensitively: it is ignored`);
            }
        }
        // route-method-invalid
        if (r.method !== undefined &&
            r.method.value !== '' &&
            r.method.value !== '*' &&
            !/^[!#$%&'*+\-.^_`|~0-9A-Z]+$/.test(r.method.value)) {
            this.add('route-method-invalid', r.method.node, r.method.ptr, `method ${q(r.method.value)} never matches a request method (compared byte for byte), so this route and its reqRole/reqAction never apply`);
        }
        // route-path-empty, route-path-leading-slash
        const pathValue = r.path?.value ?? '';
        if (pathValue.replace(/\//g, '') === '' && !(r.path === undefined && fieldMembers(r.node, 'path').length > 0)) {
            const where = r.path !== undefined && !r.path.isNull ? r.path : undefined;
            this.add('route-path-empty', where?.node ?? r.node, where?.ptr ?? r.ptr, kind === 'app'
                ? 'empty route path: in an app it matches only the bare plugin-proxy root'
                : 'empty route path: a catch-all today, but it matched nothing on Grafana versions with path cleaning before #116274 (its reqRole/reqAction unenforced there)');
        }
        else if (kind === 'datasource' && r.path !== undefined && pathValue.startsWith('/')) {
            this.add('route-path-leading-slash', r.path.node, r.path.ptr, 'path starts with /: older Grafana never matches it; newer Grafana matches it but does not strip it, so it is forwarded again after the url path');
        }
        // app-route-field-ignored
        if (kind === 'app') {
            for (const [name, v] of [
                ['urlParams', r.urlParams],
                ['tokenAuth', r.tokenAuth],
                ['jwtTokenAuth', r.jwtTokenAuth],
            ]) {
                if (v !== undefined)
                    this.add('app-route-field-ignored', v.node, v.ptr, `${name} is ignored by the app plugin proxy: nothing here is sent`);
            }
            if (r.authType !== undefined && r.authType.value !== '') {
                this.add('app-route-field-ignored', r.authType.node, r.authType.ptr, 'authType is ignored by the app plugin proxy');
            }
        }
        // headers
        for (const h of r.headers?.entries ?? []) {
            if (h.name === undefined || h.name.value === '') {
                if (!(h.name === undefined && h.node.type === 'object' && fieldMembers(h.node, 'name').length > 0)) {
                    this.add('header-name-invalid', h.node, h.ptr, 'header entry without a non-empty "name": Go refuses to send a request with an empty header name, so every request on this route fails');
                }
            }
            else if (!TOKEN.test(h.name.value)) {
                this.add('header-name-invalid', h.name.node, h.name.ptr, `header name ${q(h.name.value)} is not an HTTP token: Go refuses to send the request, so every request on this route fails`);
            }
            if (h.content === undefined || h.content.isNull)
                continue;
            const a = this.template(h.content.value, h.content.node, h.content.ptr, kind);
            if (a === undefined)
                continue;
            if (secureIn(a.refs))
                sendsCredentials = true;
            const hn = h.name?.value ?? '';
            const isAuth = /^(proxy-)?authorization$/i.test(hn);
            this.secretsInValue(a.refs, h.content.node, h.content.ptr, isAuth ? `${hn} header` : undefined, isCredentialLikeName(hn) ? `header ${q(hn)}` : undefined);
            if (isAuth) {
                const m = /^ *basic /i.exec(a.masked);
                if (m !== null && a.masked.slice(m[0].length).includes(':')) {
                    this.add('basic-auth-unencoded', h.content.node, h.content.ptr, 'Basic credentials with a literal ":" are not base64; templates cannot encode, so this header is always invalid');
                }
            }
        }
        // urlParams (data sources only)
        if (kind === 'datasource') {
            for (const p of r.urlParams?.entries ?? []) {
                const nameText = p.name?.value ?? '';
                for (const v of [p.name, p.content]) {
                    if (v === undefined || v.isNull)
                        continue;
                    const a = this.template(v.value, v.node, v.ptr, kind);
                    if (a === undefined)
                        continue;
                    const secure = secureIn(a.refs);
                    if (secure)
                        sendsCredentials = true;
                    this.secretsInValue(a.refs, v.node, v.ptr, undefined, v === p.content && isCredentialLikeName(nameText) ? `query parameter ${q(nameText)}` : undefined);
                    if (secure) {
                        this.add('secret-in-query', v.node, v.ptr, "a secureJsonData value is sent in the query string, which servers log (and Grafana's data proxy logging too)");
                    }
                }
            }
        }
        // tokenAuth, jwtTokenAuth (data sources only)
        if (kind === 'datasource') {
            for (const [name, t] of [
                ['tokenAuth', r.tokenAuth],
                ['jwtTokenAuth', r.jwtTokenAuth],
            ]) {
                if (t === undefined)
                    continue;
                sendsCredentials = true;
                let paramsSecure = false;
                for (const p of t.params) {
                    if (p.value.isNull)
                        continue;
                    const a = this.template(p.value.value, p.value.node, p.value.ptr, kind);
                    if (a === undefined)
                        continue;
                    if (secureIn(a.refs))
                        paramsSecure = true;
                    const slot = (name === 'tokenAuth' && (p.key === 'client_secret' || p.key === 'password')) ||
                        (name === 'jwtTokenAuth' && p.key === 'private_key')
                        ? `${name} ${p.key}`
                        : undefined;
                    this.secretsInValue(a.refs, p.value.node, p.value.ptr, slot, undefined);
                }
                if (t.url === undefined || t.url.isNull || t.url.value === '')
                    continue;
                const a = this.template(t.url.value, t.url.node, t.url.ptr, kind);
                if (a === undefined || name === 'jwtTokenAuth')
                    continue;
                this.secretsInValue(a.refs, t.url.node, t.url.ptr, undefined, undefined);
                const parts = urlParts(a.masked);
                if (!parts.templatedStart && !/^https?:\/\//i.test(a.masked)) {
                    this.add('route-url-scheme', t.url.node, t.url.ptr, 'tokenAuth.url is not an absolute http(s) URL: the token request cannot be sent');
                }
                if (a.refs.some((x) => x.root === 'SecureJsonData' && !isLeading(a.masked, x.pos))) {
                    this.add('secret-in-url', t.url.node, t.url.ptr, 'a secureJsonData value is placed in the token URL, where logs and proxies see it');
                }
                if (parts.scheme === 'http' && paramsSecure && !loopbackHost(a.masked, parts)) {
                    this.add('credential-over-http', t.url.node, t.url.ptr, 'the token request sends secureJsonData over plain http://: credentials travel in cleartext');
                }
            }
        }
        // body
        if (r.body !== undefined) {
            const raw = rawText(this.doc, r.body.node);
            const a = this.template(raw, r.body.node, r.body.ptr, kind);
            if (a !== undefined) {
                if (secureIn(a.refs))
                    sendsCredentials = true;
                this.bodySecrets(r.body.node, r.body.ptr, a.refs);
            }
        }
        // url
        const url = r.url;
        if (kind === 'app' && (url === undefined || url.value === '')) {
            const where = url !== undefined && !url.isNull ? url : undefined;
            if (!(url === undefined && fieldMembers(r.node, 'url').length > 0)) {
                this.add('app-route-missing-url', where?.node ?? r.node, where?.ptr ?? r.ptr, 'app route without url: the plugin proxy sends the request nowhere (502)');
            }
        }
        let urlAnalysis;
        if (url !== undefined && url.value !== '') {
            const a = this.template(url.value, url.node, url.ptr, kind);
            if (a !== undefined) {
                const parts = urlParts(a.masked);
                urlAnalysis = { a, parts };
                this.secretsInValue(a.refs, url.node, url.ptr, undefined, undefined);
                const inDropped = (pos) => (parts.userinfoEnd >= 0 && pos >= parts.authorityStart && pos < parts.userinfoEnd) ||
                    (parts.queryStart >= 0 && pos >= parts.queryStart);
                if (!parts.templatedStart && !/^https?:\/\//i.test(a.masked)) {
                    this.add('route-url-scheme', url.node, url.ptr, 'the route url is not an absolute http(s) URL: the proxy cannot send to it');
                }
                if (parts.userinfoEnd >= 0 || parts.queryStart >= 0) {
                    const what = [
                        parts.userinfoEnd >= 0 ? 'userinfo (user:pass@)' : '',
                        parts.queryStart >= 0 ? (a.masked[parts.queryStart] === '?' ? 'query' : 'fragment') : '',
                    ].filter((x) => x !== '');
                    const secretThere = a.refs.some((x) => x.root === 'SecureJsonData' && inDropped(x.pos));
                    this.add('route-url-dropped-part', url.node, url.ptr, `Grafana keeps only the scheme, host and path of a route url: its ${what.join(' and ')} is never sent${secretThere ? ', nor the secret in it' : ''}`);
                }
                const sent = a.refs.filter((x) => !inDropped(x.pos));
                if (sent.some((x) => x.root === 'SecureJsonData')) {
                    sendsCredentials = true;
                    if (sent.some((x) => x.root === 'SecureJsonData' && !isLeading(a.masked, x.pos))) {
                        this.add('secret-in-url', url.node, url.ptr, 'a secureJsonData value is placed in the route URL, where logs and proxies see it');
                    }
                }
            }
        }
        if (urlAnalysis !== undefined && url !== undefined && sendsCredentials) {
            const { a, parts } = urlAnalysis;
            if (parts.scheme === 'http' && !loopbackHost(a.masked, parts)) {
                this.add('credential-over-http', url.node, url.ptr, 'this route sends credentials to a plain http:// URL: they travel in cleartext');
            }
        }
        return { sendsCredentials };
    }
    /** `jsondata-secret-name` inside a body: per JSON string, named by its property. */
    bodySecrets(body, ptr, refs) {
        const visit = (n, p, name) => {
            if (n.type === 'object') {
                for (const m of members(n))
                    visit(m.value, `${p}/${pointerToken(m.key)}`, m.key);
            }
            else if (n.type === 'array') {
                (n.children ?? []).forEach((c, k) => visit(c, `${p}/${k}`, name));
            }
            else if (n.type === 'string') {
                const lo = n.offset - body.offset;
                const hi = lo + n.length;
                const inside = refs.filter((r) => r.pos >= lo && r.pos < hi);
                if (inside.length > 0)
                    this.secretsInValue(inside, n, p, undefined, name !== undefined && isCredentialLikeName(name) ? `body property ${q(name)}` : undefined);
            }
        };
        visit(body, ptr, undefined);
    }
}
/** Is the reference at `pos` inside the action that starts the URL (nothing literal before it)? */
function isLeading(masked, pos) {
    if (!masked.startsWith(MASK))
        return false;
    for (let i = 0; i < pos; i++)
        if (masked[i] !== MASK)
            return false;
    return true;
}
/** Is the URL's literal host a loopback one (`localhost`, `127.x.x.x`, `[::1]`)? A templated host is not. */
function loopbackHost(masked, parts) {
    if (parts.authorityStart < 0)
        return false;
    let host = masked.slice(parts.userinfoEnd >= 0 ? parts.userinfoEnd + 1 : parts.authorityStart, parts.authorityEnd);
    if (host.includes(MASK))
        return false;
    if (host.startsWith('['))
        host = host.slice(0, host.indexOf(']') + 1);
    else if (host.includes(':'))
        host = host.slice(0, host.indexOf(':'));
    host = host.toLowerCase();
    return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

;// CONCATENATED MODULE: ./lib/routes/check.js
/**
 * Route hygiene of one plugin.json: decodes `routes` as Go's `encoding/json` does into Grafana's `Route` type
 * (docs/route-hygiene.md#decoding), analyses every templated value (#templates) and applies the rules with their precedence (#rules).
 * The parts: `decode.ts` (decoding like Go), `route-checks.ts` (per-route rules), `names.ts` (secret and credential
 * name heuristics), `precedence.ts` (which route wins, `route-shadowed`); this module drives them.
 */





/**
 * Checks the routes of one plugin.json (docs/route-hygiene.md#rules).
 *
 * @param text the plugin.json text. @param file its posix path relative to the plugin root (reported as is).
 * @returns findings in document order of the values (shadowing last); an unparsable file gives one
 *   `route-decode-error` at pointer "". Never throws.
 */
function checkPluginJsonText(text, file) {
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
    const kind = typeValue?.value === 'datasource' ? 'datasource' : typeValue?.value === 'app' ? 'app' : 'other';
    const routeMembers = fieldMembers(root, 'routes');
    routeMembers.forEach((m, mi) => {
        const ptr = `/${pointerToken(m.key)}`;
        if (m.value.type === 'null')
            return;
        if (m.value.type !== 'array') {
            c.decodeError(m.value, ptr, `routes is a JSON ${m.value.type}, not an array`);
            return;
        }
        const routes = [];
        (m.value.children ?? []).forEach((n, i) => {
            const rptr = `${ptr}/${i}`;
            if (n.type === 'null')
                return;
            if (n.type !== 'object') {
                c.decodeError(n, rptr, `routes[${i}] is a JSON ${n.type}, not an object`);
                return;
            }
            routes.push(c.decodeRoute(n, i, rptr));
        });
        // Only the last "routes" key is kept by Go; only datasource and app plugins use routes.
        if (mi !== routeMembers.length - 1 || kind === 'other')
            return;
        const invalidMethod = new Set();
        for (const r of routes) {
            const before = c.findings.length;
            c.checkRoute(r, kind);
            if (c.findings.slice(before).some((f) => f.rule === 'route-method-invalid'))
                invalidMethod.add(r.index);
        }
        reportShadowed(c, routes, invalidMethod, kind);
    });
    return c.findings;
}

;// CONCATENATED MODULE: ./lib/routes/find.js
/**
 * Finds the plugin.json files of a plugin (folder, single plugin.json, or plugin .zip) and checks their routes.
 */




/**
 * Every plugin.json under `root` (nested plugins of an app included), `node_modules` folders skipped, symlinks not
 * followed. @returns posix paths relative to `root`, sorted by code unit within each folder (root's first).
 * @throws the fs error when `root` cannot be read.
 */
async function findPluginJsonFiles(root) {
    const out = [];
    const walk = async (dir, rel) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const file = entries.find((e) => e.isFile() && e.name === 'plugin.json');
        if (file !== undefined)
            out.push(rel === '' ? 'plugin.json' : `${rel}/plugin.json`);
        for (const e of entries) {
            if (!e.isDirectory() || e.name === 'node_modules')
                continue;
            await walk(external_node_path_.join(dir, e.name), rel === '' ? e.name : `${rel}/${e.name}`);
        }
    };
    await walk(root, '');
    return out;
}
/**
 * Checks the routes of every plugin.json of a plugin root folder.
 * @returns findings (files relative to `root`). @throws the fs error when the folder cannot be read.
 */
async function checkRoutesInFolder(root, given = root) {
    const files = await findPluginJsonFiles(root);
    const findings = [];
    for (const f of files) {
        const text = await (0,promises_.readFile)(external_node_path_.join(root, ...f.split('/')), 'utf8');
        findings.push(...checkPluginJsonText(text, f));
    }
    return { path: given, files, findings };
}
/**
 * Checks a plugin's routes: `target` is a plugin folder, a `plugin.json` file or a plugin `.zip` (read with the
 * project's zip reader, extracted to a temporary folder that is removed before returning).
 * @returns the findings of every plugin.json. @throws PluginError when `target` does not exist or is another
 *   kind of file.
 */
async function checkRoutes(target) {
    let info;
    try {
        info = await (0,promises_.lstat)(target);
    }
    catch (error) {
        throw new errors/* PluginError */.cZ(`${target} cannot be read: ${error.message}`, { cause: error });
    }
    if (info.isDirectory())
        return checkRoutesInFolder(target, target);
    if (!info.isFile())
        throw new errors/* PluginError */.cZ(`${target} is not a plugin folder, a plugin.json or a .zip`);
    if (target.toLowerCase().endsWith('.zip')) {
        const { openPluginZip } = await Promise.all(/* import() */[__webpack_require__.e(663), __webpack_require__.e(169), __webpack_require__.e(895), __webpack_require__.e(578)]).then(__webpack_require__.bind(__webpack_require__, 6578)); // the zip libraries load only for a .zip
        const zip = await openPluginZip(target);
        try {
            return await checkRoutesInFolder(zip.pluginDir, target);
        }
        finally {
            await zip.cleanup();
        }
    }
    if (external_node_path_.basename(target) === 'plugin.json' || target.toLowerCase().endsWith('.json')) {
        const text = await (0,promises_.readFile)(target, 'utf8');
        return { path: target, files: ['plugin.json'], findings: checkPluginJsonText(text, 'plugin.json') };
    }
    throw new errors/* PluginError */.cZ(`${target} is not a plugin folder, a plugin.json or a .zip`);
}

// EXTERNAL MODULE: ./lib/cli/usage.js
var usage = __webpack_require__(4761);
;// CONCATENATED MODULE: ./lib/cli/check-routes.js
/**
 * `check-routes [--json] PATH...`: review the proxy routes of every plugin.json of each PATH (a plugin folder, a
 * plugin.json or a plugin .zip) as Grafana will use them (docs/route-hygiene.md#rules).
 * Exit codes: 0 no finding of severity error, 1 at least one, 2 usage error.
 */




/** Control characters (and line separators) of untrusted text, shown as `\uXXXX` so a line stays one line. */
function printable(s) {
    return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Text report: findings grouped by file, one `file:line:column  severity  rule  message` line each. */
function formatRouteFindings(findings, prefix = '') {
    const lines = [];
    let lastFile;
    for (const f of findings) {
        if (f.file !== lastFile) {
            if (lastFile !== undefined)
                lines.push('');
            lastFile = f.file;
        }
        let file = printable(prefix + f.file);
        if (file.startsWith(':'))
            file = './' + file;
        lines.push(`${file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${printable(f.message)} (fix: ${f.fix})`);
    }
    return lines;
}
/**
 * Runs `check-routes`. @param argv arguments after the command. @param out writes one line to stdout.
 * @returns 0 when no finding has severity error, else 1. @throws UsageError without PATH or with an unknown
 *   option; PluginError when a PATH cannot be read.
 */
async function checkRoutesCommand(argv, out) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new errors/* UsageError */.eb('check-routes', `${error.message}\n${usage/* CHECK_ROUTES_USAGE */.qd}`);
    }
    const paths = parsed.positionals;
    if (paths.length === 0)
        throw new errors/* UsageError */.eb('PATH', `check-routes needs at least one PATH\n${usage/* CHECK_ROUTES_USAGE */.qd}`);
    const results = [];
    for (const p of paths)
        results.push(await checkRoutes(p));
    const failed = results.some((r) => r.findings.some((f) => f.severity === 'error'));
    if (parsed.values.json) {
        out(JSON.stringify(results.length === 1
            ? { findings: results[0].findings }
            : { results: results.map((r) => ({ path: r.path, findings: r.findings })) }, null, 2));
    }
    else {
        for (const r of results) {
            const prefix = results.length > 1 ? `${r.path.replace(/\/+$/, '')}/` : '';
            const errors = r.findings.filter((f) => f.severity === 'error').length;
            if (results.length > 1 || r.findings.length === 0) {
                out(`${printable(r.path)}: ${r.files.length} plugin.json checked, ${errors} error(s), ${r.findings.length - errors} warning(s)`);
            }
            for (const line of formatRouteFindings(r.findings, prefix))
                out(line);
        }
    }
    return failed ? 1 : 0;
}


/***/ }),

/***/ 4251:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ cleanPath)
/* harmony export */ });
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
function cleanPath(path) {
    if (path === '')
        return '.';
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
        }
        else if (path[r] === '.' && (r + 1 === n || path[r + 1] === '/')) {
            // . element
            r++;
        }
        else if (path[r] === '.' && path[r + 1] === '.' && (r + 2 === n || path[r + 2] === '/')) {
            // .. element: remove to last /
            r += 2;
            if (out.length > dotdot) {
                // can backtrack
                let w = out.length - 1;
                while (w > dotdot && out[w] !== '/')
                    w--;
                out = out.slice(0, w);
            }
            else if (!rooted) {
                // cannot backtrack, but not rooted, so append .. element.
                if (out.length > 0)
                    out += '/';
                out += '..';
                dotdot = out.length;
            }
        }
        else {
            // real path element; add slash if needed
            if ((rooted && out.length !== 1) || (!rooted && out.length !== 0))
                out += '/';
            let end = path.indexOf('/', r);
            if (end < 0)
                end = n;
            out += path.slice(r, end);
            r = end;
        }
    }
    // Turn empty string into "."
    return out === '' ? '.' : out;
}


/***/ })

};
