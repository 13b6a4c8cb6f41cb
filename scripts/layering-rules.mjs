// The layering rules of `npm run lint` (dependency-cruiser), generated from the layer table in docs/architecture.md
// (between the `layers:start` and `layers:end` markers): each folder (or top-level file) of src/ may import from
// itself and from the folders its row lists, nothing else under src/. Changing the layering means changing that
// table. Used by .dependency-cruiser.mjs and test/layering.test.ts.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const ARCHITECTURE = fileURLToPath(new URL('../docs/architecture.md', import.meta.url));

/** Imports that break the drawn layering today and are scheduled to go (see docs/architecture.md). */
export const KNOWN_EXCEPTIONS = [];

/** `[{ layer, allowed }]` from the table: names like `go/` (a folder) or `errors.ts` (a file in src/). */
export function readLayers(markdown) {
  const start = markdown.indexOf('<!-- layers:start');
  const end = markdown.indexOf('<!-- layers:end');
  if (start < 0 || end < start) throw new Error(`${ARCHITECTURE}: no layers:start/layers:end markers`);
  const layers = [];
  for (const line of markdown.slice(start, end).split('\n')) {
    const cells = line.split('|').slice(1, -1);
    if (cells.length < 2) continue;
    const names = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    const [layer] = names(cells[0]);
    if (layer === undefined) continue; // header and separator rows
    layers.push({ layer, allowed: names(cells[1]) });
  }
  if (layers.length === 0) throw new Error(`${ARCHITECTURE}: the layer table is empty`);
  return layers;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Regex source matching a module path of a layer name, relative to the repository root. */
const pathOf = (name) => (name.endsWith('/') ? `src/${escape(name)}` : `src/${escape(name)}$`);
const anyOf = (names) => `^(${names.map(pathOf).join('|')})`;

export function layeringRules(layers) {
  const rules = [];
  for (const { layer, allowed } of layers) {
    const name = `layer-${layer.replace(/\W+$/, '').replace(/\W/g, '-')}`;
    const comment = `src/${layer} may import only ${allowed.length ? allowed.join(', ') : 'nothing'} besides itself (docs/architecture.md)`;
    const allowedPaths = anyOf([layer, ...allowed]);
    const exceptions = KNOWN_EXCEPTIONS.filter((e) =>
      new RegExp(anyOf([layer])).test(e.from.replace(/^\^|\$$|\\/g, '')),
    );
    rules.push({
      name,
      comment,
      severity: 'error',
      from: { path: anyOf([layer]), pathNot: exceptions.map((e) => e.from) },
      to: { path: '^src/', pathNot: allowedPaths },
    });
    for (const exception of exceptions) {
      rules.push({
        name,
        comment: `${comment}; known exception: ${exception.to}`,
        severity: 'error',
        from: { path: exception.from },
        to: { path: '^src/', pathNot: [allowedPaths, exception.to] },
      });
    }
  }
  rules.push({
    name: 'not-in-layering',
    comment: 'every file under src/ belongs to a layer of docs/architecture.md: add a row for a new folder',
    severity: 'error',
    from: { path: '^src/', pathNot: anyOf(layers.map((l) => l.layer)) },
    to: {},
  });
  return rules;
}

/** Which src/ folders may use which packages (docs/architecture.md, "Packages"). */
const packageRules = [
  {
    name: 'actions-only-in-action',
    comment: '@actions/* only in src/action/ (the engine and the CLI run outside GitHub Actions); http-client aside',
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/action/' },
    to: { path: 'node_modules/@actions/', pathNot: 'node_modules/@actions/http-client/' },
  },
  {
    name: 'http-client-only-in-grafana-com',
    comment: '@actions/http-client (proxy rules) only in src/grafana-com/',
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/grafana-com/' },
    to: { path: 'node_modules/@actions/http-client/' },
  },
  {
    name: 'openpgp-only-in-signature',
    comment: 'openpgp only in src/signature/',
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/signature/' },
    to: { path: 'node_modules/openpgp/' },
  },
  {
    name: 'zip-libraries-only-in-zip',
    comment: 'yauzl and yazl only in src/zip/',
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/zip/' },
    to: { path: 'node_modules/(yauzl|yazl)/' },
  },
  {
    name: 'no-unresolvable',
    comment: 'an import that does not resolve is a typo or a missing dependency',
    severity: 'error',
    from: {},
    to: { couldNotResolve: true },
  },
];

/** Every forbidden rule: the layering of docs/architecture.md, then the package rules. */
export function forbiddenRules() {
  return [...layeringRules(readLayers(fs.readFileSync(ARCHITECTURE, 'utf8'))), ...packageRules];
}
