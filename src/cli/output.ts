/**
 * Printing verification reports for people (the JSON shape lives in `src/verify/report.ts`).
 */
import { grafanaBadge } from '../verify/findings.js';
import type { PluginReport } from '../verify/report.js';

/** Human-readable report of one plugin, several lines, no trailing newline. */
export function formatReport(report: PluginReport, keyLabel?: string): string {
  const lines = [`${report.path}: ${grafanaBadge(report.status)} (${report.status})`];
  lines.push(`  plugin      ${report.plugin || '?'} ${report.version || '?'}`);
  if (report.keyId !== null) {
    lines.push(
      `  signature   ${report.signatureType || '?'} by ${report.signedByOrgName || '?'} (${report.signedByOrg || '?'})`,
    );
    lines.push(`  key ID      ${report.keyId}${keyLabel ? ` (${keyLabel})` : ''}`);
    if (report.signedAt) lines.push(`  signed at   ${report.signedAt}`);
    if (report.rootUrls.length) lines.push(`  root URLs   ${report.rootUrls.join(', ')}`);
  }
  lines.push(`  files       ${report.filesCount}`);
  for (const check of report.rootUrlChecks) {
    lines.push(`  app URL     ${check.appUrl}: ${check.matched ? 'accepted' : 'rejected'}`);
    for (const a of check.attempts) lines.push(`                ${a.rootUrl}: ${a.reason}`);
  }
  if (report.status !== 'valid') lines.push(`  ${report.headline}`);
  for (const f of report.findings) {
    lines.push(`  ${f.status === null ? 'note' : '✗'} ${f.message}`);
    if (f.hint) lines.push(`      cause: ${f.hint.cause}: ${f.hint.detail}`, `      fix:   ${f.hint.fix}`);
  }
  for (const l of report.layout ?? []) lines.push(`  ✗ zip layout: ${l.message}`);
  for (const e of report.expectations) lines.push(`  ${e.met ? '✓' : '✗'} ${e.message}`);
  return lines.join('\n');
}
