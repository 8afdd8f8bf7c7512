/**
 * The outcome of anything that can fail across a boundary (a message, a file, a payload check):
 * `{ok: true, value}` or `{ok: false, error}`, because Errors do not survive serialization.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A successful `Result`. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed `Result` with the reason, for any value type. */
export function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
