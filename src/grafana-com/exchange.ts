/**
 * One grafana.com request with retries, as the signing client and the published-keys client both make it: each
 * attempt is one HTTP exchange (`./http.ts`) with the attempt's time limit; no complete answer is retried when the
 * failure is transient (refused, reset, cut short, timed out), an answer is retried when its status is 429 or 5xx
 * (after its `Retry-After` when given), everything else is final (`./retry.ts`).
 */
import {
  exchangeFailureReason,
  HttpExchangeError,
  httpExchange,
  isTransientExchangeError,
  type HttpAnswer,
  type HttpExchangeRequest,
} from './http.js';
import {
  isRetryableStatus,
  parseRetryAfter,
  verdictTags,
  withRetriesOrLastError,
  type RetryInfo,
  type RetryPolicy,
} from './retry.js';

/** What {@link exchangeWithRetries} asks of its caller. */
export interface RetriedExchange<E extends Error> {
  /** The request, but for the time limit (each attempt gets the policy's). */
  request: Omit<HttpExchangeRequest, 'timeoutMs'>;
  policy: RetryPolicy;
  onRetry?: (info: RetryInfo) => void;
  /** The error of an attempt that got no complete answer; `reason` is the short cause (`ECONNREFUSED`, `timeout`). */
  noAnswer: (error: unknown, reason: string, timeoutMs: number) => E;
  /**
   * The body of an answer that succeeded, or the error of one that did not (retried for 429 and 5xx). It may throw
   * an error itself: such an error is final.
   */
  answered: (answer: HttpAnswer) => Buffer | E;
  /** The error thrown after the last attempt, from the last attempt's error and `Gave up after N attempts …`. */
  gaveUp: (last: E, summary: string) => E;
  /** Applied to every reason given to `onRetry` (the signing client redacts the token); default: as is. */
  redactReason?: (reason: string) => string;
}

/**
 * Makes the request until it succeeds, fails for good, or the retry policy is spent.
 *
 * @returns the body `answered` returned (bytes as received).
 * @throws the `noAnswer` or `answered` error of a final failure, or the `gaveUp` error once retries are spent (with
 *   `policy.retries` 0, the single attempt's error as is); any error `answered` throws.
 */
export async function exchangeWithRetries<E extends Error>(x: RetriedExchange<E>): Promise<Buffer> {
  const redact = x.redactReason ?? ((reason: string) => reason);
  const verdicts = verdictTags();
  const attempt = async (timeoutMs: number): Promise<Buffer> => {
    let answer: HttpAnswer;
    try {
      answer = await httpExchange({ ...x.request, timeoutMs });
    } catch (err) {
      const reason = err instanceof HttpExchangeError ? exchangeFailureReason(err) : String(err);
      throw verdicts.tag(x.noAnswer(err, reason, timeoutMs), {
        retryable: isTransientExchangeError(err),
        reason: redact(reason),
      });
    }
    const outcome = x.answered(answer);
    if (Buffer.isBuffer(outcome)) return outcome;
    const statusText = answer.statusText ? ` ${answer.statusText}` : '';
    throw verdicts.tag(outcome, {
      retryable: isRetryableStatus(answer.status),
      reason: redact(`HTTP ${answer.status}${statusText}`),
      retryAfterMs: parseRetryAfter(answer.headers['retry-after']),
    });
  };
  return await withRetriesOrLastError(
    (context) => attempt(context.timeoutMs),
    x.policy,
    verdicts.classify,
    x.onRetry,
    x.gaveUp,
  );
}
