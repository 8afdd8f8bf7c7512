import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locales: Record<string, Messages> = { nl, en };
const REASONS = [
  'notObject',
  'missing',
  'notString',
  'tooLong',
  'notDate',
  'notUrl',
  'notWebAddress',
  'notArray',
  'tooMany',
  'notId',
  'badRange',
  'noQuote',
  'unknownType',
  'notJson',
];

/** Every `annotate_*` key the annotation code names (dynamic reasons expanded). */
function usedKeys(): string[] {
  const files = [
    ...readdirSync('components/annotations').map((f) => join('components/annotations', f)),
    ...readdirSync('entrypoints/content')
      .filter((f) => f.startsWith('annotate-'))
      .map((f) => join('entrypoints/content', f)),
    'components/sidepanel/PanelApp.tsx',
  ];
  const keys = new Set<string>(REASONS.map((r) => `annotate_reason_${r}`));
  for (const file of files) {
    for (const [key] of readFileSync(file, 'utf8').matchAll(/annotate_[A-Za-z_]+/g))
      if (key !== 'annotate_reason_') keys.add(key);
  }
  return [...keys].sort();
}

describe('annotate_ messages', () => {
  it.each(Object.keys(locales))('%s has every key the code uses', (lang) => {
    const missing = usedKeys().filter((key) => !(key in (locales[lang] as Messages)));
    expect(missing).toEqual([]);
  });

  it('nl and en have the same keys and placeholders', () => {
    const keys = (m: Messages) =>
      Object.keys(m)
        .filter((k) => k.startsWith('annotate_'))
        .sort();
    expect(keys(en)).toEqual(keys(nl));
    for (const key of keys(nl)) {
      expect(Object.keys((en as Messages)[key]?.placeholders ?? {}), key).toEqual(
        Object.keys((nl as Messages)[key]?.placeholders ?? {}),
      );
    }
  });
});
