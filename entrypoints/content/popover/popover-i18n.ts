import { browser } from 'wxt/browser';
import type { PopoverI18n } from '../../../components/popover/i18n';

/** The popover's translator over `browser.i18n` (follows the browser language; Dutch by default). */
export function createBrowserI18n(): PopoverI18n {
  const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;
  const t = (key: string, ...substitutions: string[]) => getMessage(key, substitutions) || key;
  // The locale of the messages actually chosen, so dates match the language around them.
  return { t, locale: t('popover_locale') === 'popover_locale' ? 'nl' : t('popover_locale') };
}
