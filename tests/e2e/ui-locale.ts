/**
 * The language the end-to-end runs speak: Dutch by default, English with KAMERLENS_E2E_LOCALE=en
 * (`npm test` runs one English pass). Expected UI texts come from the same messages.json files the
 * extension ships, so no test hard-codes what the UI says.
 */
import type { Translate } from '../../components/i18n';
import en from '../../public/_locales/en/messages.json';
import nl from '../../public/_locales/nl/messages.json';
import { type MessageEntry, translatorFor } from '../fixtures/translators';

/** The UI languages Kamerlens ships. */
export type UiLocale = 'nl' | 'en';

const MESSAGES: Record<UiLocale, Record<string, MessageEntry>> = { nl, en };

/** POSIX locale names for Chromium's LANG (Debian's Chromium reads LANGUAGE/LANG, not --lang). */
const POSIX: Record<UiLocale, string> = { nl: 'nl_NL.UTF-8', en: 'en_US.UTF-8' };
/** BCP 47 tags for the page's navigator.language. */
const BCP47: Record<UiLocale, string> = { nl: 'nl-NL', en: 'en-US' };

/** Reads a locale such as `nl`, `nl-NL` or `en_US`; throws on anything Kamerlens does not ship. */
export function parseUiLocale(value: string): UiLocale {
  const lang = value.trim().toLowerCase().split(/[-_.]/)[0];
  if (lang === 'nl' || lang === 'en') return lang;
  throw new Error(`Unsupported UI locale "${value}": Kamerlens ships nl and en.`);
}

/** The run's default: KAMERLENS_E2E_LOCALE, else Dutch. */
export function defaultUiLocale(): UiLocale {
  return parseUiLocale(process.env.KAMERLENS_E2E_LOCALE ?? 'nl');
}

/** The environment a browser needs to speak `locale` (its UI and `browser.i18n`). */
export function localeEnvironment(locale: UiLocale): Record<string, string> {
  return { LANGUAGE: locale, LANG: POSIX[locale], LC_ALL: POSIX[locale] };
}

/** The page-facing language tag (`nl-NL`, `en-US`). */
export function localeTag(locale: UiLocale): string {
  return BCP47[locale];
}

/** A translator over the shipped messages of `locale`, with browser.i18n's placeholder rules. */
export function uiTranslator(locale: UiLocale): Translate {
  return translatorFor(MESSAGES[locale]);
}
