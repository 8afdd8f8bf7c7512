import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locales: Record<string, Messages> = { nl, en };
const DIR = 'components/sidepanel';

/** Every `sidepanel_*` key the panel's source names, with dynamic suffixes expanded. */
function usedKeys(): string[] {
  const dynamic: Record<string, string[]> = {
    sidepanel_type_: [
      'antwoord',
      'brief',
      'kamerstuk',
      'dossier',
      'handelingen',
      'aanhangsel',
      'zaak',
      'document',
    ],
    sidepanel_summary_source_: ['editorial', 'extractive'],
  };
  const keys = new Set<string>();
  for (const file of readdirSync(DIR)) {
    const source = readFileSync(join(DIR, file), 'utf8');
    for (const [key] of source.matchAll(/sidepanel_[A-Za-z_-]+/g)) {
      for (const expanded of dynamic[key]?.map((s) => key + s) ?? [key]) keys.add(expanded);
    }
  }
  return [...keys].sort();
}

describe('side panel messages', () => {
  it.each(Object.keys(locales))('%s has every key the panel uses', (lang) => {
    const missing = usedKeys().filter((key) => !locales[lang]?.[key]);
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(locales))(
    '%s: every key is a valid message name (browsers refuse to load others)',
    (lang) => {
      expect(Object.keys(locales[lang] ?? {}).filter((key) => !/^[A-Za-z0-9_@]+$/.test(key))).toEqual([]);
    },
  );

  it('nl and en have the same sidepanel keys with the same placeholders', () => {
    const shape = (messages: Messages) =>
      Object.entries(messages)
        .filter(([key]) => key.startsWith('sidepanel_'))
        .map(([key, entry]) => [key, Object.keys(entry.placeholders ?? {})]);
    expect(shape(en)).toEqual(shape(nl));
  });

  it.each(Object.keys(locales))('%s: every $NAME$ has a placeholder', (lang) => {
    for (const [key, entry] of Object.entries(locales[lang] ?? {})) {
      if (!key.startsWith('sidepanel_')) continue;
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z_]+)\$/g)) {
        expect(entry.placeholders?.[(name ?? '').toLowerCase()], `${lang} ${key} $${name}$`).toBeDefined();
      }
    }
  });
});
