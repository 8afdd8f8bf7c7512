/** The annotation views' translator: `annotate_*` messages (browser.i18n in the extension, messages.json in tests). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Looks up a message with positional substitutions (browser.i18n semantics). */
export type Translate = (key: string, ...substitutions: string[]) => string;

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

/**
 * The reader-facing text of an error from the background: storage failures are explained (they
 * must never pass silently), anything else is shown with a general lead-in.
 */
export function errorText(t: Translate, error: string): string {
  if (error.startsWith('storage-full:')) return t('annotate_error_storageFull', error.slice(13).trim());
  if (error.startsWith('storage:')) return t('annotate_error_storage', error.slice(8).trim());
  return t('annotate_error_other', error);
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
