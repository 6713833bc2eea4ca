/** A value or an expected failure. Exceptions are for bugs only. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
