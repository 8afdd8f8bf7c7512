/** fast-check generators for valid annotation records (as stored). */
import fc from 'fast-check';
import type { AnnotationRecord } from '../../../data/annotations/model';

const iso = fc
  .integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') })
  .map((t) => new Date(t).toISOString());

const docId = fc.constantFrom(
  'kst-34352-349',
  'kst-36600-XV-85',
  'ah-tk-20242025-520',
  '2024Z15690',
  'local-004',
  'dossier-36582',
);

/** A stored note: as `validateAnnotation` would leave it. */
export const annotationRecord: fc.Arbitrary<AnnotationRecord> = fc
  .record({
    id: fc.uuid().map((u) => `urn:uuid:${u}`),
    created: iso,
    modified: iso,
    path: fc.constantFrom('/nieuws/a', '/artikel?id=5', '/x/y.html', '/'),
    host: fc.constantFrom('https://www.nu.nl', 'https://nos.nl', 'http://127.0.0.1:8080'),
    title: fc.option(fc.string({ minLength: 1, maxLength: 60 }), { nil: undefined }),
    exact: fc.string({ minLength: 1, maxLength: 200 }),
    prefix: fc.string({ maxLength: 32 }),
    suffix: fc.string({ maxLength: 32 }),
    position: fc.option(fc.tuple(fc.nat(100_000), fc.nat(300)), { nil: null }),
    note: fc.string({ maxLength: 300 }),
    tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 5 }),
    linked: fc.uniqueArray(docId, { maxLength: 3 }),
  })
  .map((r) => ({
    id: r.id,
    created: r.created,
    modified: r.modified,
    target: {
      source: new URL(r.path, r.host).href,
      ...(r.title === undefined ? {} : { title: r.title }),
      selectors: [
        { type: 'TextQuoteSelector' as const, exact: r.exact, prefix: r.prefix, suffix: r.suffix },
        ...(r.position === null
          ? []
          : [
              {
                type: 'TextPositionSelector' as const,
                start: r.position[0],
                end: r.position[0] + r.position[1],
              },
            ]),
      ],
    },
    body: { note: r.note, tags: r.tags, linkedDocumentIds: r.linked },
  }));

/** A fixed, readable note for table tests. */
export function sampleRecord(overrides: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    created: '2026-03-01T10:00:00.000Z',
    modified: '2026-03-01T10:00:00.000Z',
    target: {
      source: 'https://www.nu.nl/politiek/participatiewet',
      title: 'Kabinet past Participatiewet aan',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'bijna 406 duizend mensen',
          prefix: 'Eind december 2024 ontvingen in totaal ',
          suffix: ' een bijstandsuitkering.',
        },
        { type: 'TextPositionSelector', start: 120, end: 144 },
      ],
    },
    body: { note: 'Check CBS-cijfer', tags: ['bijstand', 'cijfers'], linkedDocumentIds: ['kst-34352-349'] },
    ...overrides,
  };
}
