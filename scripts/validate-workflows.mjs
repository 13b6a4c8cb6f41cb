// Validates the repository's GitHub Actions YAML, offline: action.yml against the action metadata schema and every
// workflow (.github/workflows/*.yml, examples/workflows/*.yml) against the workflow schema, both through
// @action-validator/core (SchemaStore's github-action.json and github-workflow.json compiled to WebAssembly, so
// nothing is downloaded at install or run time). Then checks that every `uses:` of a third-party action is pinned by
// a full commit SHA followed by a `# vX…` comment naming the release.
//
// Usage: node scripts/validate-workflows.mjs [FILE...]   (no FILE: all of the above). Exit 1 on any problem.
//
// Two workarounds, to drop when @action-validator/core's bundled schema (0.6.0, the newest on npm) catches up:
// - it lists `runs.using` node12/node16/node20 only, while GitHub runs node24 actions since runner 2.328: action.yml
//   is validated with `using: node24` read as node20, and `using` itself is checked here to be node20 or node24;
// - its `permissions` lack the scopes GitHub added since (`attestations`, `models`): lines `  attestations: write`
//   are checked here to hold read, write or none, and left out of what the schema sees.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateAction, validateWorkflow } from '@action-validator/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `uses:` values that need no SHA: local actions, Docker images, and this action's own placeholder in the examples. */
const UNPINNED_ALLOWED = [/^\.\.?\//, /^docker:\/\//, /^org\/sign-plugin-action@v\d+$/];
const RUNTIMES = new Set(['node20', 'node24']);
const NEWER_PERMISSIONS = /^(\s+)(attestations|models):\s*(\S+)\s*(#.*)?$/;

/** The text without the permission lines the schema does not know yet, and the problems with those lines. */
function withoutNewerPermissions(text) {
  const problems = [];
  const kept = text.split('\n').map((line, i) => {
    const m = NEWER_PERMISSIONS.exec(line);
    if (!m) return line;
    if (!['read', 'write', 'none'].includes(m[3])) {
      problems.push(`  line ${i + 1}: permission ${m[2]} must be read, write or none, not ${m[3]}`);
    }
    return '';
  });
  return { text: kept.join('\n'), problems };
}

function yamlFiles(dir) {
  try {
    return readdirSync(path.join(root, dir))
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** Problems with the `uses:` lines of one file: `line N: message`. */
export function unpinnedUses(text) {
  const problems = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)['"]?\s*(#.*)?$/.exec(line);
    if (!m) return;
    const [, ref, comment] = m;
    if (UNPINNED_ALLOWED.some((re) => re.test(ref))) return;
    if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref)) {
      problems.push(`line ${i + 1}: ${ref} is not pinned by a full commit SHA (owner/repo@<40 hex> # vX.Y.Z)`);
    } else if (!/^#\s*v\d+(\.\d+){0,2}\b/.test(comment ?? '')) {
      problems.push(`line ${i + 1}: ${ref} needs a "# vX.Y.Z" comment naming the release the SHA is`);
    }
  });
  return problems;
}

function describe(errors, indent = '  ') {
  const lines = [];
  for (const e of errors) {
    const where = e.path ?? (e.location ? `line ${e.location.line}, column ${e.location.column}` : '');
    lines.push(`${indent}${where}: ${e.title}${e.detail ? ` (${e.detail})` : ''}`);
    for (const state of e.states ?? []) lines.push(...describe(state.errors, indent + '  '));
  }
  return lines;
}

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['action.yml', ...yamlFiles('.github/workflows'), ...yamlFiles('examples/workflows')];

let failed = 0;
for (const file of files) {
  const text = readFileSync(path.resolve(root, file), 'utf8');
  const problems = [];
  let result;
  if (/(^|\/)action\.ya?ml$/.test(file)) {
    const using = /^\s+using:\s*['"]?([\w-]+)/m.exec(text)?.[1];
    if (using?.startsWith('node') && !RUNTIMES.has(using))
      problems.push(`  /runs/using: ${using} is not node20 or node24`);
    result = validateAction(text.replace(/^(\s+using:\s*['"]?)node24\b/m, '$1node20'));
  } else {
    const stripped = withoutNewerPermissions(text);
    problems.push(...stripped.problems);
    result = validateWorkflow(stripped.text);
  }
  problems.push(...describe(result.errors));
  problems.push(...unpinnedUses(text).map((p) => `  ${p}`));
  if (problems.length) {
    failed++;
    console.error(`${file}:\n${problems.join('\n')}`);
  }
}
if (failed) {
  console.error(`${failed} of ${files.length} GitHub Actions files have problems.`);
  process.exit(1);
}
console.log(`${files.length} GitHub Actions files valid: ${files.join(', ')}`);
