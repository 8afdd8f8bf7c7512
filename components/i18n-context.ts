/** The views' language, provided once at each render root (browser.i18n in the extension, messages.json in tests). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { I18n } from './i18n';

/** The default echoes keys, so a view rendered without a provider shows it at once. */
export const I18nContext = createContext<I18n>({ t: (key) => key, locale: 'nl' });

/** The translator and locale of the nearest provider. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
