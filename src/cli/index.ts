#!/usr/bin/env node
/**
 * CLI entry point: `node dist/cli/index.js <verify|sign|manifest|check-routes> ...`.
 * Exit codes: 0 success, 1 a verdict or expectation failed (or signing failed), 2 usage error.
 *
 * Each command's module is imported when that command runs (ncc puts it in a chunk beside `index.js`), so `--help`
 * loads only `./usage.ts` and `manifest` never loads `openpgp`, the zip libraries or the HTTP client.
 */
import { LEGACY_TOKEN_ENV, TOKEN_ENV } from '../grafana-com/endpoint.js';
import { SignPluginError, UsageError } from '../errors.js';
import { runnerText } from '../text/escape.js';
import { addSecret, redact } from '../text/redact.js';
import { CHECK_ROUTES_USAGE, HELP, MANIFEST_USAGE, SIGN_USAGE, VERIFY_USAGE } from './usage.js';

/** Each command's usage, printed by `<command> --help` (or `-h`) without loading the command. */
const COMMAND_USAGE: Record<string, string> = {
  verify: VERIFY_USAGE,
  sign: SIGN_USAGE,
  manifest: MANIFEST_USAGE,
  'check-routes': CHECK_ROUTES_USAGE,
};

/**
 * Dispatches a command. @param argv arguments after `node index.js`. @returns the process exit code.
 * Never throws: errors are printed on stderr (no stack trace) and mapped to exit codes.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Everything printed passes the token redactor and the escaping layer: the CLI runs in CI logs too.
  for (const name of [TOKEN_ENV, LEGACY_TOKEN_ENV]) addSecret((env[name] ?? '').trim());
  const print = (stream: NodeJS.WriteStream, s: string) => stream.write(runnerText(redact(s)) + '\n');
  const out = (s: string) => print(process.stdout, s);
  const warn = (s: string) => print(process.stderr, `warning: ${s}`);
  const [command, ...rest] = argv;
  const usage = command !== undefined ? COMMAND_USAGE[command] : undefined;
  if (usage !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
    out(usage);
    return 0;
  }
  try {
    switch (command) {
      case 'verify':
        return await (await import('./verify.js')).verifyCommand(rest, out, warn, env);
      case 'sign':
        return await (await import('./sign.js')).signCommand(rest, out, warn, env);
      case 'manifest':
        return await (await import('./manifest.js')).manifestCommand(rest, out);
      case 'check-routes':
        return await (await import('./check-routes.js')).checkRoutesCommand(rest, out);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        out(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError('command', `unknown command "${command}"\n${HELP}`);
    }
  } catch (error) {
    const isUsage = error instanceof UsageError || (error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS');
    const message =
      error instanceof SignPluginError || isUsage
        ? (error as Error).message
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    print(process.stderr, `error: ${message}`);
    return isUsage ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
