/**
 * The stable JSON shape of one verification, shared by the CLI's `verify --json` and the action's `results`
 * output, and the combination of several.
 */
import type { ExpectationCheck } from './expectations.js';
import { worstStatus, type Finding, type SignatureStatus } from './findings.js';
import type { VerifyResult } from './verify.js';

/** A layout problem of a plugin zip (docs/verification.md#zip); fails the job without changing Grafana's status. */
export interface LayoutProblem {
  kind: string;
  message: string;
  path?: string;
}

/** One plugin's report: Grafana's status name, the manifest's facts, and every finding and check. */
export interface PluginReport {
  /** The folder or zip as given. */
  path: string;
  status: SignatureStatus;
  /** Valid, every expectation met, no layout problem. */
  ok: boolean;
  headline: string;
  reason: string;
  plugin: string;
  version: string;
  signatureType: string | null;
  signedByOrg: string | null;
  signedByOrgName: string | null;
  keyId: string | null;
  rootUrls: string[];
  /** Signing time from the manifest, ISO 8601 UTC. */
  signedAt: string | null;
  filesCount: number;
  findings: Finding[];
  rootUrlChecks: VerifyResult['rootUrlChecks'];
  expectations: ExpectationCheck[];
  /** Zip layout problems (zips only). */
  layout?: LayoutProblem[];
}

/**
 * Builds the report of one verification.
 *
 * @param result the verification; @param expectations the user's expectations checked against it;
 * @param inputPath the folder or zip as the user gave it; @param layout zip layout problems, if a zip.
 */
export function pluginReport(
  result: VerifyResult,
  expectations: ExpectationCheck[],
  inputPath: string,
  layout?: LayoutProblem[],
): PluginReport {
  const m = result.manifest;
  let signedAt: string | null = null;
  if (m && m.time) {
    const date = new Date(m.time);
    signedAt = Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  const report: PluginReport = {
    path: inputPath,
    status: result.status,
    ok: result.status === 'valid' && expectations.every((e) => e.met) && (layout?.length ?? 0) === 0,
    headline: result.headline,
    reason: result.reason,
    plugin: result.plugin.id || m?.plugin || '',
    version: result.plugin.version || m?.version || '',
    signatureType: m?.signatureType ?? null,
    signedByOrg: m?.signedByOrg ?? null,
    signedByOrgName: m?.signedByOrgName ?? null,
    keyId: m?.keyId ?? null,
    rootUrls: m?.rootUrls ?? [],
    signedAt,
    filesCount: result.filesCount,
    findings: result.findings,
    rootUrlChecks: result.rootUrlChecks,
    expectations,
  };
  if (layout) report.layout = layout;
  return report;
}

/**
 * Combines several plugins' reports: `status` is the worst verdict (`invalid` > `modified` > `unsigned` >
 * `valid`), `ok` only when every plugin is ok.
 */
export function combineReports(reports: PluginReport[]): {
  status: SignatureStatus;
  ok: boolean;
  results: PluginReport[];
} {
  return {
    status: worstStatus(reports.map((r) => r.status)),
    ok: reports.length > 0 && reports.every((r) => r.ok),
    results: reports,
  };
}
