/**
 * The layering check of `npm run lint` (dependency-cruiser with the rules generated from docs/architecture.md) can
 * fail: run on a scratch tree, exactly as lint runs it, an import pointing up the drawn layers is reported and fails
 * the command, while imports pointing down pass. And the real `src/` passes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_EXCEPTIONS, readLayers } from '../scripts/layering-rules.mjs';
import { tempDir } from './helpers/tmp.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = path.join(ROOT, '.dependency-cruiser.mjs');

/** Runs lint's dependency-cruiser command in `cwd` on its `src/`: exit code and output. */
function depcruise(cwd: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A scratch project: a tsconfig like the repository's and the given `src/` files. */
function scratchTree(files: Record<string, string>): string {
  const dir = tempDir('layering-');
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
  );
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'src', name)), { recursive: true });
    writeFileSync(path.join(dir, 'src', name), text);
  }
  return dir;
}

describe('layering check (npm run lint)', () => {
  it('reads the layer table of docs/architecture.md', () => {
    const layers = readLayers(readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8'));
    const byName = new Map(layers.map((l) => [l.layer, l.allowed]));
    expect(byName.get('go/')).toEqual(['errors.ts']);
    expect(byName.get('errors.ts')).toEqual([]);
    expect(byName.get('cli/')).not.toContain('action/');
    expect(byName.get('action/')).not.toContain('cli/');
    expect(byName.get('verify/')).not.toContain('zip/');
    expect(byName.get('targets/')).toEqual(expect.arrayContaining(['zip/', 'verify/']));
    expect(KNOWN_EXCEPTIONS).toEqual([]);
    expect(byName.get('cli/')).toContain('options/');
    expect(byName.get('action/')).toContain('options/');
  });

  it('fails on an import pointing up the layers, naming the rule and both files', () => {
    const dir = scratchTree({
      'errors.ts': 'export class E extends Error {}\n',
      'go/utf8.ts': "import { verifyPlugin } from '../verify/verify.js';\nexport const v = verifyPlugin;\n",
      'verify/verify.ts': "import { E } from '../errors.js';\nexport const verifyPlugin = (): E => new E('x');\n",
      'cli/sign.ts': "import { Inputs } from '../action/constants.js';\nexport const i = Inputs;\n",
      'action/constants.ts': "export const Inputs = { Dist: 'dist' };\n",
    });
    const { status, output } = depcruise(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('error layer-go: src/go/utf8.ts → src/verify/verify.ts');
    expect(output).toContain('error layer-cli: src/cli/sign.ts → src/action/constants.ts');
    expect(output).toMatch(/2 dependency violations \(2 errors/);
  });

  it('passes imports pointing down, and flags a folder the table does not list', () => {
    const down = scratchTree({
      'errors.ts': 'export class E extends Error {}\n',
      'go/utf8.ts': "import { E } from '../errors.js';\nexport const e = E;\n",
      'verify/verify.ts': "import { e } from '../go/utf8.js';\nexport const v = e;\n",
      'targets/target.ts': "import { v } from '../verify/verify.js';\nexport const t = v;\n",
    });
    const ok = depcruise(down);
    expect(ok.output).toContain('no dependency violations found');
    expect(ok.status).toBe(0);

    const unlisted = scratchTree({
      'errors.ts': 'export class E extends Error {}\n',
      'misc/helper.ts': "import { E } from '../errors.js';\nexport const e = E;\n",
    });
    const bad = depcruise(unlisted);
    expect(bad.output).toContain('error not-in-layering: src/misc/helper.ts → src/errors.ts');
    expect(bad.status).not.toBe(0);
  });

  it('passes on the real src/', () => {
    const { status, output } = depcruise(ROOT);
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });
});
