/**
 * Runs the bundled action (`dist/index.js`) as a runner would: a child process with `INPUT_*` variables and
 * `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` files, started asynchronously so loopback servers in this process
 * keep answering.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ACTION_BUNDLE = path.join(PROJECT_ROOT, 'dist/index.js');
export const CLI_BUNDLE = path.join(PROJECT_ROOT, 'dist/cli/index.js');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Parsed from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** Contents of the GITHUB_STEP_SUMMARY file. */
  summary: string;
}

export interface RunActionOptions {
  /** Inputs by their action.yml names, e.g. `{ 'access-policy-token': 't' }`. */
  inputs: Record<string, string>;
  /** GITHUB_WORKSPACE and the working directory. */
  workspace: string;
  /** Extra environment (on top of a clean one with PATH and HOME). */
  env?: Record<string, string>;
  /** Called with each chunk of stdout, e.g. to echo it live. */
  onStdout?: (chunk: string) => void;
}

/** Parses a `GITHUB_OUTPUT` file (`name<<DELIM\nvalue\nDELIM\n` records, as `@actions/core` writes them). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      outputs[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return outputs;
}

const COMMAND = /^::(error|warning|notice|debug)((?: [^:]*)?)::(.*)$/;

/**
 * Renders an action's stdout the way a runner's log shows it: `::add-mask::` and `::debug::` lines hidden,
 * `::error …::msg` as `Error: msg` (with `%0A` turned back into line breaks), outputs set through files.
 */
export function renderRunnerLog(stdout: string): string {
  const shown: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line.startsWith('::add-mask::')) continue;
    const m = COMMAND.exec(line);
    if (!m) {
      shown.push(line);
      continue;
    }
    if (m[1] === 'debug') continue;
    const text = m[3].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    const props = m[2].trim().replace(/%3A/g, ':').replace(/%2C/g, ',');
    const label = m[1][0].toUpperCase() + m[1].slice(1);
    shown.push(`${label}${props ? ` (${props})` : ''}: ${text}`);
  }
  return shown.join('\n');
}

/** Runs `dist/index.js` (or `bundle`) and collects its exit code, output, outputs and summary. */
export async function runAction(options: RunActionOptions, bundle = ACTION_BUNDLE): Promise<ActionRun> {
  const files = mkdtempSync(path.join(tmpdir(), 'runner-files-'));
  const outputFile = path.join(files, 'output');
  const summaryFile = path.join(files, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? files,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: files,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [bundle], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    options.onStdout?.(chunk);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? -1));
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** Runs the bundled CLI with `args`; resolves with exit code, stdout and stderr. */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? -1));
  });
  return { code, stdout, stderr };
}
