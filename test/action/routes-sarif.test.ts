/**
 * The SARIF file of route findings validates against the SARIF 2.1.0 JSON schema (sarif-2.1.0-rtm.5.json as
 * shipped by @microsoft/jest-sarif, a draft-04 schema, checked with ajv-draft-04), and its driver lists every rule with descriptions, help and security severity.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvModule from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { buildRoutesSarif, type PlacedRouteFinding } from '../../src/action/routes.js';
import { checkPluginJsonText } from '../../src/routes/check.js';
import { ROUTE_RULES } from '../../src/routes/rules.js';
import { PROJECT_ROOT } from '../helpers/run-action.js';

// ajv-draft-04 is CommonJS with exports.default: take the class whichever way the loader exposes it.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;

const schema = JSON.parse(
  readFileSync(
    path.join(PROJECT_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
    'utf8',
  ),
) as object;

function validate(log: unknown): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false });
  const check = ajv.compile(schema);
  return check(log)
    ? []
    : (check.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`);
}

const text = JSON.stringify({
  type: 'datasource',
  id: 'acme-x-datasource',
  routes: [
    {
      path: '/api',
      method: 'get',
      url: 'http://api.example.com?x=1',
      headers: [{ name: 'Authorization', content: 'Bearer {{ .JsonData.token }}' }],
    },
    { path: 'q', url: 'https://a.example.com', urlParams: [{ name: 'k', content: '{{ .SecureJsonData.k }' }] },
  ],
});

describe('SARIF 2.1.0', () => {
  const findings: PlacedRouteFinding[] = checkPluginJsonText(text, 'plugin.json').map((f) => ({
    ...f,
    plugin: 'dist',
    location: { file: 'dist/plugin.json', line: f.line, column: f.column, twin: false },
  }));
  const log = buildRoutesSarif(findings);

  it('validates against the SARIF 2.1.0 schema, with and without results', () => {
    expect(findings.length).toBeGreaterThan(3);
    expect(validate(log)).toEqual([]);
    expect(validate(buildRoutesSarif([]))).toEqual([]);
  });
  it('the schema check can fail', () => {
    expect(validate({ ...log, version: '2.0.0' })).not.toEqual([]);
  });
  it('the driver lists every rule: id, short and full description, help with the fix, security-severity for credential rules', () => {
    const rules = log.runs[0].tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(ROUTE_RULES.map((r) => r.id));
    for (const r of rules) {
      const def = ROUTE_RULES.find((x) => x.id === r.id)!;
      expect(r.shortDescription?.text).toBe(def.short);
      expect(r.fullDescription?.text).toBe(def.full);
      expect(r.help?.text).toContain(def.fix);
    }
    const secured = rules.filter((r) => r.properties?.['security-severity'] !== undefined).map((r) => r.id);
    expect(secured).toEqual([
      'jsondata-credential',
      'jsondata-secret-name',
      'secret-in-query',
      'secret-in-url',
      'credential-over-http',
    ]);
  });
  it('one result per finding, at its placed location', () => {
    const results = log.runs[0].results!;
    expect(results.map((r) => r.ruleId)).toEqual(findings.map((f) => f.rule));
    expect(results[0].locations![0].physicalLocation!.region).toEqual({
      startLine: findings[0].line,
      startColumn: findings[0].column,
    });
  });
});
