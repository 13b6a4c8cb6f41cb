/**
 * `check-routes [--json] PATH...`: review the proxy routes of every plugin.json of each PATH (a plugin folder, a
 * plugin.json or a plugin .zip) as Grafana will use them (docs/route-hygiene.md#rules).
 * Exit codes: 0 no finding of severity error, 1 at least one, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { type RouteCheckResult, checkRoutes } from '../routes/find.js';
import type { RouteFinding } from '../routes/rules.js';

import { CHECK_ROUTES_USAGE } from './usage.js';

/** Control characters (and line separators) of untrusted text, shown as `\uXXXX` so a line stays one line. */
function printable(s: string): string {
  return s.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Text report: findings grouped by file, one `file:line:column  severity  rule  message` line each. */
export function formatRouteFindings(findings: readonly RouteFinding[], prefix = ''): string[] {
  const lines: string[] = [];
  let lastFile: string | undefined;
  for (const f of findings) {
    if (f.file !== lastFile) {
      if (lastFile !== undefined) lines.push('');
      lastFile = f.file;
    }
    let file = printable(prefix + f.file);
    if (file.startsWith(':')) file = './' + file;
    lines.push(`${file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${printable(f.message)} (fix: ${f.fix})`);
  }
  return lines;
}

/**
 * Runs `check-routes`. @param argv arguments after the command. @param out writes one line to stdout.
 * @returns 0 when no finding has severity error, else 1. @throws UsageError without PATH or with an unknown
 *   option; PluginError when a PATH cannot be read.
 */
export async function checkRoutesCommand(argv: string[], out: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError('check-routes', `${(error as Error).message}\n${CHECK_ROUTES_USAGE}`);
  }
  const paths = parsed.positionals;
  if (paths.length === 0) throw new UsageError('PATH', `check-routes needs at least one PATH\n${CHECK_ROUTES_USAGE}`);
  const results: RouteCheckResult[] = [];
  for (const p of paths) results.push(await checkRoutes(p));
  const failed = results.some((r) => r.findings.some((f) => f.severity === 'error'));
  if (parsed.values.json) {
    out(
      JSON.stringify(
        results.length === 1
          ? { findings: results[0].findings }
          : { results: results.map((r) => ({ path: r.path, findings: r.findings })) },
        null,
        2,
      ),
    );
  } else {
    for (const r of results) {
      const prefix = results.length > 1 ? `${r.path.replace(/\/+$/, '')}/` : '';
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      if (results.length > 1 || r.findings.length === 0) {
        out(
          `${printable(r.path)}: ${r.files.length} plugin.json checked, ${errors} error(s), ${r.findings.length - errors} warning(s)`,
        );
      }
      for (const line of formatRouteFindings(r.findings, prefix)) out(line);
    }
  }
  return failed ? 1 : 0;
}
