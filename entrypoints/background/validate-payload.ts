/** Checks on untrusted payloads: shapes, sizes and formats, before any handler sees them. */
import { isWellFormedId, MAX_ID_LENGTH } from '../../data/citations/ids';
import { MAX_LOOKUP_IDS } from '../../data/messages';
import { objectWith, type Validator } from '../../data/payload';
import { fail } from '../../data/result';

/** Longest URL accepted in a site-access call. */
export const MAX_URL_LENGTH = 2048;

const QUESTION_NUMBER = /^[0-9A-Za-z.-]{1,20}$/;

/** `{}` (an absent payload counts as `{}`). */
export const emptyPayload: Validator<Record<string, never>> = (payload) => {
  const object = objectWith(payload === undefined ? {} : payload, []);
  return object.ok ? { ok: true, value: {} } : object;
};

/**
 * `{ ids }`: at most 200 strings of at most 100 characters. Strings of the wrong shape pass: the
 * lookup answers them "not found", as the protocol promises for malformed ids.
 */
export const lookupPayload: Validator<{ ids: string[] }> = (payload) => {
  const object = objectWith(payload, ['ids']);
  if (!object.ok) return object;
  const { ids } = object.value;
  if (!Array.isArray(ids)) return fail('ids must be an array');
  if (ids.length > MAX_LOOKUP_IDS) return fail(`at most ${MAX_LOOKUP_IDS} ids per lookup`);
  if (!ids.every((id) => typeof id === 'string' && id.length <= MAX_ID_LENGTH)) {
    return fail(`ids must be strings of at most ${MAX_ID_LENGTH} characters`);
  }
  return { ok: true, value: { ids: [...ids] } };
};

/** `{ documentId, question? }`: a well-formed id and a short question number. */
export const openSidePanelPayload: Validator<{ documentId: string; question?: string }> = (payload) => {
  const object = objectWith(payload, ['documentId', 'question']);
  if (!object.ok) return object;
  const { documentId, question } = object.value;
  if (!isWellFormedId(documentId)) return fail('documentId is not a well-formed id');
  if (question === undefined) return { ok: true, value: { documentId } };
  if (typeof question !== 'string' || !QUESTION_NUMBER.test(question))
    return fail('question is not a question number');
  return { ok: true, value: { documentId, question } };
};

/** `{ url }`: a URL of at most 2048 characters (site access decides what a non-web URL means). */
export const urlPayload: Validator<{ url: string }> = (payload) => {
  const object = objectWith(payload, ['url']);
  if (!object.ok) return object;
  const { url } = object.value;
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH)
    return fail('url must be a string of at most 2048 characters');
  if (!URL.canParse(url)) return fail('url is not a URL');
  return { ok: true, value: { url } };
};
