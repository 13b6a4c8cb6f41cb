/**
 * Printing results for people and for scripts (`--json`), shared by the CLI commands.
 */
import type { ExpectationCheck } from '../verify/expectations.js';
import { grafanaBadge } from '../verify/findings.js';
import type { VerifyResult } from '../verify/verify.js';

/**
 * The stable JSON shape of one verification (`verify --json`): Grafana's status name, the signature type,
 * plugin id and version, and every finding.
 */
export function resultToJson(result: VerifyResult, expectations: ExpectationCheck[], inputPath: string) {
  const m = result.manifest;
  return {
    path: inputPath,
    status: result.status,
    ok: result.status === 'valid' && expectations.every((e) => e.met),
    headline: result.headline,
    reason: result.reason,
    plugin: result.plugin.id || m?.plugin || '',
    version: result.plugin.version || m?.version || '',
    signatureType: m?.signatureType ?? null,
    signedByOrg: m?.signedByOrg ?? null,
    signedByOrgName: m?.signedByOrgName ?? null,
    keyId: m?.keyId ?? null,
    rootUrls: m?.rootUrls ?? [],
    signedAt: m && m.time ? new Date(m.time).toISOString() : null,
    filesCount: result.filesCount,
    findings: result.findings,
    rootUrlChecks: result.rootUrlChecks,
    expectations,
  };
}

/** Human-readable report of one verification, several lines, no trailing newline. */
export function formatResult(result: VerifyResult, expectations: ExpectationCheck[], inputPath: string): string {
  const m = result.manifest;
  const lines = [`${inputPath}: ${grafanaBadge(result.status)} (${result.status})`];
  lines.push(`  plugin      ${result.plugin.id || '?'} ${result.plugin.version || '?'}`);
  if (m) {
    lines.push(`  signature   ${m.signatureType || '?'} by ${m.signedByOrgName || '?'} (${m.signedByOrg || '?'})`);
    lines.push(`  key ID      ${m.keyId}${result.key ? ` (${result.key.label})` : ''}`);
    if (m.time) lines.push(`  signed at   ${new Date(m.time).toISOString()}`);
    if (m.rootUrls.length) lines.push(`  root URLs   ${m.rootUrls.join(', ')}`);
  }
  lines.push(`  files       ${result.filesCount}`);
  for (const check of result.rootUrlChecks) {
    lines.push(`  app URL     ${check.appUrl}: ${check.matched ? 'accepted' : 'rejected'}`);
    for (const a of check.attempts) lines.push(`                ${a.rootUrl}: ${a.reason}`);
  }
  if (result.status !== 'valid') lines.push(`  ${result.headline}`);
  for (const f of result.findings) lines.push(`  ${f.status === null ? 'note' : '✗'} ${f.message}`);
  for (const e of expectations) lines.push(`  ${e.met ? '✓' : '✗'} ${e.message}`);
  return lines.join('\n');
}
