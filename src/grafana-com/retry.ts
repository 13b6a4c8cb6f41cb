/**
 * Retrying requests to grafana.com: a bounded number of attempts, each with its own time limit, separated by
 * exponential backoff with full jitter ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015), honouring a
 * server's `Retry-After` (RFC 9110 §10.2.3), all within an overall time budget.
 *
 * What is worth retrying is the caller's decision (see {@link RetryVerdict}); the usual rule for HTTP is
 * {@link isRetryableStatus}: 429 and 5xx are, other answers are not.
 */
import { SignPluginError } from '../errors.js';

/** How hard to try. All durations are in milliseconds. */
export interface RetryPolicy {
  /** Extra attempts after the first (0 = a single attempt). */
  retries: number;
  /** Time limit of one attempt (connecting, the answer and its body). */
  timeoutMs: number;
  /** Overall budget: attempts and waits together never exceed it. */
  totalMs: number;
  /** Backoff unit: the wait before attempt n+1 is uniform in [0, min(maxDelayMs, baseDelayMs·2^(n-1))]. */
  baseDelayMs: number;
  /** Cap of a backoff wait (a server's `Retry-After` may ask for more, within the budget). */
  maxDelayMs: number;
}

/** What the caller says about a failed attempt. */
export interface RetryVerdict {
  /** Whether another attempt may succeed (connection error, timeout, 429, 5xx). */
  retryable: boolean;
  /** Short reason for logs and the final error, e.g. `HTTP 502 Bad Gateway` or `ECONNRESET: socket hang up`. */
  reason: string;
  /** The wait the server asked for (`Retry-After`), in ms; replaces the backoff wait. */
  retryAfterMs?: number;
}

/** Passed to each attempt. */
export interface AttemptContext {
  /** 1-based number of this attempt. */
  attempt: number;
  /** This attempt's time limit in ms: the policy's `timeoutMs`, or less when the budget is nearly spent. */
  timeoutMs: number;
}

/** Reported before each wait (see {@link withRetries}'s `onRetry`). */
export interface RetryInfo {
  /** 1-based number of the attempt that just failed; the next one is `attempt + 1`. */
  attempt: number;
  /** How long the wait before the next attempt is, in ms. */
  delayMs: number;
  /** Why the attempt failed ({@link RetryVerdict.reason}). */
  reason: string;
}

/** The default extra attempts (the action's `retries` input default). */
export const DEFAULT_RETRIES = 3;
/** The default time limit of one attempt: 30 s (the action's `timeout-seconds` input default). */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The default backoff unit: 1 s. */
export const DEFAULT_BASE_DELAY_MS = 1_000;
/** The default cap of a backoff wait: 30 s. */
export const DEFAULT_MAX_DELAY_MS = 30_000;

/** Bounds of the action's `retries` input. */
export const MAX_RETRIES = 10;
/** Bounds of the action's `timeout-seconds` input, in seconds. */
export const MIN_TIMEOUT_SECONDS = 1;
export const MAX_TIMEOUT_SECONDS = 600;

/**
 * A complete policy from a partial one. Defaults: `retries` 3, `timeoutMs` 30000, `baseDelayMs` 1000,
 * `maxDelayMs` 30000, and `totalMs` large enough for every attempt to use its whole time limit and every wait its
 * cap: `(retries + 1) · timeoutMs + retries · maxDelayMs` (210 s with the defaults).
 *
 * @throws RangeError when a given value is negative or not finite, `retries` is not an integer, or `timeoutMs` or
 *   `totalMs` is 0 (a programming error: user input goes through `parseRetryInputs` in `src/options/parse.ts` first).
 */
export function resolveRetryPolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  const retries = partial.retries ?? DEFAULT_RETRIES;
  const timeoutMs = partial.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const baseDelayMs = partial.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxDelayMs = partial.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const totalMs = partial.totalMs ?? (retries + 1) * timeoutMs + retries * maxDelayMs;
  const policy = { retries, timeoutMs, totalMs, baseDelayMs, maxDelayMs };
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`retry policy: ${name} must be >= 0, got ${value}`);
  }
  if (!Number.isInteger(retries)) throw new RangeError(`retry policy: retries must be an integer, got ${retries}`);
  if (timeoutMs === 0 || totalMs === 0) throw new RangeError('retry policy: timeoutMs and totalMs must be > 0');
  return policy;
}

/**
 * The backoff wait after failed attempt `attempt` (1-based), with full jitter: uniform in
 * `[0, min(maxDelayMs, baseDelayMs · 2^(attempt-1)))`, rounded down to whole ms.
 *
 * @param random a source of uniform numbers in [0, 1) (default `Math.random`).
 */
export function backoffDelayMs(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Whether an HTTP answer is worth another attempt: 429 (Too Many Requests) and every 5xx. Other answers, 408
 * included, are final: a 4xx means the request itself is wrong and will be refused again.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * A `Retry-After` header value as a wait in ms (RFC 9110 §10.2.3): delta-seconds (`"120"`) or an HTTP-date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`, relative to `now`; a past date means 0).
 *
 * @param now the current time in ms since the epoch (default `Date.now()`).
 * @returns the wait in ms, or `undefined` for an absent, empty or unreadable value (then the backoff applies).
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : undefined;
  }
  if (!/[a-z]/i.test(text)) return undefined; // "1.5", "-1": neither form
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Raised by {@link withRetries} when every allowed attempt failed with a retryable error. */
export class RetriesExhaustedError extends SignPluginError {
  /** How many attempts were made. */
  readonly attempts: number;
  /** From the first attempt's start to the last one's failure, in ms. */
  readonly elapsedMs: number;
  /** The last attempt's {@link RetryVerdict.reason}. */
  readonly reason: string;
  /** What the last attempt threw (also the `cause`). */
  readonly lastError: unknown;
  /** Why the retries stopped before the attempts ran out (the budget), or `''` when every attempt was made. */
  readonly stoppedBy: string;
  constructor(attempts: number, elapsedMs: number, reason: string, lastError: unknown, stoppedBy = '') {
    super(
      'retries-exhausted',
      `Gave up after ${describeAttempts(attempts, elapsedMs)}${stoppedBy ? ` (${stoppedBy})` : ''}; ` +
        `last failure: ${reason}`,
      { cause: lastError },
    );
    this.attempts = attempts;
    this.elapsedMs = elapsedMs;
    this.reason = reason;
    this.lastError = lastError;
    this.stoppedBy = stoppedBy;
  }
}

/**
 * Retry verdicts attached to errors where they are thrown (where the cause is known) and read back by
 * {@link withRetries}'s `classify`. An error without a verdict is not retryable.
 *
 * @returns `tag(error, verdict)` (returns `error`, to `throw tag(…)`) and `classify`, to pass to `withRetries`.
 */
export function verdictTags(): {
  tag: <E extends object>(error: E, verdict: RetryVerdict) => E;
  classify: (error: unknown) => RetryVerdict;
} {
  const verdicts = new WeakMap<object, RetryVerdict>();
  return {
    tag: (error, verdict) => {
      verdicts.set(error, verdict);
      return error;
    },
    classify: (error) => {
      const verdict = typeof error === 'object' && error !== null ? verdicts.get(error) : undefined;
      return verdict ?? { retryable: false, reason: String(error) };
    },
  };
}

/** `"1 attempt over 0.2 s"`, `"4 attempts over 3.1 s"`: what the final errors say. */
export function describeAttempts(attempts: number, elapsedMs: number): string {
  return `${attempts} attempt${attempts === 1 ? '' : 's'} over ${(elapsedMs / 1000).toFixed(1)} s`;
}

/**
 * Runs `fn` until it succeeds, it fails with an error `classify` calls not retryable, the attempts run out
 * (`1 + policy.retries`) or the budget (`policy.totalMs`) would be exceeded.
 *
 * Between attempts it waits the server's `Retry-After` when the verdict carries one (even beyond `maxDelayMs`), else
 * {@link backoffDelayMs}. A wait that would reach the end of the budget is not made: the retries end there. Each
 * attempt gets `min(timeoutMs, budget left)` as its time limit in its {@link AttemptContext}; enforcing it is `fn`'s
 * job. `onRetry` is called before each wait (the action logs it).
 *
 * @returns what `fn` returned.
 * @throws what `fn` threw, unchanged, when `classify` says it is not retryable; otherwise
 *   {@link RetriesExhaustedError} (attempts made, elapsed time, last reason, the last error as `lastError`/`cause`).
 */
export async function withRetries<T>(
  fn: (context: AttemptContext) => Promise<T>,
  policy: RetryPolicy,
  classify: (error: unknown) => RetryVerdict,
  onRetry?: (info: RetryInfo) => void,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const left = policy.totalMs - (Date.now() - started);
    try {
      return await fn({ attempt, timeoutMs: Math.max(1, Math.min(policy.timeoutMs, left)) });
    } catch (error) {
      const verdict = classify(error);
      if (!verdict.retryable) throw error;
      const elapsed = Date.now() - started;
      const exhausted = (why: string): RetriesExhaustedError =>
        new RetriesExhaustedError(attempt, elapsed, verdict.reason, error, why);
      if (attempt > policy.retries) throw exhausted('');
      const remaining = policy.totalMs - elapsed;
      const delayMs = verdict.retryAfterMs ?? backoffDelayMs(attempt, policy);
      if (delayMs >= remaining) {
        const asked = verdict.retryAfterMs !== undefined ? 'the server asked to retry after' : 'the next wait is';
        throw exhausted(
          `${asked} ${(delayMs / 1000).toFixed(1)} s, beyond the ${(policy.totalMs / 1000).toFixed(1)} s budget`,
        );
      }
      onRetry?.({ attempt, delayMs, reason: verdict.reason });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/**
 * {@link withRetries} with the final error both grafana.com clients report: what the attempt threw when it was not
 * retryable or when only one attempt was allowed (`policy.retries === 0`); after several attempts, `gaveUp(last,
 * summary)`, where `last` is the last attempt's error and `summary` the exhaustion's own text (`Gave up after N
 * attempts over T s[ (why)]; last failure: reason`), so the caller re-makes its error class with both.
 *
 * @returns what `fn` returned. @throws as described; `gaveUp` decides the class (SigningError, KeyFetchError).
 */
export async function withRetriesOrLastError<T, E extends Error>(
  fn: (context: AttemptContext) => Promise<T>,
  policy: RetryPolicy,
  classify: (error: unknown) => RetryVerdict,
  onRetry: ((info: RetryInfo) => void) | undefined,
  gaveUp: (last: E, summary: string) => Error,
): Promise<T> {
  try {
    return await withRetries(fn, policy, classify, onRetry);
  } catch (error) {
    if (!(error instanceof RetriesExhaustedError)) throw error;
    const last = error.lastError as E;
    if (policy.retries === 0) throw last;
    throw gaveUp(last, error.message);
  }
}
