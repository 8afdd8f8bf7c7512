/**
 * The one translator of the extension's views (popover, annotations, side panel): `t(key,
 * ...substitutions)` with browser.i18n semantics, and the locale the messages were chosen for. Free
 * of Preact and of `browser`, so the content script's start uses it as is.
 */

/** Looks up a message with positional substitutions (browser.i18n semantics). */
export type Translate = (key: string, ...substitutions: string[]) => string;

/** What a view needs to speak the reader's language. */
export interface I18n {
  t: Translate;
  /** BCP 47 tag for dates and numbers, e.g. `nl` or `en`. */
  locale: string;
}

/**
 * `browser.i18n.getMessage` as the adapter calls it: any key, substitutions as one array (a third
 * argument would be taken for its options). Declared as a method so the browser's typed keys fit.
 */
type GetMessage = { getMessage(key: string, substitutions?: string[]): string }['getMessage'];

/**
 * The translator over the browser's messages (they follow the browser language; Dutch is the
 * default locale). A message the browser lacks shows as its key. `localeKey` names the message that
 * holds the chosen locale's tag, so dates match the language around them; without it, `nl`.
 */
export function createBrowserI18n(getMessage: GetMessage, localeKey: string): I18n {
  const t: Translate = (key, ...substitutions) => getMessage(key, substitutions) || key;
  return { t, locale: getMessage(localeKey) || 'nl' };
}
