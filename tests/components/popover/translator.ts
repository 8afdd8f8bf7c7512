import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { I18n } from '../../../components/i18n';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** A translator over the real `public/_locales/<lang>/messages.json`, with browser.i18n's placeholder rules. */
export function translatorFor(lang: 'nl' | 'en'): I18n {
  const file = join(process.cwd(), 'public', '_locales', lang, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Message>;
  const t = (key: string, ...subs: string[]) => {
    const entry = messages[key];
    if (!entry) throw new Error(`missing message ${key} in ${lang}`);
    const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      if (content === undefined) throw new Error(`${key}: placeholder ${name} has no definition`);
      return content;
    });
    return withPlaceholders.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
  return { t, locale: t('popover_locale') };
}
