/** Typed access to the error a promise rejects with, for tests that assert on its fields. */
import { expect } from 'vitest';

/**
 * Awaits `promise`, asserts that it rejected with an instance of `type` (a resolved promise fails the assertion), and
 * returns that error with its class's type, so tests read `error.status` or `error.input` without `any`.
 */
export async function rejection<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}
