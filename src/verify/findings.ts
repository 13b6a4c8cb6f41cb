/**
 * Findings: every reason a plugin is not `valid`, in Grafana's words, tagged with the check of
 * docs/verification.md#order that raises it. The verdict is the status of the lowest-numbered failing check.
 */

/** Grafana's signature status names (`plugins.SignatureStatus`). */
export type SignatureStatus = 'valid' | 'invalid' | 'modified' | 'unsigned';

/** All statuses, best first; "worst" of several results is the last one present. */
const STATUS_ORDER: readonly SignatureStatus[] = ['valid', 'unsigned', 'modified', 'invalid'];

export type FindingKind =
  | 'unsafe-entry'
  | 'manifest-missing'
  | 'manifest-unreadable'
  | 'manifest-too-short'
  | 'manifest-undecodable'
  | 'manifest-json'
  | 'manifest-field'
  | 'public-key-missing'
  | 'signature'
  | 'manifest-version'
  | 'no-files'
  | 'plugin-json'
  | 'plugin-id-mismatch'
  | 'plugin-version-mismatch'
  | 'root-url-mismatch'
  | 'root-url-error'
  | 'root-url-unchecked'
  | 'file-missing'
  | 'file-modified'
  | 'file-not-covered'
  | 'grafana-build';

/**
 * The check (number in docs/verification.md#order; 0 = the file walk Grafana runs before it) and the status it gives
 * when it fails. `null` status: information only, never changes the verdict.
 */
const FINDING_RULES: Record<FindingKind, { check: number; status: SignatureStatus | null }> = {
  'unsafe-entry': { check: 0, status: 'invalid' },
  'manifest-missing': { check: 1, status: 'unsigned' },
  'manifest-unreadable': { check: 2, status: 'invalid' },
  'manifest-too-short': { check: 3, status: 'unsigned' },
  'manifest-undecodable': { check: 4, status: 'invalid' },
  'manifest-json': { check: 5, status: 'invalid' },
  'manifest-field': { check: 6, status: 'invalid' },
  'public-key-missing': { check: 7, status: 'invalid' },
  signature: { check: 7, status: 'invalid' },
  'manifest-version': { check: 8, status: 'invalid' },
  'no-files': { check: 9, status: 'invalid' },
  'plugin-json': { check: 10, status: null },
  'plugin-id-mismatch': { check: 10, status: 'modified' },
  'plugin-version-mismatch': { check: 10, status: 'modified' },
  'root-url-error': { check: 11, status: 'invalid' },
  'root-url-mismatch': { check: 11, status: 'invalid' },
  'root-url-unchecked': { check: 11, status: null },
  'file-missing': { check: 12, status: 'modified' },
  'file-modified': { check: 12, status: 'modified' },
  'file-not-covered': { check: 13, status: 'modified' },
  // Information: the verdict differs between Grafana builds; the status given is the current Grafana's.
  'grafana-build': { check: 7, status: null },
};

/** Causes a {@link Hint} can name (docs/troubleshooting.md has one section per cause). */
export type HintCause =
  | 'line-endings'
  | 'git-lfs-pointer'
  | 'windows-separators'
  | 'os-debris'
  | 'folder-level'
  | 'changed-after-signing'
  | 'root-url-near-miss'
  | 'rotated-key';

/** Why a finding happened, proven from the bytes on disk (never a guess), and what to do about it. */
export interface Hint {
  cause: HintCause;
  /** The proof, one line, e.g. `module.js hashes to the signed value once its CRLF line endings are made LF`. */
  detail: string;
  /** What to do, one line. */
  fix: string;
}

/** One reason, with the evidence a user needs to act on it. */
export interface Finding {
  kind: FindingKind;
  /** Check number in docs/verification.md#order (0 = file walk). */
  check: number;
  /** Status this finding gives the plugin, or null for information. */
  status: SignatureStatus | null;
  /** One line, in Grafana's words where Grafana has words for it. */
  message: string;
  /** Plugin-relative posix path of the file concerned. */
  path?: string;
  /** Expected value (manifest hash, manifest plugin id, root URL…). */
  expected?: string;
  /** Actual value (hash on disk, plugin.json id, app URL…). */
  actual?: string;
  /** The proven cause, when one is (`src/verify/hints/`); never changes `status`. */
  hint?: Hint;
}

/**
 * Builds a finding, filling `check` and `status` from {@link FINDING_RULES}.
 *
 * @param kind the finding's kind; @param message one line for people; @param extra path/expected/actual.
 */
export function finding(kind: FindingKind, message: string, extra: Partial<Finding> = {}): Finding {
  const rule = FINDING_RULES[kind];
  return { kind, check: rule.check, status: rule.status, message, ...extra };
}

/**
 * The verdict Grafana gives: the status of the lowest-numbered failing check, `valid` when none fails
 * (docs/verification.md#order: the first failing check decides the status).
 *
 * @returns the status and the finding that decided it (undefined when valid).
 */
export function decideStatus(findings: readonly Finding[]): { status: SignatureStatus; decisive?: Finding } {
  let decisive: Finding | undefined;
  for (const f of findings) {
    if (f.status === null) continue;
    if (!decisive || f.check < decisive.check) decisive = f;
  }
  return decisive ? { status: decisive.status as SignatureStatus, decisive } : { status: 'valid' };
}

/**
 * Grafana's server-log sentence for a status (docs/verification.md#grafana-words), e.g. `plugin 'x' has an modified
 * signature` (Grafana's own grammar, kept so users recognise it).
 */
export function grafanaLogLine(status: SignatureStatus, pluginId: string): string {
  switch (status) {
    case 'valid':
      return `plugin '${pluginId}' has a valid signature`;
    case 'unsigned':
      return `plugin '${pluginId}' has no signature`;
    case 'modified':
      return `plugin '${pluginId}' has an modified signature`;
    case 'invalid':
      return `plugin '${pluginId}' has an invalid signature`;
  }
}

/**
 * Grafana's UI badge for a status (docs/verification.md#grafana-words): "Signed", "Invalid signature", "Modified
 * signature", "Unsigned".
 */
export function grafanaBadge(status: SignatureStatus): string {
  return { valid: 'Signed', invalid: 'Invalid signature', modified: 'Modified signature', unsigned: 'Unsigned' }[
    status
  ];
}

/**
 * The worst of several statuses (`invalid` > `modified` > `unsigned` > `valid`), for runs over several plugins.
 */
export function worstStatus(statuses: readonly SignatureStatus[]): SignatureStatus {
  return statuses.reduce<SignatureStatus>(
    (worst, s) => (STATUS_ORDER.indexOf(s) > STATUS_ORDER.indexOf(worst) ? s : worst),
    'valid',
  );
}
