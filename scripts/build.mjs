// Build: compile TypeScript to lib/ with tsc, then bundle the action and the CLI with ncc into the committed
// dist/ (dist/index.js and dist/cli/index.js run with no node_modules).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

rmSync(path.join(root, 'lib'), { recursive: true, force: true });
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('ncc'), ['build', 'lib/action/index.js', '-o', 'dist', '--license', 'licenses.txt', '--quiet', '--no-cache']);
run(bin('ncc'), ['build', 'lib/cli/index.js', '-o', 'dist/cli', '--license', 'licenses.txt', '--quiet', '--no-cache']);
rmSync(path.join(root, 'lib'), { recursive: true, force: true });
