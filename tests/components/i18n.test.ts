import { describe, expect, it } from 'vitest';
import { createBrowserI18n, translatorFor } from '../../components/i18n';
import en from '../../public/_locales/en/messages.json';

const MESSAGES = {
  greeting: {
    message: 'Hallo $NAME$, $COUNT$ notities',
    placeholders: { name: { content: '$1' }, count: { content: '$2' } },
  },
  plain: { message: 'Alleen tekst' },
};

describe('translatorFor: browser.i18n semantics over a messages.json', () => {
  it.each([
    ['greeting', ['Anna', '3'], 'Hallo Anna, 3 notities'],
    ['greeting', ['Anna'], 'Hallo Anna,  notities'],
    ['plain', [], 'Alleen tekst'],
    ['missing_key', [], 'missing_key'],
  ])('%s %j → %s', (key, substitutions, text) => {
    expect(translatorFor(MESSAGES)(key, ...substitutions)).toBe(text);
  });

  it('reads the shipped messages', () => {
    expect(translatorFor(en)('annotate_locale')).toBe('en');
  });
});

describe('createBrowserI18n: the translator over getMessage', () => {
  const english = (key: string, substitutions?: string[]) =>
    key === 'popover_locale' ? 'en' : key === 'x' ? `x:${substitutions?.join('|')}` : '';

  it('passes substitutions as one array and takes the locale from the locale message', () => {
    const i18n = createBrowserI18n(english, 'popover_locale');
    expect(i18n.locale).toBe('en');
    expect(i18n.t('x', 'a', 'b')).toBe('x:a|b');
  });

  it('shows a message the browser lacks as its key; without a locale message, Dutch', () => {
    const i18n = createBrowserI18n(() => '', 'annotate_locale');
    expect(i18n.locale).toBe('nl');
    expect(i18n.t('annotate_save')).toBe('annotate_save');
  });
});
