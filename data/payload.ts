/**
 * Checks on untrusted values (message payloads, note-frame views and events, imported files), shared
 * by every side that receives them: a value is taken apart only after its shape is known.
 */
import { fail, ok, type Result } from './result';

/** A check turns an unknown value into a typed one or the reason it is refused. */
export type Validator<T> = (value: unknown) => Result<T>;

/** A plain object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string of at most `max` characters. */
export function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** A plain object with no key but the `allowed` ones; the first unknown key is named (cut to 40 characters). */
export function objectWith(value: unknown, allowed: readonly string[]): Result<Record<string, unknown>> {
  if (!isObject(value)) return fail('payload must be an object');
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  if (extra !== undefined) return fail(`unexpected payload field: ${extra.slice(0, 40)}`);
  return ok(value);
}

/** Longest pack id a message may carry (the build's ids are far shorter). */
const MAX_PACK_ID_LENGTH = 100;

/** `{ id }`: a pack id, a string of 1 to 100 characters (the background's and the importer's calls). */
export const packIdPayload: Validator<{ id: string }> = (payload) => {
  const object = objectWith(payload, ['id']);
  if (!object.ok) return object;
  const { id } = object.value;
  if (typeof id !== 'string' || id === '' || id.length > MAX_PACK_ID_LENGTH)
    return fail(`id must be a string of 1 to ${MAX_PACK_ID_LENGTH} characters`);
  return ok({ id });
};
