import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Looks up a `popover_*` message with positional substitutions (browser.i18n semantics). */
export type Translate = (key: string, ...substitutions: string[]) => string;

/** What the popover needs to speak the reader's language. */
export interface PopoverI18n {
  t: Translate;
  /** BCP 47 tag for dates, e.g. `nl` or `en`. */
  locale: string;
}

/** Provided by the content script (browser.i18n) or by tests (a translator over messages.json). */
export const I18nContext = createContext<PopoverI18n>({ t: (key) => key, locale: 'nl' });

/** The popover's translator and locale. */
export function useI18n(): PopoverI18n {
  return useContext(I18nContext);
}
