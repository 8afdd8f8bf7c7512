/** The annotation views' translator: `annotate_*` messages (browser.i18n in the extension, messages.json in tests). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

import type { Translate } from './error-text';

export { errorText, type Translate } from './error-text';

/** What the annotation views need to speak the reader's language. */
export interface AnnotateI18n {
  t: Translate;
  /** BCP 47 tag for dates, e.g. `nl` or `en`. */
  locale: string;
}

/** Provided by the content script or side panel; the default echoes keys (visible in tests that forget it). */
export const AnnotateI18nContext = createContext<AnnotateI18n>({ t: (key) => key, locale: 'nl' });

/** The views' translator and locale. */
export function useAnnotateI18n(): AnnotateI18n {
  return useContext(AnnotateI18nContext);
}

/** A short date and time in the reader's language. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
}
