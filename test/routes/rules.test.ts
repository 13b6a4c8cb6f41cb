/**
 * ROUTES.md §9 on minimal plugins: every rule fires (rule, severity, pointer) and stays silent on its nearest
 * correct twin; every precedence sentence has a case; clean plugins give no finding at all.
 */
import { describe, expect, it } from 'vitest';
import { checkPluginJsonText } from '../../src/routes/check.js';
import type { RouteFinding } from '../../src/routes/rules.js';

type Kind = 'datasource' | 'app' | 'panel';
function pluginJson(routes: unknown, type: Kind = 'datasource'): string {
  return JSON.stringify({ type, id: `acme-test-${type}`, name: 'Test', info: { version: '1.0.0' }, routes }, null, 2);
}
function check(routes: unknown, type: Kind = 'datasource'): RouteFinding[] {
  return checkPluginJsonText(pluginJson(routes, type), 'plugin.json');
}
function summary(fs: RouteFinding[]): [string, string, string][] {
  return fs.map((f) => [f.rule, f.severity, f.pointer]);
}
const https = 'https://api.example.com';
const authHeader = (content: string) => ({ name: 'Authorization', content });

describe('every §9 rule fires on a minimal plugin and not on its nearest correct twin', () => {
  const cases: {
    rule: string;
    severity: 'error' | 'warning';
    type?: Kind;
    bad: unknown;
    pointer: string;
    good: unknown;
  }[] = [
    {
      rule: 'template-parse-error',
      severity: 'error',
      bad: [{ path: 'api', url: https, headers: [{ name: 'X-Key', content: '{{ .SecureJsonData.key }' }] }],
      pointer: '/routes/0/headers/0/content',
      good: [{ path: 'api', url: https, headers: [{ name: 'X-Key', content: '{{ .SecureJsonData.key }}' }] }],
    },
    {
      rule: 'template-parse-error',
      severity: 'error',
      bad: [
        {
          path: 'api',
          url: https,
          headers: [{ name: 'X-Key', content: '{{ index .SecureJsonData "api-key" | b64enc }}' }],
        },
      ],
      pointer: '/routes/0/headers/0/content',
      good: [
        {
          path: 'api',
          url: https,
          headers: [{ name: 'X-Key', content: '{{ index .SecureJsonData "api-key" | orEmpty }}' }],
        },
      ],
    },
    {
      rule: 'template-parse-error',
      severity: 'error',
      bad: [{ path: 'api', url: https, body: { key: '{{ index .SecureJsonData "api-key" }}' } }],
      pointer: '/routes/0/body',
      good: [{ path: 'api', url: https, body: { key: '{{ index .SecureJsonData `api-key` }}' } }],
    },
    {
      rule: 'template-exec-error',
      severity: 'error',
      bad: [{ path: 'api', url: https, headers: [{ name: 'X-Org', content: '{{ .jsonData.org }}' }] }],
      pointer: '/routes/0/headers/0/content',
      good: [{ path: 'api', url: https, headers: [{ name: 'X-Org', content: '{{ .JsonData.org }}' }] }],
    },
    {
      rule: 'template-exec-error',
      severity: 'error',
      bad: [{ path: 'api', url: https, headers: [{ name: 'X-Org', content: '{{ .SecureJsonData.org.id }}' }] }],
      pointer: '/routes/0/headers/0/content',
      good: [{ path: 'api', url: https, headers: [{ name: 'X-Org', content: '{{ .JsonData.org.id }}' }] }],
    },
    {
      rule: 'template-exec-error',
      severity: 'error',
      bad: [
        { path: 'api', url: https, headers: [{ name: 'X-Org', content: '{{ orEmpty .JsonData.a .JsonData.b }}' }] },
      ],
      pointer: '/routes/0/headers/0/content',
      good: [{ path: 'api', url: https, headers: [{ name: 'X-Org', content: '{{ .JsonData.a | orEmpty }}' }] }],
    },
    {
      rule: 'template-url-app',
      severity: 'warning',
      type: 'app',
      bad: [{ path: 'api', url: '{{ .URL }}/api' }],
      pointer: '/routes/0/url',
      good: [{ path: 'api', url: '{{ .JsonData.url }}/api' }],
    },
    {
      rule: 'jsondata-credential',
      severity: 'error',
      bad: [{ path: 'api', url: https, headers: [authHeader('Bearer {{ .JsonData.token }}')] }],
      pointer: '/routes/0/headers/0/content',
      good: [{ path: 'api', url: https, headers: [authHeader('Bearer {{ .SecureJsonData.token }}')] }],
    },
    {
      rule: 'jsondata-credential',
      severity: 'error',
      bad: [
        {
          path: 'api',
          url: https,
          tokenAuth: { url: `${https}/token`, params: { client_secret: '{{ .JsonData.clientSecret }}' } },
        },
      ],
      pointer: '/routes/0/tokenAuth/params/client_secret',
      good: [
        {
          path: 'api',
          url: https,
          tokenAuth: { url: `${https}/token`, params: { client_secret: '{{ .SecureJsonData.clientSecret }}' } },
        },
      ],
    },
    {
      rule: 'jsondata-credential',
      severity: 'error',
      bad: [
        {
          path: 'api',
          url: https,
          jwtTokenAuth: { url: `${https}/token`, params: { private_key: '{{ .JsonData.pk }}' } },
        },
      ],
      pointer: '/routes/0/jwtTokenAuth/params/private_key',
      good: [
        {
          path: 'api',
          url: https,
          jwtTokenAuth: { url: `${https}/token`, params: { private_key: '{{ .SecureJsonData.pk }}' } },
        },
      ],
    },
    {
      rule: 'jsondata-secret-name',
      severity: 'warning',
      bad: [{ path: 'api', url: https, headers: [{ name: 'X-Custom', content: '{{ .JsonData.apiKey }}' }] }],
      pointer: '/routes/0/headers/0/content',
      good: [{ path: 'api', url: https, headers: [{ name: 'X-Custom', content: '{{ .JsonData.apiKeyHeader }}' }] }],
    },
    {
      rule: 'jsondata-secret-name',
      severity: 'warning',
      bad: [{ path: 'api', url: https, headers: [{ name: 'X-API-Key', content: '{{ .JsonData.value }}' }] }],
      pointer: '/routes/0/headers/0/content',
      good: [{ path: 'api', url: https, headers: [{ name: 'X-API-Key', content: '{{ .SecureJsonData.value }}' }] }],
    },
    {
      rule: 'jsondata-secret-name',
      severity: 'warning',
      bad: [{ path: 'api', url: https, body: { user: '{{ .JsonData.user }}', password: '{{ .JsonData.value }}' } }],
      pointer: '/routes/1/body/password'.replace('/1/', '/0/'),
      good: [
        { path: 'api', url: https, body: { user: '{{ .JsonData.user }}', password: '{{ .SecureJsonData.value }}' } },
      ],
    },
    {
      rule: 'secret-in-query',
      severity: 'warning',
      bad: [{ path: 'api', url: https, urlParams: [{ name: 'api_key', content: '{{ .SecureJsonData.key }}' }] }],
      pointer: '/routes/0/urlParams/0/content',
      good: [{ path: 'api', url: https, headers: [{ name: 'X-Api-Key', content: '{{ .SecureJsonData.key }}' }] }],
    },
    {
      rule: 'secret-in-url',
      severity: 'warning',
      bad: [{ path: 'api', url: `${https}/{{ .SecureJsonData.key }}/v1` }],
      pointer: '/routes/0/url',
      good: [{ path: 'api', url: '{{ .SecureJsonData.baseUrl }}/v1' }],
    },
    {
      rule: 'secret-in-url',
      severity: 'warning',
      bad: [{ path: 'api', url: https, tokenAuth: { url: `${https}/{{ .SecureJsonData.tenant }}/token`, params: {} } }],
      pointer: '/routes/0/tokenAuth/url',
      good: [{ path: 'api', url: https, tokenAuth: { url: `${https}/{{ .JsonData.tenant }}/token`, params: {} } }],
    },
    {
      rule: 'route-url-dropped-part',
      severity: 'error',
      bad: [{ path: 'api', url: `${https}/v1?format=json` }],
      pointer: '/routes/0/url',
      good: [{ path: 'api', url: `${https}/v1`, urlParams: [{ name: 'format', content: 'json' }] }],
    },
    {
      rule: 'route-url-dropped-part',
      severity: 'error',
      bad: [{ path: 'api', url: 'https://{{ .JsonData.user }}:{{ .SecureJsonData.password }}@api.example.com' }],
      pointer: '/routes/0/url',
      good: [{ path: 'api', url: https, headers: [authHeader('Basic {{ .SecureJsonData.basicAuth }}')] }],
    },
    {
      rule: 'credential-over-http',
      severity: 'error',
      bad: [
        { path: 'api', url: 'http://api.example.com', headers: [authHeader('Bearer {{ .SecureJsonData.token }}')] },
      ],
      pointer: '/routes/0/url',
      good: [
        { path: 'api', url: 'http://localhost:8080', headers: [authHeader('Bearer {{ .SecureJsonData.token }}')] },
      ],
    },
    {
      rule: 'credential-over-http',
      severity: 'error',
      bad: [{ path: 'api', url: 'http://{{ .JsonData.host }}/api', tokenAuth: { url: `${https}/token`, params: {} } }],
      pointer: '/routes/0/url',
      good: [{ path: 'api', url: '{{ .JsonData.url }}/api', tokenAuth: { url: `${https}/token`, params: {} } }],
    },
    {
      rule: 'credential-over-http',
      severity: 'error',
      bad: [
        {
          path: 'api',
          url: https,
          tokenAuth: { url: 'http://login.example.com/token', params: { client_secret: '{{ .SecureJsonData.s }}' } },
        },
      ],
      pointer: '/routes/0/tokenAuth/url',
      good: [
        {
          path: 'api',
          url: https,
          tokenAuth: { url: 'http://127.0.0.1/token', params: { client_secret: '{{ .SecureJsonData.s }}' } },
        },
      ],
    },
    {
      rule: 'basic-auth-unencoded',
      severity: 'error',
      bad: [
        {
          path: 'api',
          url: https,
          headers: [authHeader('  basic {{ .JsonData.user | orEmpty }}:{{ .SecureJsonData.password }}')],
        },
      ],
      pointer: '/routes/0/headers/0/content',
      good: [{ path: 'api', url: https, headers: [authHeader('Basic {{ .SecureJsonData.basicAuth }}')] }],
    },
    {
      rule: 'route-url-scheme',
      severity: 'error',
      bad: [{ path: 'api', url: 'api.example.com/v1' }],
      pointer: '/routes/0/url',
      good: [{ path: 'api', url: 'HTTPS://api.example.com/v1' }],
    },
    {
      rule: 'route-url-scheme',
      severity: 'error',
      bad: [{ path: 'api', url: https, tokenAuth: { url: 'login.example.com/token', params: {} } }],
      pointer: '/routes/0/tokenAuth/url',
      good: [{ path: 'api', url: https, tokenAuth: { url: '{{ .JsonData.tokenUrl }}', params: {} } }],
    },
    {
      rule: 'app-route-missing-url',
      severity: 'error',
      type: 'app',
      bad: [{ path: 'api', headers: [{ name: 'X-Org', content: '1' }] }],
      pointer: '/routes/0',
      good: [{ path: 'api', url: https, headers: [{ name: 'X-Org', content: '1' }] }],
    },
    {
      rule: 'app-route-missing-url',
      severity: 'error',
      type: 'app',
      bad: [{ path: 'api', url: '' }],
      pointer: '/routes/0/url',
      good: [{ path: 'api', url: https }],
    },
    {
      rule: 'app-route-field-ignored',
      severity: 'warning',
      type: 'app',
      bad: [{ path: 'api', url: https, urlParams: [{ name: 'k', content: '{{ .SecureJsonData.k }}' }] }],
      pointer: '/routes/0/urlParams',
      good: [{ path: 'api', url: https, headers: [{ name: 'X-K', content: '{{ .SecureJsonData.k }}' }] }],
    },
    {
      rule: 'app-route-field-ignored',
      severity: 'warning',
      type: 'app',
      bad: [{ path: 'api', url: https, authType: 'azure' }],
      pointer: '/routes/0/authType',
      good: [{ path: 'api', url: https, authType: '' }],
    },
    {
      rule: 'route-method-invalid',
      severity: 'error',
      bad: [{ path: 'api', method: 'get', url: https }],
      pointer: '/routes/0/method',
      good: [{ path: 'api', method: 'GET', url: https }],
    },
    {
      rule: 'route-method-invalid',
      severity: 'error',
      bad: [{ path: 'api', method: 'GET,POST', url: https }],
      pointer: '/routes/0/method',
      good: [{ path: 'api', method: '*', url: https }],
    },
    {
      rule: 'route-shadowed',
      severity: 'warning',
      bad: [
        { path: 'api', url: https },
        { path: 'api/v1', url: https, reqRole: 'Admin' },
      ],
      pointer: '/routes/1/path',
      good: [
        { path: 'api/v1', url: https, reqRole: 'Admin' },
        { path: 'api', url: https },
      ],
    },
    {
      rule: 'route-shadowed',
      severity: 'warning',
      type: 'app',
      bad: [
        { path: 'api/*', url: https },
        { path: '/api/users/', url: https },
      ],
      pointer: '/routes/1/path',
      good: [
        { path: 'api/users', url: https },
        { path: 'api/*', url: https },
      ],
    },
    {
      rule: 'route-shadowed',
      severity: 'warning',
      bad: [
        { path: 'api', method: 'GET', url: https },
        { path: 'api', method: 'GET', url: https },
      ],
      pointer: '/routes/1/path',
      good: [
        { path: 'api', method: 'GET', url: https },
        { path: 'api', method: 'POST', url: https },
      ],
    },
    {
      rule: 'route-path-empty',
      severity: 'warning',
      bad: [{ path: '', url: https, reqRole: 'Admin' }],
      pointer: '/routes/0/path',
      good: [{ path: 'api', url: https, reqRole: 'Admin' }],
    },
    {
      rule: 'route-path-empty',
      severity: 'warning',
      type: 'app',
      bad: [{ url: https }],
      pointer: '/routes/0',
      good: [{ path: 'x', url: https }],
    },
    {
      rule: 'route-path-leading-slash',
      severity: 'warning',
      bad: [{ path: '/api/v5', url: https }],
      pointer: '/routes/0/path',
      good: [{ path: 'api/v5', url: https }],
    },
    {
      rule: 'header-name-invalid',
      severity: 'error',
      bad: [{ path: 'api', url: https, headers: [{ key: 'X-Org', value: '1' }] }],
      pointer: '/routes/0/headers/0',
      good: [{ path: 'api', url: https, headers: [{ name: 'X-Org', content: '1' }] }],
    },
    {
      rule: 'header-name-invalid',
      severity: 'error',
      bad: [{ path: 'api', url: https, headers: [{ name: 'X Org:', content: '1' }] }],
      pointer: '/routes/0/headers/0/name',
      good: [{ path: 'api', url: https, headers: [{ name: 'X-Org', content: '1' }] }],
    },
    {
      rule: 'route-unknown-key',
      severity: 'warning',
      bad: [{ path: 'api', url: https, header: [] }],
      pointer: '/routes/0/header',
      good: [{ path: 'api', URL: https, Headers: [] }],
    },
    {
      rule: 'route-decode-error',
      severity: 'error',
      bad: [{ path: 'api', url: https, reqRole: 'ADMIN' }],
      pointer: '/routes/0/reqRole',
      good: [{ path: 'api', url: https, reqRole: 'admin' }],
    },
  ];
  it.each(cases)('$rule at $pointer', ({ rule, severity, type, bad, pointer, good }) => {
    const found = check(bad, type ?? 'datasource');
    expect(summary(found)).toContainEqual([rule, severity, pointer]);
    expect(summary(found).filter(([r]) => r === rule)).toHaveLength(1);
    const f = found.find((x) => x.rule === rule)!;
    expect(f.line).toBeGreaterThan(1);
    expect(f.column).toBeGreaterThan(1);
    expect(f.message.length).toBeGreaterThan(10);
    expect(f.fix.length).toBeGreaterThan(5);
    expect(check(good, type ?? 'datasource')).toEqual([]);
  });
});

describe('route-decode-error on every value type mistake', () => {
  const mistakes: [string, unknown, string][] = [
    ['path number', { path: 1, url: https }, '/routes/0/path'],
    ['method number', { path: 'a', method: 1, url: https }, '/routes/0/method'],
    ['url object', { path: 'a', url: {} }, '/routes/0/url'],
    ['reqAction bool', { path: 'a', url: https, reqAction: true }, '/routes/0/reqAction'],
    ['authType array', { path: 'a', url: https, authType: [] }, '/routes/0/authType'],
    ['reqRole number', { path: 'a', url: https, reqRole: 2 }, '/routes/0/reqRole'],
    ['reqRole GrafanaAdmin', { path: 'a', url: https, reqRole: 'GrafanaAdmin' }, '/routes/0/reqRole'],
    ['reqRole with words', { path: 'a', url: https, reqRole: 'Read Only Editor' }, '/routes/0/reqRole'],
    ['headers object', { path: 'a', url: https, headers: { 'X-A': '1' } }, '/routes/0/headers'],
    ['header entry string', { path: 'a', url: https, headers: ['X-A: 1'] }, '/routes/0/headers/0'],
    ['header name number', { path: 'a', url: https, headers: [{ name: 1, content: 'x' }] }, '/routes/0/headers/0/name'],
    [
      'header content object',
      { path: 'a', url: https, headers: [{ name: 'X-A', content: { a: 1 } }] },
      '/routes/0/headers/0/content',
    ],
    ['urlParams string', { path: 'a', url: https, urlParams: 'a=b' }, '/routes/0/urlParams'],
    [
      'urlParam name bool',
      { path: 'a', url: https, urlParams: [{ name: false, content: 'x' }] },
      '/routes/0/urlParams/0/name',
    ],
    [
      'urlParam content number',
      { path: 'a', url: https, urlParams: [{ name: 'a', content: 3 }] },
      '/routes/0/urlParams/0/content',
    ],
    ['tokenAuth array', { path: 'a', url: https, tokenAuth: [] }, '/routes/0/tokenAuth'],
    ['jwtTokenAuth string', { path: 'a', url: https, jwtTokenAuth: 'x' }, '/routes/0/jwtTokenAuth'],
    ['tokenAuth url number', { path: 'a', url: https, tokenAuth: { url: 5 } }, '/routes/0/tokenAuth/url'],
    [
      'scopes string',
      { path: 'a', url: https, tokenAuth: { url: https, scopes: 'a b' } },
      '/routes/0/tokenAuth/scopes',
    ],
    [
      'scope number',
      { path: 'a', url: https, tokenAuth: { url: https, scopes: ['a', 2] } },
      '/routes/0/tokenAuth/scopes/1',
    ],
    ['params array', { path: 'a', url: https, tokenAuth: { url: https, params: [] } }, '/routes/0/tokenAuth/params'],
    [
      'param value number',
      { path: 'a', url: https, tokenAuth: { url: https, params: { grant_type: 1 } } },
      '/routes/0/tokenAuth/params/grant_type',
    ],
    [
      'jwt param value bool',
      { path: 'a', url: https, jwtTokenAuth: { url: https, params: { token_uri: true } } },
      '/routes/0/jwtTokenAuth/params/token_uri',
    ],
  ];
  it.each(mistakes)('%s', (_name, route, pointer) => {
    const found = check([route]);
    expect(summary(found)).toEqual([['route-decode-error', 'error', pointer]]);
  });
  it('routes not an array, and a route not an object', () => {
    expect(summary(check({ path: 'a' }))).toEqual([['route-decode-error', 'error', '/routes']]);
    expect(summary(check(['a']))).toEqual([['route-decode-error', 'error', '/routes/0']]);
  });
  it('decode errors apply to every plugin type (Go decodes JSONData whatever the type)', () => {
    expect(summary(check([{ path: 1 }], 'panel'))).toEqual([['route-decode-error', 'error', '/routes/0/path']]);
    expect(check([{ path: '/x', method: 'get' }], 'panel')).toEqual([]);
  });
  it('null means unset everywhere', () => {
    expect(
      check([
        {
          path: 'a',
          url: https,
          method: null,
          reqRole: null,
          headers: null,
          urlParams: null,
          tokenAuth: null,
          body: null,
          reqAction: null,
        },
      ]),
    ).toEqual([]);
  });
  it('invalid JSON is one decode error at the syntax error', () => {
    const f = checkPluginJsonText('{\n  "type": "datasource",\n  "routes": [,]\n}', 'plugin.json');
    expect(summary(f)).toEqual([['route-decode-error', 'error', '']]);
    expect([f[0].line, f[0].column]).toEqual([3, 14]);
  });
});

describe('§9 precedence', () => {
  it('a value with route-decode-error gets no other finding', () => {
    expect(summary(check([{ path: 'a', method: 5, url: https }]))).toEqual([
      ['route-decode-error', 'error', '/routes/0/method'],
    ]);
    expect(summary(check([{ path: 'a', url: 5 }], 'app'))).toEqual([['route-decode-error', 'error', '/routes/0/url']]);
    expect(
      summary(
        check([
          { path: 5, url: https },
          { path: 'a', url: https },
        ]),
      ),
    ).toEqual([['route-decode-error', 'error', '/routes/0/path']]);
  });
  it('a value with template-parse-error gets no other finding and gives no references to route-level rules', () => {
    expect(
      summary(
        check([
          {
            path: 'a',
            url: 'http://api.example.com',
            headers: [authHeader('Basic {{ .JsonData.user }:{{ .SecureJsonData.p }}')],
          },
        ]),
      ),
    ).toEqual([['template-parse-error', 'error', '/routes/0/headers/0/content']]);
    expect(summary(check([{ path: 'a', url: 'api.example.com?k={{ .SecureJsonData.k }' }]))).toEqual([
      ['template-parse-error', 'error', '/routes/0/url'],
    ]);
  });
  it('jsondata-credential replaces jsondata-secret-name on the same value', () => {
    expect(
      summary(check([{ path: 'a', url: https, headers: [authHeader('Bearer {{ .JsonData.apiToken }}')] }])),
    ).toEqual([['jsondata-credential', 'error', '/routes/0/headers/0/content']]);
  });
  it('references inside a dropped URL part give route-url-dropped-part, not secret-in-url', () => {
    expect(summary(check([{ path: 'a', url: `${https}/v1?key={{ .SecureJsonData.key }}` }]))).toEqual([
      ['route-url-dropped-part', 'error', '/routes/0/url'],
    ]);
    expect(
      summary(check([{ path: 'a', url: 'https://u:{{ .SecureJsonData.p }}@api.example.com/{{ .SecureJsonData.k }}' }])),
    ).toEqual(
      [
        ['secret-in-url', 'warning', '/routes/0/url'],
        ['route-url-dropped-part', 'error', '/routes/0/url'],
      ].sort() as [string, string, string][],
    );
  });
  it('routes with route-method-invalid neither shadow nor are shadowed', () => {
    expect(
      summary(
        check([
          { path: 'a', method: 'get', url: https },
          { path: 'a/b', url: https },
        ]),
      ),
    ).toEqual([['route-method-invalid', 'error', '/routes/0/method']]);
    expect(
      summary(
        check([
          { path: 'a', url: https },
          { path: 'a/b', method: 'post', url: https },
        ]),
      ),
    ).toEqual([['route-method-invalid', 'error', '/routes/1/method']]);
  });
  it('otherwise rules are independent: one value with template-exec-error and jsondata-credential', () => {
    expect(
      summary(check([{ path: 'a', url: https, headers: [authHeader('Bearer {{ .JsonData.token }}{{ .Token }}')] }])),
    ).toEqual([
      ['template-exec-error', 'error', '/routes/0/headers/0/content'],
      ['jsondata-credential', 'error', '/routes/0/headers/0/content'],
    ]);
  });
});

describe('shadowing details', () => {
  it('DS paths compare after cleaning, as plain string prefixes; shadowing names the first covering route', () => {
    const f = check([
      { path: 'api', method: 'GET', url: https },
      { path: 'api/', url: https },
      { path: './apiv2//x', method: 'GET', url: https },
    ]);
    expect(summary(f)).toEqual([['route-shadowed', 'warning', '/routes/2/path']]);
    expect(f[0].message).toContain('route 0');
  });
  it('a method-specific earlier route does not cover a later any-method route', () => {
    expect(
      check([
        { path: 'api', method: 'GET', url: https },
        { path: 'api/x', method: '*', url: https },
      ]),
    ).toEqual([]);
  });
  it('app: earlier * covers everything but the bare root; :name patterns compare only for equality', () => {
    expect(
      summary(
        check(
          [
            { path: '*', url: https },
            { path: 'x/y', url: https },
          ],
          'app',
        ),
      ),
    ).toEqual([['route-shadowed', 'warning', '/routes/1/path']]);
    expect(
      summary(
        check(
          [
            { path: '*', url: https },
            { path: '/', url: https },
          ],
          'app',
        ),
      ),
    ).toEqual([['route-path-empty', 'warning', '/routes/1/path']]);
    expect(
      check(
        [
          { path: 'api/*', url: https },
          { path: 'api/:id', url: https },
        ],
        'app',
      ),
    ).toEqual([]);
    expect(
      summary(
        check(
          [
            { path: 'api/:id', url: https },
            { path: 'api/:id/', url: https },
          ],
          'app',
        ),
      ),
    ).toEqual([['route-shadowed', 'warning', '/routes/1/path']]);
    expect(
      check(
        [
          { path: 'api/*', url: https },
          { path: 'api', url: https },
        ],
        'app',
      ),
    ).toEqual([]);
  });
});

const cleanDataSource = [
  {
    path: 'api',
    method: 'GET',
    reqRole: 'Viewer',
    url: '{{ .JsonData.url }}/api/v2',
    headers: [
      authHeader('Bearer {{ .SecureJsonData.apiToken }}'),
      { name: 'X-Org-Id', content: '{{ .JsonData.orgId | orEmpty }}' },
      { name: 'X-Api-Key', content: '{{ index .SecureJsonData "api-key" }}' },
    ],
    urlParams: [{ name: 'format', content: 'json' }],
  },
  {
    path: 'metrics',
    url: 'https://metrics.example.com/v1',
    reqAction: 'datasources:query',
    tokenAuth: {
      url: 'https://login.microsoftonline.com/{{ .JsonData.tenantId }}/oauth2/token',
      scopes: ['https://metrics.example.com/.default'],
      params: {
        grant_type: 'client_credentials',
        client_id: '{{ .JsonData.clientId }}',
        client_secret: '{{ .SecureJsonData.clientSecret }}',
      },
    },
  },
  {
    path: 'local',
    url: 'http://localhost:9090',
    headers: [authHeader('Basic {{ .SecureJsonData.basicAuth }}')],
    body: { query: '{{ .JsonData.defaultQuery }}', key: '{{ index .SecureJsonData `api-key` }}' },
  },
  {
    path: 'gce',
    url: 'https://monitoring.googleapis.com',
    jwtTokenAuth: {
      url: 'https://oauth2.googleapis.com/token',
      scopes: ['https://www.googleapis.com/auth/monitoring.read'],
      params: {
        token_uri: '{{ .JsonData.tokenUri }}',
        client_email: '{{ .JsonData.clientEmail }}',
        private_key: '{{ .SecureJsonData.privateKey }}',
      },
    },
  },
  {
    path: 'base',
    url: '{{ .URL }}/x',
    headers: [{ name: 'X-Tpl', content: '{{ if .JsonData.a }}{{ .JsonData.a }}{{ else }}none{{ end }}' }],
  },
];

describe('clean plugins produce no findings at all', () => {
  it('a data source using every field correctly', () => {
    expect(check(cleanDataSource)).toEqual([]);
  });
  it('an app using headers and body', () => {
    expect(
      check(
        [
          {
            path: 'api/users/:id',
            method: 'GET',
            reqRole: 'Editor',
            url: '{{ .JsonData.apiUrl }}/users',
            headers: [authHeader('Bearer {{ .SecureJsonData.token }}')],
          },
          {
            path: 'api/*',
            reqAction: 'plugins.app:access',
            url: 'https://api.example.com',
            body: { token: '{{ .SecureJsonData.token }}' },
          },
        ],
        'app',
      ),
    ).toEqual([]);
  });
  it('a panel: routes are not used, only decoded', () => {
    expect(check([{ path: '/x', url: 'nowhere', headers: [{ name: 'X Y', content: '{{' }] }], 'panel')).toEqual([]);
  });
  it('a plugin without routes', () => {
    expect(checkPluginJsonText('{"type":"datasource","id":"a-b-datasource"}', 'plugin.json')).toEqual([]);
  });
  it('200 clean routes give no finding; 200 routes with one mistake each give 200 findings at their pointers', () => {
    const clean = Array.from({ length: 200 }, (_, i) => ({
      path: `api/r${String(i).padStart(3, '0')}/x`,
      method: 'GET',
      url: `https://api.example.com/r${i}`,
      headers: [authHeader('Bearer {{ .SecureJsonData.token }}')],
    }));
    expect(check(clean)).toEqual([]);
    const bad = clean.map((r) => ({ ...r, headers: [authHeader('Bearer {{ .JsonData.token }}')] }));
    const f = check(bad);
    expect(f).toHaveLength(200);
    expect(f.map((x) => x.pointer)).toEqual(bad.map((_, i) => `/routes/${i}/headers/0/content`));
    expect(new Set(f.map((x) => x.line)).size).toBe(200);
  });
});

describe('positions', () => {
  it('line and column point at the value in the file', () => {
    const text =
      '{\n  "type": "datasource",\n  "routes": [\n    { "path": "api", "method": "get", "url": "https://a.example.com" }\n  ]\n}\n';
    const [f] = checkPluginJsonText(text, 'src/plugin.json');
    expect(f).toMatchObject({ rule: 'route-method-invalid', file: 'src/plugin.json', line: 4, column: 32 });
    expect(text.split('\n')[3].slice(31)).toMatch(/^"get"/);
  });
  it('keys match case-insensitively and the last duplicate wins, as in Go', () => {
    expect(summary(check([{ PATH: 'api', Method: 'GET', Url: https }]))).toEqual([]);
    const text =
      '{"type":"datasource","routes":[{"path":"a","url":"https://x.example.com","method":"get","METHOD":"GET"}]}';
    expect(checkPluginJsonText(text, 'plugin.json')).toEqual([]);
  });
  it('pointers escape ~ and /', () => {
    expect(summary(check([{ path: 'a', url: https, 'a/b~c': 1 }]))).toEqual([
      ['route-unknown-key', 'warning', '/routes/0/a~1b~0c'],
    ]);
  });
});
