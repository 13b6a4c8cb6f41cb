/**
 * Parsing of the values both shells take from the user: the action's inputs (`src/action/input-helper.ts`) and the
 * CLI's options (`src/cli/*`) go through these, so a bad value gets the same clear error naming the input or option
 * either way. The engine takes the typed results (`SignatureType`, URL lists, `retries` and `timeoutMs`).
 */
import { UsageError } from '../errors.js';
import {
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  MAX_RETRIES,
  MAX_TIMEOUT_SECONDS,
  MIN_TIMEOUT_SECONDS,
} from '../grafana-com/retry.js';
import { parseGoURL } from '../go/url.js';
import { SIGNATURE_TYPES, type SignatureType } from '../manifest/types.js';

/**
 * Parses a signature type input.
 *
 * @param value the input as written (surrounding spaces ignored); "" means no expectation.
 * @param input the input's name for the error, e.g. `signature-type` or `--signature-type`.
 * @returns the type, or undefined for "".
 * @throws UsageError naming the input and listing the valid types (Grafana `SignatureType.IsValid`, case-sensitive).
 */
export function parseSignatureType(value: string | undefined, input: string): SignatureType | undefined {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  if ((SIGNATURE_TYPES as readonly string[]).includes(v)) return v as SignatureType;
  throw new UsageError(input, `${input}: "${v}" is not a signature type; use one of ${SIGNATURE_TYPES.join(', ')}`);
}

/**
 * Parses a list of URLs given as one string: separated by commas and/or newlines, blanks dropped.
 *
 * @param value the input as written; @param input its name for errors.
 * @returns the URLs, each trimmed.
 * @throws UsageError when an entry does not parse as a Go `net/url` URL with an http(s) scheme and a host
 *   (Grafana could never match it).
 */
export function parseUrlList(value: string | undefined, input: string): string[] {
  const urls = (value ?? '')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const url of urls) {
    let parsed;
    try {
      parsed = parseGoURL(url);
    } catch (error) {
      throw new UsageError(input, `${input}: "${url}" is not a URL (${(error as Error).message})`);
    }
    if (!/^https?$/.test(parsed.scheme) || parsed.host === '') {
      throw new UsageError(
        input,
        `${input}: "${url}" must be an absolute http(s) URL such as https://grafana.example.com/`,
      );
    }
  }
  return urls;
}

/**
 * Parses the action's `retries` and `timeout-seconds` inputs. An empty string means the default (3 extra attempts,
 * 30 s); surrounding whitespace is ignored.
 *
 * @param names the inputs' names as the user writes them (named in errors), e.g. `{ retries: 'retries', timeout:
 *   'timeout-seconds' }`.
 * @returns `retries` (extra attempts, 0–10) and `timeoutMs` (per attempt, 1000–600000 ms).
 * @throws UsageError (`names.retries`) unless `retries` is an integer 0–10; UsageError (`names.timeout`) unless
 *   `timeoutSeconds` is an integer 1–600.
 */
export function parseRetryInputs(
  retries: string,
  timeoutSeconds: string,
  names: { retries: string; timeout: string },
): { retries: number; timeoutMs: number } {
  const count = parseIntegerInput(retries, names.retries, 0, MAX_RETRIES, DEFAULT_RETRIES, 'extra attempts');
  const seconds = parseIntegerInput(
    timeoutSeconds,
    names.timeout,
    MIN_TIMEOUT_SECONDS,
    MAX_TIMEOUT_SECONDS,
    DEFAULT_TIMEOUT_MS / 1000,
    'seconds per attempt',
  );
  return { retries: count, timeoutMs: seconds * 1000 };
}

function parseIntegerInput(raw: string, name: string, min: number, max: number, fallback: number, unit: string) {
  const text = raw.trim();
  if (text === '') return fallback;
  const value = /^[+]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      name,
      `${name} must be a whole number from ${min} to ${max} (${unit}), got "${text}"; the default is ${fallback}`,
    );
  }
  return value;
}
