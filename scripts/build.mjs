// Build: compile TypeScript to lib/ with tsc, then bundle the action and the CLI with ncc into the committed
// dist/ (dist/index.js and dist/cli/index.js run with no node_modules). Two steps around ncc make the bundles start
// faster (docs/performance.md, "Start-up"): openpgp is bundled from its minified Node build, and each ES module's
// wrapper is a function V8 compiles with its chunk.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

/** The `.js` files under `dir`, recursively. */
const jsFiles = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => path.join(e.parentPath, e.name));

/**
 * openpgp's package "exports" give an `import` its unminified Node build (`dist/node/openpgp.mjs`, 1.2 MB); the same
 * release's minified Node ES module (`dist/node/openpgp.min.mjs`, 0.4 MB; `require` gets its CommonJS twin) is not
 * exported. Decoding and parsing the unminified one cost every signature check ~20 ms more. So the imports of
 * `openpgp` in the tsc output (the types came from `openpgp` already) are pointed at the minified file, which ncc
 * then bundles as it would the package. Throws if no import is found, so the alias cannot silently stop applying.
 */
function bundleMinifiedOpenpgp(libDir) {
  const minified = path.join(root, 'node_modules/openpgp/dist/node/openpgp.min.mjs');
  const specifier = /(\bfrom\s*|\bimport\s*\(\s*)(['"])openpgp\2/g;
  let count = 0;
  for (const file of jsFiles(libDir)) {
    const source = readFileSync(file, 'utf8');
    const relative = path.relative(path.dirname(file), minified).split(path.sep).join('/');
    const aliased = source.replace(specifier, (_, keyword, quote) => {
      count++;
      return `${keyword}${quote}${relative.startsWith('.') ? relative : `./${relative}`}${quote}`;
    });
    if (aliased !== source) writeFileSync(file, aliased);
  }
  if (count === 0) throw new Error(`build: no import of 'openpgp' found under ${libDir} to point at ${minified}`);
}

/**
 * ncc (webpack) wraps each module in an arrow function, `((…) => { … })`, called once when the module is first
 * required. V8 compiles a function lazily, on its first call, so each module was parsed twice: with its chunk
 * (pre-parsed), then in full on that call (openpgp's wrapper is the whole library). A parenthesized `function`
 * expression is compiled eagerly, with its chunk: this rewrites the wrappers of ES modules (webpack names their
 * parameters `__webpack_exports__`, and has replaced their top-level `this` with `undefined`, so the function's own
 * `this` is never read) to `(function (…) { … })`. CommonJS modules keep their arrows: their top-level `this`
 * is left as written. Throws if a bundle has no such wrapper, so a changed ncc output format is noticed.
 */
function compileModulesEagerly(outDir) {
  const wrapper =
    /^\/\*{3}\/ \(\(((?:__unused_webpack_)?__webpack_module__, (?:__unused_webpack_)?__webpack_exports__(?:, [\w$]+)?)\) => \{$/gm;
  let count = 0;
  for (const file of jsFiles(outDir)) {
    const source = readFileSync(file, 'utf8');
    const eager = source.replace(wrapper, (_, params) => {
      count++;
      return `/***/ (function (${params}) {`;
    });
    if (eager !== source) writeFileSync(file, eager);
  }
  if (count === 0) throw new Error(`build: no ES module wrapper found in ${outDir}`);
}

rmSync(path.join(root, 'lib'), { recursive: true, force: true });
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
bundleMinifiedOpenpgp(path.join(root, 'lib'));
run(bin('ncc'), ['build', 'lib/action/index.js', '-o', 'dist', '--license', 'licenses.txt', '--quiet', '--no-cache']);
run(bin('ncc'), ['build', 'lib/cli/index.js', '-o', 'dist/cli', '--license', 'licenses.txt', '--quiet', '--no-cache']);
compileModulesEagerly(path.join(root, 'dist'));
rmSync(path.join(root, 'lib'), { recursive: true, force: true });
