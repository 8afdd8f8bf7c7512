import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IssueReason } from '../../../data/annotations/validate-annotation';
import type { CitationKind } from '../../../data/citations/types';
import type { DocumentRecord, DocumentType } from '../../../data/dataset/types';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locales: Record<string, Messages> = { nl, en };

// The values behind keys the code builds at run time (`t(`popover_kind_${kind}`)`). Records over the
// domain types, so a new kind or reason without an entry here is a compile error.
const KINDS = Object.keys({
  kamerstuk: 1,
  dossier: 1,
  handelingen: 1,
  aanhangsel: 1,
  zaak: 1,
  document: 1,
} satisfies Record<CitationKind, 1>);
const TYPES = [...Object.keys({ antwoord: 1, brief: 1 } satisfies Record<DocumentType, 1>), ...KINDS];
const SUMMARY_SOURCES = Object.keys({ editorial: 1, extractive: 1 } satisfies Record<
  NonNullable<DocumentRecord['summarySource']>,
  1
>);
const CHAMBERS = Object.keys({ TK: 1, EK: 1, VV: 1 } satisfies Record<
  NonNullable<DocumentRecord['chamber']>,
  1
>);
const REASONS = Object.keys({
  notObject: 1,
  missing: 1,
  notString: 1,
  tooLong: 1,
  notDate: 1,
  notUrl: 1,
  notWebAddress: 1,
  notArray: 1,
  tooMany: 1,
  notId: 1,
  badRange: 1,
  noQuote: 1,
  unknownType: 1,
  notJson: 1,
} satisfies Record<IssueReason, 1>);

const DYNAMIC: Record<string, string[]> = {
  popover_kind_: KINDS,
  popover_type_: ['antwoord', 'brief'],
  popover_chamber_: CHAMBERS,
  popover_summary_: SUMMARY_SOURCES,
  sidepanel_type_: TYPES,
  sidepanel_summary_source_: SUMMARY_SOURCES,
  annotate_reason_: REASONS,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(entry.name) ? [path] : [];
  });
}

/** Every message key the extension's code and manifest name, with the built ones expanded. */
function usedKeys(): string[] {
  const files = [...['components', 'data', 'entrypoints'].flatMap(sourceFiles), 'wxt.config.ts'];
  const keys = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(
      /(?<![A-Za-z0-9])(?:popover|sidepanel|annotate|mark|ext)_[A-Za-z0-9_]*/g,
    )) {
      const key = match[0];
      if (source.startsWith('${', (match.index ?? 0) + key.length)) {
        const values = DYNAMIC[key];
        if (!values) throw new Error(`${file}: a key built from ${key} that this test does not expand`);
        for (const value of values) keys.add(key + value);
      } else {
        // `__MSG_ext_name__` in the manifest ends in two underscores; a key prefix named in a
        // comment (`annotate_reason_<reason>`) in one.
        if (key.endsWith('__')) keys.add(key.slice(0, -2));
        else if (!key.endsWith('_')) keys.add(key);
      }
    }
  }
  return [...keys].sort();
}

describe('public/_locales messages', () => {
  const used = usedKeys();

  it('finds the keys the code uses', () => {
    expect(used).toContain('popover_locale');
    expect(used).toContain('sidepanel_type_antwoord');
    expect(used).toContain('annotate_reason_notJson');
    expect(used).toContain('ext_name');
  });

  it.each(Object.keys(locales))('%s has every key the code uses', (lang) => {
    expect(used.filter((key) => !locales[lang]?.[key])).toEqual([]);
  });

  it.each(Object.keys(locales))(
    '%s: every key is a valid message name (browsers refuse to load others)',
    (lang) => {
      expect(Object.keys(locales[lang] ?? {}).filter((key) => !/^[A-Za-z0-9_@]+$/.test(key))).toEqual([]);
    },
  );

  it('nl and en have the same keys with the same placeholders', () => {
    const shape = (messages: Messages) =>
      Object.entries(messages)
        .map(([key, entry]) => [key, Object.keys(entry.placeholders ?? {}).sort()])
        .sort();
    expect(shape(en)).toEqual(shape(nl));
  });

  it.each(Object.keys(locales))('%s: every $NAME$ has a placeholder', (lang) => {
    for (const [key, entry] of Object.entries(locales[lang] ?? {})) {
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z_]+)\$/g)) {
        expect(entry.placeholders?.[(name ?? '').toLowerCase()], `${lang} ${key} $${name}$`).toBeDefined();
      }
    }
  });
});
