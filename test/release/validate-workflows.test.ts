/**
 * `npm run lint` validates action.yml and every workflow against GitHub's schemas and checks the SHA pins
 * (scripts/validate-workflows.mjs). The repository's files pass; broken ones fail with the reason.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/run-action.js';
import { tempDir } from '../helpers/tmp.js';

const SCRIPT = path.join(PROJECT_ROOT, 'scripts/validate-workflows.mjs');
const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0';

function validate(...files: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...files], { cwd: PROJECT_ROOT, encoding: 'utf8' });
}

function workflow(steps: string, job = '    runs-on: ubuntu-latest\n'): string {
  const file = path.join(tempDir('workflows-'), 'wf.yml');
  writeFileSync(file, `name: t\non: push\njobs:\n  j:\n${job}    steps:\n${steps}`);
  return file;
}

describe('validate-workflows', () => {
  it("passes the repository's action.yml and workflows", () => {
    const run = validate();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/action\.yml, .*\.github\/workflows\/ci\.yml, .*examples\/workflows\/release\.yml/);
  });

  it('passes a pinned step and fails a tag, a short SHA or a missing version comment', () => {
    expect(validate(workflow(`      - uses: ${CHECKOUT}\n`)).status).toBe(0);
    for (const [uses, reason] of [
      ['actions/checkout@v5', 'is not pinned by a full commit SHA'],
      ['actions/checkout@08c6903', 'is not pinned by a full commit SHA'],
      ['actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8', 'needs a "# vX.Y.Z" comment'],
    ]) {
      const run = validate(workflow(`      - uses: ${uses}\n`));
      expect(run.status, uses).toBe(1);
      expect(run.stderr).toContain(`line 7: ${uses.split(' ')[0]} ${reason}`);
    }
  });

  it('fails a workflow the schema refuses', () => {
    const run = validate(workflow(`      - uses: ${CHECKOUT}\n`, '    runs-onn: ubuntu-latest\n'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/jobs/j');
  });

  it('fails an action.yml with an unknown runtime or a missing field', () => {
    const dir = tempDir('action-yml-');
    const action = readFileSync(path.join(PROJECT_ROOT, 'action.yml'), 'utf8');
    writeFileSync(path.join(dir, 'action.yml'), action.replace('using: node24', 'using: node99'));
    const runtime = validate(path.join(dir, 'action.yml'));
    expect(runtime.status).toBe(1);
    expect(runtime.stderr).toContain('/runs/using: node99 is not node20 or node24');
    writeFileSync(path.join(dir, 'action.yml'), action.replace(/^description:/m, 'summary:'));
    const field = validate(path.join(dir, 'action.yml'));
    expect(field.status).toBe(1);
    expect(field.stderr).toMatch(/description|summary/);
  });
});
