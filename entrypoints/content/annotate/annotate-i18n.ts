import { browser } from 'wxt/browser';
import type { AnnotateI18n } from '../../../components/annotations/i18n';

/** The annotation views' translator over `browser.i18n` (follows the browser language; Dutch by default). */
export function createAnnotateI18n(): AnnotateI18n {
  const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;
  const t = (key: string, ...substitutions: string[]) => getMessage(key, substitutions) || key;
  const locale = t('annotate_locale');
  return { t, locale: locale === 'annotate_locale' ? 'nl' : locale };
}
