/**
 * The action's route hygiene step (docs/route-hygiene.md#rules): checks every plugin's plugin.json routes before
 * anything is signed, places each finding on the file the author edits (the `src/plugin.json` twin of a `dist`
 * plugin.json), and reports it as annotations, a "Proxy routes" job-summary section, outputs and an optional SARIF
 * 2.1.0 file. Thin shell over `src/routes/`; all text from the plugin reaches the runner through `./runner.ts`
 * (redaction, escaping, the step-wide annotation cap), the summary through `summaryText` (`src/text/escape.ts`).
 */
import * as core from './runner.js';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { findNodeAtLocation, getNodeValue } from 'jsonc-parser';
import { checkRoutes } from '../routes/find.js';
import { type JsonNode, lineColumn, members, parseJsonDoc } from '../routes/json.js';
import { ROUTE_RULES, type RouteFinding } from '../routes/rules.js';
import { TOOL_VERSION } from '../version.js';
import { MAX_ANNOTATIONS_PER_KIND, type Annotation } from './annotations.js';
import { Outputs } from './constants.js';
import type { ActionInputs } from './input-helper.js';
import type { Target } from './targets.js';

type PluginLike = { target: Target; failures: string[]; routes?: TargetRoutes };

/** The `route-checks` input: `error` findings fail the job (before signing), `warn` reports only, `off`. */
export type RouteChecks = 'error' | 'warn' | 'off';

/** A finding with where it is shown: the workspace file (the twin or the checked file), line and column. */
export interface PlacedRouteFinding extends RouteFinding {
  /** The plugin (target) as displayed: `dist`, `plugins/a/dist`, `release/x.zip`. */
  plugin: string;
  /** Where the annotation goes: posix path relative to the workspace (absent for a zip), line, column. */
  location: { file?: string; line: number; column: number; twin: boolean };
}

/** The route check of one target. */
export interface TargetRoutes {
  findings: PlacedRouteFinding[];
  /** Number of findings of severity error. */
  errors: number;
}

/** Folders never searched for a twin plugin.json. */
const SKIP_DIRS = new Set(['node_modules', '.git']);
/** Most folders visited while looking for twins (a bound for huge workspaces). */
const MAX_TWIN_DIRS = 5000;

/**
 * Every plugin.json of the workspace outside the given folders, by plugin id (a bounded walk that skips
 * node_modules and .git). @returns id → posix paths relative to the workspace. Never throws.
 */
async function twinIndex(workspace: string, exclude: readonly string[]): Promise<Map<string, string[]>> {
  const index = new Map<string, string[]>();
  let visited = 0;
  const walk = async (dir: string): Promise<void> => {
    if (++visited > MAX_TWIN_DIRS || exclude.some((e) => dir === e || dir.startsWith(e + path.sep))) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isFile() && e.name === 'plugin.json') {
        try {
          const doc = parseJsonDoc(await readFile(full, 'utf8'));
          const id: unknown = doc.root ? findNodeAtLocation(doc.root, ['id'])?.value : undefined;
          if (typeof id === 'string') {
            const rel = path.relative(workspace, full).split(path.sep).join('/');
            index.set(id, [...(index.get(id) ?? []), rel]);
          }
        } catch {
          // unreadable: not a twin
        }
      } else if (e.isDirectory() && !SKIP_DIRS.has(e.name)) {
        await walk(full);
      }
    }
  };
  await walk(workspace);
  return index;
}

/** The node an RFC 6901 pointer designates (object keys exactly, the last duplicate; array indexes), or undefined. */
function resolvePointer(root: JsonNode, pointer: string): JsonNode | undefined {
  if (pointer === '') return root;
  let node: JsonNode | undefined = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node?.type === 'object') {
      const hit: JsonNode | undefined = members(node)
        .filter((m) => m.key === token)
        .pop()?.value;
      node = hit;
    } else if (node?.type === 'array' && /^(0|[1-9][0-9]*)$/.test(token)) {
      node = node.children?.[Number(token)];
    } else {
      return undefined;
    }
  }
  return node;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Checks the routes of every target, before any signing. A folder inside the workspace has its findings placed
 * on the twin plugin.json (same `id`, outside the checked folder, the pointer resolving there to the same value)
 * when there is one, else on the checked file.
 *
 * @param targets the plugins of the run; @param workspace GITHUB_WORKSPACE (absolute).
 * @returns one entry per target (same order). @throws PluginError when a target cannot be read.
 */
async function checkTargetsRoutes(targets: readonly Target[], workspace: string): Promise<TargetRoutes[]> {
  let twins: Map<string, string[]> | undefined;
  const out: TargetRoutes[] = [];
  for (const target of targets) {
    const result = await checkRoutes(target.path);
    const inWorkspace = !target.zip && !path.relative(workspace, target.path).startsWith('..');
    const docs = new Map<string, ReturnType<typeof parseJsonDoc> | null>();
    const load = async (abs: string) => {
      if (!docs.has(abs)) {
        try {
          docs.set(abs, parseJsonDoc(await readFile(abs, 'utf8')));
        } catch {
          docs.set(abs, null);
        }
      }
      return docs.get(abs) ?? null;
    };
    const findings: PlacedRouteFinding[] = [];
    for (const f of result.findings) {
      let location: PlacedRouteFinding['location'] = { line: f.line, column: f.column, twin: false };
      if (inWorkspace) {
        const checkedAbs = path.join(target.path, ...f.file.split('/'));
        location.file = path.relative(workspace, checkedAbs).split(path.sep).join('/');
        const checked = await load(checkedAbs);
        const id: unknown = checked?.root ? findNodeAtLocation(checked.root, ['id'])?.value : undefined;
        const node = checked?.root && f.pointer !== '' ? resolvePointer(checked.root, f.pointer) : undefined;
        if (typeof id === 'string' && node !== undefined) {
          twins ??= await twinIndex(
            workspace,
            targets.filter((t) => !t.zip).map((t) => t.path),
          );
          for (const twinRel of twins.get(id) ?? []) {
            const twin = await load(path.join(workspace, ...twinRel.split('/')));
            const tnode = twin?.root ? resolvePointer(twin.root, f.pointer) : undefined;
            if (twin && tnode && sameJson(getNodeValue(tnode), getNodeValue(node))) {
              location = { file: twinRel, ...lineColumn(twin, tnode.offset), twin: true };
              break;
            }
          }
        }
      }
      findings.push({ ...f, plugin: target.display, location });
    }
    out.push({ findings, errors: findings.filter((f) => f.severity === 'error').length });
  }
  return out;
}

/**
 * Annotations of route findings, one per finding at its placed file, line and column; under `route-checks: warn`
 * error findings are shown as warnings (nothing fails). Each level keeps at most `maxPerKind` annotations, then
 * one roll-up (`… and N more route findings, see the job summary`).
 *
 * @returns annotations with `startLine`/`startColumn` for `core.error`/`core.warning`; never throws.
 */
function buildRouteAnnotations(
  findings: readonly PlacedRouteFinding[],
  checks: RouteChecks,
  maxPerKind: number,
): (Annotation & { startLine?: number; startColumn?: number })[] {
  const byLevel: Record<'error' | 'warning', (Annotation & { startLine?: number; startColumn?: number })[]> = {
    error: [],
    warning: [],
  };
  for (const f of findings) {
    const level = f.severity === 'error' && checks === 'error' ? 'error' : 'warning';
    const a: Annotation & { startLine?: number; startColumn?: number } = {
      level,
      title: `Proxy route: ${f.rule}`,
      message: `${f.message}\nFix: ${f.fix}\n(${f.plugin}: ${f.file} ${f.pointer})`,
    };
    if (f.location.file !== undefined) {
      a.file = f.location.file;
      a.startLine = f.location.line;
      a.startColumn = f.location.column;
    }
    byLevel[level].push(a);
  }
  const cap = (items: typeof byLevel.error, level: 'error' | 'warning') =>
    items.length <= maxPerKind
      ? items
      : [
          ...items.slice(0, maxPerKind),
          { level, message: `… and ${items.length - maxPerKind} more route findings, see the job summary` },
        ];
  return [...cap(byLevel.error, 'error'), ...cap(byLevel.warning, 'warning')];
}

/**
 * SARIF 2.1.0 log of route findings: one run whose tool driver lists every rule of docs/route-hygiene.md#rules (id,
 * short and full description, help with the fix, `security-severity` for rules that expose a credential), one result
 * per finding at its placed location. @returns the log object (serialise with JSON.stringify).
 */
export function buildRoutesSarif(findings: readonly PlacedRouteFinding[]): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = ROUTE_RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    help: { text: `${r.full}\nFix: ${r.fix}`, markdown: `${r.full}\n\n**Fix:** ${r.fix}` },
    defaultConfiguration: { level: r.severity },
    properties: {
      tags: r.securitySeverity !== undefined ? ['security', 'grafana-plugin'] : ['correctness', 'grafana-plugin'],
      precision: r.id === 'jsondata-secret-name' ? 'medium' : 'high',
      ...(r.securitySeverity !== undefined ? { 'security-severity': r.securitySeverity } : {}),
    },
  }));
  const results: Sarif.Result[] = findings.map((f) => ({
    ruleId: f.rule,
    ruleIndex: ROUTE_RULES.findIndex((r) => r.id === f.rule),
    level: f.severity,
    message: { text: `${f.message}. Fix: ${f.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.location.file ?? `${f.plugin}/${f.file}`, uriBaseId: '%SRCROOT%' },
          region: { startLine: f.location.line, startColumn: f.location.column },
        },
        logicalLocations: [{ fullyQualifiedName: `${f.file}#${f.pointer}`, kind: 'member' }],
      },
    ],
    partialFingerprints: { routePointer: `${f.plugin}/${f.file}#${f.pointer}/${f.rule}` },
  }));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'sign-plugin-action route hygiene',
            semanticVersion: TOOL_VERSION.replace(/^.*\//, ''),
            rules,
          },
        },
        results,
      },
    ],
  };
}

/** Writes the SARIF log to `file` (folders created). @throws the fs error. */
async function writeRoutesSarif(file: string, findings: readonly PlacedRouteFinding[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(buildRoutesSarif(findings), null, 2) + '\n');
}

/** Most findings in the `route-findings` output (outputs share GitHub's 1 MiB per-step limit). */
const MAX_ROUTE_FINDINGS_OUTPUT = 500;

/** Route findings of the run, by target (empty with `route-checks: off`). */
export type RunRoutes = Map<Target, TargetRoutes>;

/**
 * Runs the route checks of every target (unless `route-checks: off`) and logs a line per plugin.
 * @returns findings by target. @throws PluginError when a target cannot be read.
 */
export async function checkRunRoutes(targets: readonly Target[], inputs: ActionInputs): Promise<RunRoutes> {
  const routes: RunRoutes = new Map();
  if (inputs.routeChecks === 'off') return routes;
  const results = await checkTargetsRoutes(targets, inputs.workspace);
  targets.forEach((t, i) => {
    const r = results[i];
    routes.set(t, r);
    core.info(
      `Proxy routes of ${t.display}: ${r.errors} error(s), ${r.findings.length - r.errors} warning(s)` +
        (r.findings.length > 0 ? ' (see the annotations and the job summary)' : ''),
    );
  });
  return routes;
}

/** True when signing must not start: sign mode, `route-checks: error` and an error finding in any plugin. */
export function routesBlockSigning(routes: RunRoutes, inputs: ActionInputs): boolean {
  return inputs.mode === 'sign' && inputs.routeChecks === 'error' && [...routes.values()].some((r) => r.errors > 0);
}

/**
 * Attaches a plugin's route findings to its outcome, adds the failure line (`route-checks: error`) and emits its
 * annotations (capped per kind, see {@link buildRouteAnnotations}).
 */
export function reportPluginRoutes(plugin: PluginLike, routes: RunRoutes, inputs: ActionInputs): void {
  const r = routes.get(plugin.target);
  if (r === undefined) return;
  plugin.routes = r;
  if (inputs.routeChecks === 'error' && r.errors > 0) {
    plugin.failures.push(
      `proxy routes: ${r.errors} error finding(s) in plugin.json (route-checks: error)` +
        (inputs.mode === 'sign' ? '; nothing was sent to grafana.com and MANIFEST.txt was left as it was' : ''),
    );
  }
  for (const a of buildRouteAnnotations(r.findings, inputs.routeChecks, MAX_ANNOTATIONS_PER_KIND)) {
    const props: core.AnnotationProperties = {};
    if (a.title) props.title = a.title;
    if (a.file) props.file = a.file;
    if (a.startLine !== undefined) props.startLine = a.startLine;
    if (a.startColumn !== undefined) props.startColumn = a.startColumn;
    if (a.level === 'error') core.error(a.message, props);
    else core.warning(a.message, props);
  }
}

/**
 * Sets `route-findings` (JSON array of the placed findings of every plugin, at most
 * {@link MAX_ROUTE_FINDINGS_OUTPUT}) and `route-errors` (count), and writes the SARIF file when `sarif-file` is set.
 * @throws the fs error when the SARIF file cannot be written.
 */
export async function setRouteOutputs(routes: RunRoutes, inputs: ActionInputs): Promise<void> {
  const all = [...routes.values()].flatMap((r) => r.findings);
  core.setOutput(Outputs.RouteFindings, JSON.stringify(all.slice(0, MAX_ROUTE_FINDINGS_OUTPUT)));
  core.setOutput(Outputs.RouteErrors, String(all.filter((f) => f.severity === 'error').length));
  if (inputs.sarifFile !== '') {
    await writeRoutesSarif(inputs.sarifFile, all);
    core.info(`Wrote ${all.length} route finding(s) as SARIF to ${inputs.sarifFile}`);
  }
}
