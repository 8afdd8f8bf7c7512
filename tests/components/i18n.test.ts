import { describe, expect, it } from 'vitest';
import { createBrowserI18n } from '../../components/i18n';

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
