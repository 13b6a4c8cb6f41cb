/**
 * The job summary: the page a person opens on the run to learn whether Grafana would load the plugin, and why not.
 *
 * Pure functions, no I/O: the caller hands the returned text to `core.summary.addRaw(...).write()`.
 * GitHub renders the summary as GitHub Flavored Markdown with inline HTML, so the text is built from HTML blocks
 * (no Markdown is parsed inside them) separated by blank lines, with Markdown only for headings.
 */
import type { ExpectationCheck } from '../verify/expectations.js';
import { grafanaBadge, type Finding, type Hint, type SignatureStatus } from '../verify/findings.js';
import type { VerifyResult } from '../verify/verify.js';
import { escapeHtml, markdownText, summaryText } from '../text/escape.js';
import type { LayoutProblem } from '../verify/report.js';
import type { PlacedRouteFinding, RouteChecks } from './routes.js';
import {
  clip,
  cutToBytes,
  largestFitting,
  buildModel,
  type Limits,
  MAX_CHARS,
  MIN_CHARS,
  type Model,
} from './summary-model.js';

/** Default size cap: GitHub refuses a step summary over 1 MiB (1,048,576 bytes); this leaves room for others. */
export const DEFAULT_MAX_SUMMARY_BYTES = 1_000_000;
/** Default number of rows in one list before a visible `… and N more` row. */
export const DEFAULT_MAX_LIST_ITEMS = 100;

export interface SummaryContext {
  /** The `dist` input as the user wrote it, e.g. `dist`. */
  distPath: string;
  /** `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`. */
  runUrl?: string;
  /** The uploaded artifact, or why none was uploaded. */
  artifact?: { name: string; url?: string; skippedReason?: string };
  /** Upper bound of the summary's size in UTF-8 bytes; default {@link DEFAULT_MAX_SUMMARY_BYTES}. */
  maxBytes?: number;
  /** Rows per list before a visible `… and N more` row; default {@link DEFAULT_MAX_LIST_ITEMS}. */
  maxListItems?: number;
}

export { escapeHtml } from '../text/escape.js';

/**
 * Renders the job summary of one verification: the verdict in Grafana's words (docs/verification.md#grafana-words) and the plugin
 * id as the heading; for failures Grafana's log line and the deciding reason; a table of the signature's facts;
 * one `<details>` block per kind of problem file (modified, missing, not covered); other problems; the root-URL
 * checks; the expectations; notes; links to the artifact and the run.
 *
 * Size: the result is at most `ctx.maxBytes` UTF-8 bytes (GitHub rejects a step summary over 1 MiB). Each list
 * shows at most `ctx.maxListItems` rows and then a `… and N more` row; when that is still too large, lists are cut
 * further (binary search on the row count), then long values are cut, and the summary says so. As a last resort
 * only the heading and the verdict remain.
 *
 * @param result the verification (see `verifyPlugin`); @param expectations the checks of the user's expectations.
 * @param ctx the dist path as written, run and artifact links, limits.
 * @returns HTML with Markdown headings, for `core.summary.addRaw`; ends with a newline.
 */
export function renderSummary(result: VerifyResult, expectations: ExpectationCheck[], ctx: SummaryContext): string {
  const maxBytes = Math.max(0, Math.floor(ctx.maxBytes ?? DEFAULT_MAX_SUMMARY_BYTES));
  const maxItems = Math.max(0, Math.floor(ctx.maxListItems ?? DEFAULT_MAX_LIST_ITEMS));
  const model = buildModel(result, expectations, ctx);
  const fits = (s: string) => Buffer.byteLength(s, 'utf8') <= maxBytes;

  const full = render(model, { items: maxItems, chars: Infinity });
  if (fits(full)) return full;

  const shrunk = (items: number, chars: number) => render(model, { items, chars, shortenedTo: maxBytes });
  const byItems = largestFitting(0, maxItems - 1, (n) => shrunk(n, Infinity), fits);
  if (byItems !== undefined) return byItems;
  const byChars = largestFitting(MIN_CHARS, MAX_CHARS, (n) => shrunk(0, n), fits);
  if (byChars !== undefined) return byChars;

  const minimal = renderMinimal(model, maxBytes);
  if (fits(minimal)) return minimal;
  return cutToBytes(renderHeading(model, 80) + '\n', maxBytes);
}

// ---------------------------------------------------------------------------------------------------------------

/** Outside text for HTML content: clipped, escaped, line breaks as `<br>` (a blank line would end the HTML block). */
function text(s: string, lim: Limits): string {
  return summaryText(clip(s, lim.chars));
}

function code(s: string, lim: Limits): string {
  return `<code>${text(s, lim)}</code>`;
}

/**
 * A link when `url` is http(s) and no longer than the value limit, else the label alone: an href never carries
 * another scheme (`javascript:`), and a URL is never cut (a cut URL would lead elsewhere).
 */
function link(url: string | undefined, labelHtml: string, lim: Limits): string {
  if (!url || !/^https?:\/\//i.test(url) || url.length > lim.chars) return labelHtml;
  return `<a href="${escapeHtml(url)}">${labelHtml}</a>`;
}

/** The first `limit` items rendered, plus how many were left out. */
function take<T>(
  items: readonly T[],
  limit: number,
  renderItem: (item: T) => string,
): { rows: string[]; more: number } {
  const shown = items.slice(0, limit);
  return { rows: shown.map(renderItem), more: items.length - shown.length };
}

const ICON: Record<SignatureStatus, string> = { valid: '✅', invalid: '❌', modified: '❌', unsigned: '❌' };

function renderHeading(model: Model, chars: number): string {
  const status = model.result.status;
  return `## ${ICON[status]} ${grafanaBadge(status)}: ${markdownText(clip(model.pluginId, chars))}`;
}

/** What Grafana does with a plugin of this status (docs/verification.md#order). */
function loadingSentence(status: SignatureStatus): string {
  switch (status) {
    case 'valid':
      return 'Grafana loads this plugin.';
    case 'unsigned':
      return (
        'Grafana loads this plugin only in development mode or when its id is listed in ' +
        '<code>allow_loading_unsigned_plugins</code>.'
      );
    case 'modified':
    case 'invalid':
      return 'Grafana refuses to load this plugin.';
  }
}

function renderLead(model: Model, lim: Limits): string[] {
  const { result, expectations } = model;
  const blocks: string[] = [];
  if (result.status === 'valid') {
    const unmet = expectations.filter((e) => !e.met).length;
    blocks.push(
      `<p>${loadingSentence('valid')}` +
        (unmet ? ` <strong>❌ ${unmet} of ${expectations.length} expectations not met</strong> (see below).` : '') +
        '</p>',
    );
  } else {
    blocks.push(
      `<p>${loadingSentence(result.status)} Grafana's log says: ${code(result.headline, lim)}</p>`,
      `<p><strong>Reason:</strong> ${text(result.reason, lim)}</p>`,
    );
  }
  return blocks;
}

function renderShortenedNote(lim: Limits): string[] {
  if (lim.shortenedTo === undefined) return [];
  const parts = [`lists show at most ${lim.items} entries`];
  if (Number.isFinite(lim.chars)) parts.push(`long values are cut to ${lim.chars} characters`);
  return [
    `<p>⚠️ <em>This summary was shortened to stay under ${lim.shortenedTo} bytes ` +
      `(GitHub accepts at most 1 MiB per step): ${parts.join('; ')}.</em></p>`,
  ];
}

function renderFacts(model: Model, lim: Limits): string {
  const { result, ctx } = model;
  const m = result.manifest;
  const none = '<em>none</em>';
  const unknown = '—';
  const value = (s: string | undefined) => (s ? text(s, lim) : unknown);
  const rows: [string, string][] = [
    ['Plugin ID', result.plugin.id ? code(result.plugin.id, lim) : m?.plugin ? code(m.plugin, lim) : unknown],
    ['Version', value(result.plugin.version || m?.version)],
    ['Signature type', value(m?.signatureType)],
    [
      'Signed by',
      m && (m.signedByOrgName || m.signedByOrg) ? `${value(m.signedByOrgName)} (${value(m.signedByOrg)})` : unknown,
    ],
    [
      'Key ID',
      m?.keyId
        ? code(m.keyId, lim) + (result.key ? ` (${text(result.key.label, lim)})` : ' (not verified by a trusted key)')
        : unknown,
    ],
    ['Signed at', m && m.time ? isoTime(m.time) : unknown],
    [
      'Root URLs',
      !m
        ? unknown
        : m.rootUrls.length === 0
          ? `${none} (any Grafana URL)`
          : listInline(m.rootUrls, lim, (u) => code(u, lim)),
    ],
    ['Files', String(result.filesCount)],
    ['Dist path', code(ctx.distPath, lim)],
  ];
  return (
    '<table>\n' +
    rows.map(([label, html]) => `<tr><th align="left">${label}</th><td>${html}</td></tr>`).join('\n') +
    '\n</table>'
  );
}

/** Milliseconds since the epoch as ISO 8601 UTC; a number no Date can hold (the manifest is outside data) as is. */
function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? escapeHtml(String(ms)) : date.toISOString();
}

function listInline<T>(items: readonly T[], lim: Limits, renderItem: (item: T) => string): string {
  const { rows, more } = take(items, lim.items, renderItem);
  if (more) rows.push(`… and ${more} more`);
  return rows.join(', ');
}

/** `<details>` for one category of problem file; open when short enough to read at a glance. */
function renderDetails(title: string, grafanaWords: string, count: number, bodyHtml: string): string {
  const open = count <= 20 ? ' open' : '';
  return (
    `<details${open}><summary><strong>${title} (${count})</strong>: ${grafanaWords}</summary>\n` +
    bodyHtml +
    '\n</details>'
  );
}

function renderProblemFiles(model: Model, lim: Limits): string[] {
  const blocks: string[] = [];
  if (model.modified.length) {
    // Expected above actual, in one column, so the two 64-digit hashes line up and the table stays narrow.
    const { rows, more } = take(
      model.modified,
      lim.items,
      (f) =>
        `<tr><td rowspan="2">${code(f.path ?? '', lim)}</td><td>expected</td><td>${code(f.expected ?? '', lim)}</td></tr>\n` +
        `<tr><td>actual</td><td>${code(f.actual ?? '', lim)}</td></tr>`,
    );
    if (more) rows.push(`<tr><td colspan="3"><em>… and ${more} more</em></td></tr>`);
    blocks.push(
      renderDetails(
        'Modified files',
        'Plugin file checksum does not match signature checksum',
        model.modified.length,
        '<table>\n<tr><th align="left">File</th><th align="left" colspan="2">' +
          'SHA-256: expected (MANIFEST.txt), actual (on disk)</th></tr>\n' +
          rows.join('\n') +
          '\n</table>',
      ),
    );
  }
  if (model.missing.length) {
    const { rows, more } = take(
      model.missing,
      lim.items,
      (f) => `<tr><td>${code(f.path ?? '', lim)}</td><td>${code(f.expected ?? '', lim)}</td></tr>`,
    );
    if (more) rows.push(`<tr><td colspan="2"><em>… and ${more} more</em></td></tr>`);
    blocks.push(
      renderDetails(
        'Missing files',
        'Plugin file listed in the manifest was not found',
        model.missing.length,
        '<table>\n<tr><th align="left">File</th><th align="left">Expected SHA-256 (MANIFEST.txt)</th></tr>\n' +
          rows.join('\n') +
          '\n</table>',
      ),
    );
  }
  if (model.notCovered.length) {
    blocks.push(
      renderDetails(
        'Files not covered',
        'The following files were not included in the signature',
        model.notCovered.length,
        renderList(model.notCovered, lim, (f) => code(f.path ?? '', lim)),
      ),
    );
  }
  return blocks;
}

function renderList<T>(items: readonly T[], lim: Limits, renderItem: (item: T) => string): string {
  const { rows, more } = take(items, lim.items, renderItem);
  if (more) rows.push(`<em>… and ${more} more</em>`);
  return '<ul>\n' + rows.map((r) => `<li>${r}</li>`).join('\n') + '\n</ul>';
}

function renderSection(title: string, blockHtml: string): string[] {
  return [`### ${title}`, blockHtml];
}

function renderOther(model: Model, lim: Limits): string[] {
  if (model.other.length === 0) return [];
  const title = model.modified.length + model.missing.length + model.notCovered.length ? 'Other problems' : 'Problems';
  return renderSection(
    title,
    renderList(model.other, lim, (f) => `❌ ${text(f.message, lim)}`),
  );
}

function renderRootUrls(model: Model, lim: Limits): string[] {
  const checks = model.result.rootUrlChecks;
  if (checks.length === 0) return [];
  return renderSection(
    'Root URLs',
    renderList(checks, lim, (c) => {
      const verdict = c.matched ? '✅ accepted' : '❌ rejected';
      let html = `${code(c.appUrl, lim)}: ${verdict}`;
      if (c.error) html += `: ${text(c.error, lim)}`;
      if (c.attempts.length) {
        html +=
          '\n' +
          renderList(
            c.attempts,
            lim,
            (a) => `${a.matched ? '✅' : '❌'} ${code(a.rootUrl, lim)}: ${text(a.reason, lim)}`,
          );
      }
      return html;
    }),
  );
}

function renderExpectations(model: Model, lim: Limits): string[] {
  if (model.expectations.length === 0) return [];
  return renderSection(
    'Expectations',
    renderList(model.expectations, lim, (e) => `${e.met ? '✅' : '❌'} ${text(e.message, lim)}`),
  );
}

function renderNotes(model: Model, lim: Limits): string[] {
  if (model.notes.length === 0) return [];
  return renderSection(
    'Notes',
    renderList(model.notes, lim, (f) => `ℹ️ ${text(f.message, lim)}`),
  );
}

/**
 * The proven causes (`hint` of the findings), one row per cause: how many findings it explains, its details (capped
 * like every list) and the fix. Every value is escaped; the cause id is shown as code, as in docs/troubleshooting.md.
 */
function renderHints(findings: readonly Finding[], lim: Limits): string[] {
  const byCause = new Map<Hint['cause'], Hint[]>();
  for (const f of findings) if (f.hint) byCause.set(f.hint.cause, [...(byCause.get(f.hint.cause) ?? []), f.hint]);
  if (byCause.size === 0) return [];
  return renderSection(
    'Why (proven from the files)',
    renderList([...byCause], lim, ([cause, hints]) => {
      const details = [...new Set(hints.map((h) => h.detail))];
      const count = hints.length > 1 ? ` (${hints.length} findings)` : '';
      return (
        `💡 ${code(cause, lim)}${count}: ${text(details[0], lim)}` +
        // A nested list already ends the line; otherwise a line break puts the fix on its own line.
        (details.length > 1 ? '\n' + renderList(details.slice(1), lim, (d) => text(d, lim)) : '<br>') +
        `\n<strong>Fix:</strong> ${text(hints[0].fix, lim)}`
      );
    }),
  );
}

function renderLinks(model: Model, lim: Limits): string[] {
  const { artifact, runUrl } = model.ctx;
  const parts: string[] = [];
  if (artifact) {
    const name = code(artifact.name, lim);
    if (artifact.skippedReason)
      parts.push(`📦 Artifact ${name} was not uploaded: ${text(artifact.skippedReason, lim)}`);
    else parts.push(`📦 Artifact: ${link(artifact.url, name, lim)}`);
  }
  if (runUrl) parts.push(`🔗 ${link(runUrl, 'This workflow run', lim)}`);
  return parts.length ? [`<p>${parts.join('<br>\n')}</p>`] : [];
}

function render(model: Model, lim: Limits): string {
  const blocks = [
    renderHeading(model, lim.chars),
    ...renderLead(model, lim),
    ...renderShortenedNote(lim),
    ...renderHints(model.result.findings, lim),
    renderFacts(model, lim),
    ...renderProblemFiles(model, lim),
    ...renderOther(model, lim),
    ...renderRootUrls(model, lim),
    ...renderExpectations(model, lim),
    ...renderNotes(model, lim),
    ...renderLinks(model, lim),
  ];
  // A blank line after every block: GitHub only parses Markdown again after a blank line that ends an HTML block.
  return blocks.join('\n\n') + '\n';
}

function renderMinimal(model: Model, maxBytes: number): string {
  const lim: Limits = { items: 0, chars: 200 };
  return (
    [
      renderHeading(model, 80),
      ...renderLead(model, lim),
      `<p>⚠️ <em>The full summary does not fit in ${maxBytes} bytes; see the job log.</em></p>`,
    ].join('\n\n') + '\n'
  );
}

/** The zip layout problems of a plugin zip, for the summary (at most 50 listed). */
function renderLayoutSection(layout: LayoutProblem[] | undefined): string {
  if (!layout || layout.length === 0) return '';
  const items = layout.slice(0, 50).map((l) => `<li>${summaryText(l.message)}</li>`);
  if (layout.length > 50) items.push(`<li>… and ${layout.length - 50} more</li>`);
  return `\n\n<p><strong>Zip layout problems (${layout.length})</strong></p>\n<ul>${items.join('')}</ul>\n\n`;
}

/** Rows shown in the summary section before `… and N more`. */
const MAX_SUMMARY_ROWS = 100;

/** Outside text for an HTML cell of the summary, at most 600 characters, through the escaping layer. */
function routeCell(s: string): string {
  return summaryText(s.length > 600 ? s.slice(0, 599) + '…' : s);
}

/**
 * The "Proxy routes" job-summary section: one table row per finding (rule, file:line, message, fix), every value
 * escaped. @returns HTML with a Markdown heading, or "" when there is nothing to say.
 */
export function renderRoutesSection(findings: readonly PlacedRouteFinding[], checks: RouteChecks): string {
  if (checks === 'off') return '';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const head = `### Proxy routes\n\n`;
  if (findings.length === 0) return `${head}<p>No problem found in the plugin.json routes.</p>\n`;
  const rows = findings.slice(0, MAX_SUMMARY_ROWS).map((f) => {
    const where = f.location.file ?? `${f.plugin}/${f.file}`;
    return (
      `<tr><td>${f.severity === 'error' ? '❌' : '⚠️'} <code>${routeCell(f.rule)}</code></td>` +
      `<td><code>${routeCell(`${where}:${f.location.line}`)}</code></td><td>${routeCell(f.message)}</td><td>${routeCell(f.fix)}</td></tr>`
    );
  });
  if (findings.length > MAX_SUMMARY_ROWS)
    rows.push(`<tr><td colspan="4">… and ${findings.length - MAX_SUMMARY_ROWS} more</td></tr>`);
  const verdict =
    errors > 0 && checks === 'error'
      ? `<p><strong>${errors} error finding(s): the plugin was not signed.</strong></p>`
      : `<p>${errors} error(s), ${findings.length - errors} warning(s).</p>`;
  return `${head}${verdict}\n<table><tr><th>Rule</th><th>File:line</th><th>What Grafana does</th><th>Fix</th></tr>${rows.join('')}</table>\n`;
}

/** One verified plugin, as the job summary shows it. */
export interface PluginSummary {
  result: VerifyResult;
  expectations: ExpectationCheck[];
  /** The target as displayed (`dist`, `release/x.zip`). */
  distPath: string;
  artifact?: SummaryContext['artifact'];
  /** Zip layout problems (a zip target), listed after the verdict. */
  layout?: LayoutProblem[];
  /** Route findings (absent with route-checks: off). */
  routeFindings?: readonly PlacedRouteFinding[];
  /** Whether this plugin fails the job. */
  failing: boolean;
}

/**
 * The whole job summary of a run: per verified plugin its verdict page ({@link renderSummary}), its zip layout
 * problems and its "Proxy routes" section, under a count heading when there are several plugins. Each plugin gets
 * an equal share of {@link DEFAULT_MAX_SUMMARY_BYTES}.
 *
 * @returns the summary text (Markdown headings, HTML blocks), or "" when no plugin was verified.
 */
export function renderJobSummary(
  plugins: readonly PluginSummary[],
  opts: { runUrl?: string; routeChecks: RouteChecks },
): string {
  const budget = Math.floor(DEFAULT_MAX_SUMMARY_BYTES / Math.max(1, plugins.length)) - 200;
  const sections = plugins.map(
    (p) =>
      renderSummary(p.result, p.expectations, {
        distPath: p.distPath,
        runUrl: opts.runUrl,
        artifact: p.artifact,
        maxBytes: budget,
      }) +
      renderLayoutSection(p.layout) +
      (p.routeFindings ? `\n\n${renderRoutesSection(p.routeFindings, opts.routeChecks)}` : ''),
  );
  if (plugins.length > 1) {
    const failing = plugins.filter((p) => p.failing).length;
    sections.unshift(`## Grafana plugin signatures: ${plugins.length} plugins, ${failing} failing\n\n`);
  }
  return sections.join('\n\n');
}
