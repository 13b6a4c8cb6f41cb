/**
 * The `parseArgs` options `sign` and `verify` share: trusted keys, the expectations, and the grafana.com API root.
 */
import { DEFAULT_GRAFANA_COM_URL } from '../grafana-com/endpoint.js';

/**
 * Options for `node:util` `parseArgs`: `--public-key FILE` (repeatable), `--signature-type T`, `--root-urls U1,U2`,
 * `--grafana-com-url URL` (default `GRAFANA_COM_URL` from `env`, else grafana.com's API root).
 *
 * @param env the process environment. @returns the option configs, to spread into a command's own.
 */
export function keyAndExpectationOptions(env: NodeJS.ProcessEnv) {
  return {
    'public-key': { type: 'string', multiple: true },
    'signature-type': { type: 'string' },
    'root-urls': { type: 'string' },
    'grafana-com-url': { type: 'string', default: env.GRAFANA_COM_URL || DEFAULT_GRAFANA_COM_URL },
  } as const;
}

/**
 * The `--grafana-com-url` value without trailing slashes.
 *
 * @param value the option's value (it has a default, so it is always set).
 */
export function grafanaComUrlOption(value: string | undefined): string {
  return (value ?? DEFAULT_GRAFANA_COM_URL).replace(/\/+$/, '');
}

/**
 * A CLI command: @param argv the arguments after the command name; @param out prints one line of the result;
 * @param warn prints a warning (stderr); @param env the process environment. @returns the exit code.
 */
export type CliCommand = (
  argv: string[],
  out: (s: string) => void,
  warn: (s: string) => void,
  env: NodeJS.ProcessEnv,
) => Promise<number>;
