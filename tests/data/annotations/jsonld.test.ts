import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportJsonLd, parseJsonLdExport, toJsonLd } from '../../../data/annotations/jsonld';
import { annotationRecord, sampleRecord } from '../../fixtures/annotations/arbitraries';

describe('W3C JSON-LD export', () => {
  it('writes a W3C Annotation with quote and position selectors, note, tags and links', () => {
    const json = toJsonLd(sampleRecord());
    expect(json).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      motivation: 'commenting',
      target: {
        source: {
          id: 'https://www.nu.nl/politiek/participatiewet',
          type: 'Text',
          'dc:title': 'Kabinet past Participatiewet aan',
        },
        selector: [
          { type: 'TextQuoteSelector', exact: 'bijna 406 duizend mensen' },
          { type: 'TextPositionSelector', start: 120, end: 144 },
        ],
      },
    });
    expect(json.body).toEqual([
      { type: 'TextualBody', value: 'Check CBS-cijfer', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'bijstand', purpose: 'tagging' },
      { type: 'TextualBody', value: 'cijfers', purpose: 'tagging' },
      {
        type: 'SpecificResource',
        purpose: 'linking',
        id: 'urn:kamerlens:document:kst-34352-349',
        source: expect.stringContaining('kst-34352-349'),
      },
    ]);
  });

  it('round-trips every valid note exactly (export → import → equal)', () => {
    fc.assert(
      fc.property(fc.array(annotationRecord, { maxLength: 8 }), (records) => {
        const parsed = parseJsonLdExport(exportJsonLd(records));
        expect(parsed.issues).toEqual([]);
        expect(parsed.records).toEqual(records);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts a single annotation, a page and a bare array too', () => {
    const one = toJsonLd(sampleRecord());
    for (const json of [one, { type: 'AnnotationPage', items: [one] }, [one]]) {
      expect(parseJsonLdExport(JSON.stringify(json)).records).toEqual([sampleRecord()]);
    }
  });
});

describe('JSON-LD import checks', () => {
  const valid = toJsonLd(sampleRecord());
  const cases: { name: string; file: string; index: number; field: string; reason: string }[] = [
    { name: 'not JSON', file: '{"type": "Annot', index: -1, field: '', reason: 'notJson' },
    { name: 'not an annotation file', file: '{"hello": 1}', index: -1, field: 'type', reason: 'unknownType' },
    {
      name: 'item without id',
      file: JSON.stringify([{ ...valid, id: undefined }]),
      index: 0,
      field: 'id',
      reason: 'missing',
    },
    {
      name: 'bad date',
      file: JSON.stringify([valid, { ...valid, created: 'gisteren' }]),
      index: 1,
      field: 'created',
      reason: 'notDate',
    },
    {
      name: 'source not a URL',
      file: JSON.stringify([{ ...valid, target: { ...valid.target, source: { id: 'geen url' } } }]),
      index: 0,
      field: 'target.source',
      reason: 'notUrl',
    },
    {
      name: 'source a javascript: address',
      file: JSON.stringify([
        { ...valid, target: { ...valid.target, source: { id: 'javascript:alert(1)' } } },
      ]),
      index: 0,
      field: 'target.source',
      reason: 'notWebAddress',
    },
    {
      name: 'source a data: address',
      file: JSON.stringify([{ ...valid, target: { ...valid.target, source: { id: 'data:text/html,x' } } }]),
      index: 0,
      field: 'target.source',
      reason: 'notWebAddress',
    },
    {
      name: 'source a file: address',
      file: JSON.stringify([{ ...valid, target: { ...valid.target, source: { id: 'file:///etc/passwd' } } }]),
      index: 0,
      field: 'target.source',
      reason: 'notWebAddress',
    },
    {
      name: 'source a chrome-extension: address',
      file: JSON.stringify([
        { ...valid, target: { ...valid.target, source: { id: 'chrome-extension://abc/x.html' } } },
      ]),
      index: 0,
      field: 'target.source',
      reason: 'notWebAddress',
    },
    {
      name: 'no quote selector',
      file: JSON.stringify([
        {
          ...valid,
          target: { ...valid.target, selector: [{ type: 'TextPositionSelector', start: 1, end: 2 }] },
        },
      ]),
      index: 0,
      field: 'target.selectors',
      reason: 'noQuote',
    },
    {
      name: 'negative range',
      file: JSON.stringify([
        {
          ...valid,
          target: {
            ...valid.target,
            selector: [valid.target.selector[0], { type: 'TextPositionSelector', start: 5, end: 2 }],
          },
        },
      ]),
      index: 0,
      field: 'target.selectors[1]',
      reason: 'badRange',
    },
    {
      name: 'tag not a string',
      file: JSON.stringify([{ ...valid, body: [{ type: 'TextualBody', purpose: 'tagging', value: 7 }] }]),
      index: 0,
      field: 'body.tags[0]',
      reason: 'notString',
    },
    {
      name: 'foreign link',
      file: JSON.stringify([
        {
          ...valid,
          body: [{ type: 'SpecificResource', purpose: 'linking', source: 'https://evil.example/' }],
        },
      ]),
      index: 0,
      field: 'body[0].id',
      reason: 'notId',
    },
    {
      name: 'malformed document id',
      file: JSON.stringify([
        {
          ...valid,
          body: [{ type: 'SpecificResource', purpose: 'linking', id: 'urn:kamerlens:document:<script>' }],
        },
      ]),
      index: 0,
      field: 'body.linkedDocumentIds[0]',
      reason: 'notId',
    },
    {
      name: 'huge note',
      file: JSON.stringify([{ ...valid, body: [{ type: 'TextualBody', value: 'x'.repeat(20_001) }] }]),
      index: 0,
      field: 'body.note',
      reason: 'tooLong',
    },
  ];
  it.each(cases)('$name → item $index, $field: $reason', ({ file, index, field, reason }) => {
    const { issues } = parseJsonLdExport(file);
    expect(issues[0]).toMatchObject({ index, field, reason });
  });

  it('drops tracking parameters from imported page URLs', () => {
    const tracked = {
      ...valid,
      target: { ...valid.target, source: { id: 'https://www.nu.nl/a?utm_source=x&id=3#top', type: 'Text' } },
    };
    expect(parseJsonLdExport(JSON.stringify([tracked])).records[0]?.target.source).toBe(
      'https://www.nu.nl/a?id=3',
    );
  });
});
