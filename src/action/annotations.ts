/**
 * Annotations: the lines GitHub shows on the run's page and, for a file in the repository, beside that file in
 * the pull request. Pure functions, no I/O: the caller passes each to `core.error` / `core.warning` /
 * `core.notice` (`message` as the message, `title` and `file` as properties).
 */
import path from 'node:path';
import type { ExpectationCheck } from '../verify/expectations.js';
import { grafanaBadge, type Finding } from '../verify/findings.js';
import type { VerifyResult } from '../verify/verify.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  /** One or more lines; the first in Grafana's words where Grafana has words for it. */
  message: string;
  title?: string;
  /** Path relative to the workspace, posix (`dist/module.js`), so GitHub links the file; absent for none. */
  file?: string;
}

/**
 * Annotations of one level kept before a roll-up: GitHub shows at most 10 annotations of each kind (error,
 * warning, notice) per step, so 9 are kept and the 10th says how many more there are.
 */
export const MAX_ANNOTATIONS_PER_KIND = 9;

/**
 * Error annotations kept before the roll-up: one fewer than {@link MAX_ANNOTATIONS_PER_KIND}, because a failing
 * step's `core.setFailed` is an error annotation too and must be one of the 10 GitHub shows (8 + roll-up + failure).
 */
export const MAX_ERROR_ANNOTATIONS = MAX_ANNOTATIONS_PER_KIND - 1;

/**
 * The annotations of one verification, errors first, then warnings, then notices.
 *
 * - `error`, one per finding that sets a status (Grafana's verdict), in check order so the deciding one comes
 *   first: title `<Grafana's badge>: <path>` (e.g. `Modified signature: module.js`), message in Grafana's words
 *   plus the expected and actual SHA-256 and, when proven, the cause and its fix (`hint`), `file` the file's path relative to `workspace` when it has one.
 * - `error`, one per unmet expectation.
 * - `notice` `Signed as <signatureType> by <signedByOrgName>` when the plugin is valid and every expectation met.
 * - `notice`, one per information finding (status null).
 *
 * Errors keep at most {@link MAX_ERROR_ANNOTATIONS} annotations, notices {@link MAX_ANNOTATIONS_PER_KIND}, each
 * followed by one roll-up of the same level: `… and N more, see the job summary` (GitHub shows at most 10 of each
 * kind per step, and the error that fails the step is one of them).
 *
 * @param result the verification; @param expectations the checks of the user's expectations.
 * @param opts `workspace` (GITHUB_WORKSPACE) and `distPath` (the plugin folder), both absolute; `fileErrorsOnly`
 *   keeps only the errors linked to a file in the workspace (before the cap), for callers that state the other
 *   reasons themselves.
 * @returns the annotations; never throws.
 */
export function buildAnnotations(
  result: VerifyResult,
  expectations: ExpectationCheck[],
  opts: { workspace: string; distPath: string; fileErrorsOnly?: boolean },
): Annotation[] {
  let errors: Annotation[] = [];
  const notices: Annotation[] = [];

  const failing = result.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.status !== null)
    .sort((a, b) => a.f.check - b.f.check || a.i - b.i)
    .map(({ f }) => f);
  for (const f of failing) errors.push(findingAnnotation(f, 'error', opts));
  for (const e of expectations) {
    if (!e.met)
      errors.push({ level: 'error', title: `Expectation not met: ${EXPECTATION_NAMES[e.name]}`, message: e.message });
  }

  // The caller states the other reasons elsewhere (the action's `core.setFailed` lists every one).
  if (opts.fileErrorsOnly) errors = errors.filter((a) => a.file !== undefined);

  const m = result.manifest;
  if (result.status === 'valid' && expectations.every((e) => e.met)) {
    notices.push({
      level: 'notice',
      title:
        `${grafanaBadge('valid')}: ${result.plugin.id || m?.plugin || ''} ${result.plugin.version || m?.version || ''}`.trim(),
      message: `Signed as ${m?.signatureType || 'an unknown signature type'} by ${m?.signedByOrgName || 'an unknown organisation'}`,
    });
  }
  for (const f of result.findings) if (f.status === null) notices.push(findingAnnotation(f, 'notice', opts));

  return [
    ...capLevel(errors, 'error', MAX_ERROR_ANNOTATIONS),
    ...capLevel(notices, 'notice', MAX_ANNOTATIONS_PER_KIND),
  ];
}

const EXPECTATION_NAMES: Record<ExpectationCheck['name'], string> = {
  'signature-type': 'signature type',
  'root-urls': 'root URLs',
};

function findingAnnotation(
  f: Finding,
  level: Annotation['level'],
  opts: { workspace: string; distPath: string },
): Annotation {
  const lines = [f.message];
  if (f.kind === 'file-modified' || f.kind === 'file-missing') {
    if (f.expected) lines.push(`expected SHA-256 (MANIFEST.txt): ${f.expected}`);
    if (f.actual) lines.push(`actual SHA-256 (on disk): ${f.actual}`);
  } else {
    if (f.expected && !f.message.includes(f.expected)) lines.push(`expected: ${f.expected}`);
    if (f.actual && !f.message.includes(f.actual)) lines.push(`actual: ${f.actual}`);
  }
  if (f.hint) lines.push(`cause (${f.hint.cause}): ${f.hint.detail}`, `fix: ${f.hint.fix}`);
  const label = f.status === null ? 'Note' : grafanaBadge(f.status);
  const annotation: Annotation = { level, title: f.path ? `${label}: ${f.path}` : label, message: lines.join('\n') };
  const file = f.path ? workspaceFile(opts.workspace, opts.distPath, f.path) : undefined;
  if (file) annotation.file = file;
  return annotation;
}

/**
 * A plugin-relative path as GitHub wants it: relative to the workspace, posix. The path is first cleaned as
 * Grafana cleans manifest keys (`../x` is `x`), so it never leaves the plugin folder.
 *
 * @returns the path, or undefined when the plugin folder is outside the workspace.
 */
function workspaceFile(workspace: string, distPath: string, pluginPath: string): string | undefined {
  const clean = path.posix.join('/', pluginPath).slice(1);
  if (!clean || !workspace || !path.isAbsolute(workspace) || !path.isAbsolute(distPath)) return undefined;
  const rel = path.relative(workspace, path.join(distPath, ...clean.split('/')));
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

function capLevel(items: Annotation[], level: Annotation['level'], max: number): Annotation[] {
  if (items.length <= max) return items;
  const more = items.length - max;
  return [...items.slice(0, max), { level, message: `… and ${more} more, see the job summary` }];
}
