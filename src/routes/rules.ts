/**
 * The route hygiene rules of docs/route-hygiene.md#rules: ids, severities, descriptions and fixes.
 * The ids, severities and pointers are the contract; the wording is ours.
 */

/** Rule ids of docs/route-hygiene.md#rules. */
export type RouteRuleId =
  | 'template-parse-error'
  | 'template-exec-error'
  | 'template-url-app'
  | 'jsondata-credential'
  | 'jsondata-secret-name'
  | 'secret-in-query'
  | 'secret-in-url'
  | 'route-url-dropped-part'
  | 'credential-over-http'
  | 'basic-auth-unencoded'
  | 'route-url-scheme'
  | 'app-route-missing-url'
  | 'app-route-field-ignored'
  | 'route-method-invalid'
  | 'route-shadowed'
  | 'route-path-empty'
  | 'route-path-leading-slash'
  | 'route-decode-error'
  | 'header-name-invalid'
  | 'route-unknown-key';

/** `error`: Grafana misbehaves or a secret is exposed whatever the configuration; `warning`: very likely wrong. */
export type RouteSeverity = 'error' | 'warning';

/** One finding: one offending value of one plugin.json. */
export interface RouteFinding {
  rule: RouteRuleId;
  severity: RouteSeverity;
  /** Posix path of the plugin.json, relative to the plugin root. */
  file: string;
  /** RFC 6901 pointer to the value (for a missing key: the containing object). */
  pointer: string;
  /** 1-based line and column of the value in the file. */
  line: number;
  column: number;
  /** What Grafana will do with this value (may quote text from the plugin: escape before printing). */
  message: string;
  /** How to fix it. */
  fix: string;
}

/** Description of a rule, for SARIF drivers, docs and summaries. */
export interface RouteRule {
  id: RouteRuleId;
  severity: RouteSeverity;
  /** One line. */
  short: string;
  /** What triggers it and what Grafana does. */
  full: string;
  /** The fix. */
  fix: string;
  /** SARIF `security-severity` (0–10) for rules that expose a credential. */
  securitySeverity?: string;
}

/** Every rule of docs/route-hygiene.md#rules, in the order of its sections. */
export const ROUTE_RULES: readonly RouteRule[] = [
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
export function routeRule(id: RouteRuleId): RouteRule {
  return ROUTE_RULES.find((r) => r.id === id)!;
}
