import { describe, expect, it } from 'vitest';
import {
  checkNoteFrameEvent,
  checkNoteFrameNotice,
  checkNoteFrameTarget,
  noteOfTarget,
} from '../../../data/annotations/note-frame';
import { SAMPLE_NEW_TARGET, sampleRecord } from '../../fixtures/annotations/arbitraries';

const NEW = SAMPLE_NEW_TARGET;
const VALUES = { note: 'Controleren', tags: ['Bijstand', 'bijstand'], linked: [] };
const NOW = new Date('2026-05-01T12:00:00.000Z');

describe('note frame targets', () => {
  it('a new note’s target is taken cleaned: the address normalized', () => {
    expect(
      checkNoteFrameTarget({ ...NEW, source: `${NEW.kind === 'new' ? NEW.source : ''}?utm_source=x#a` }),
    ).toEqual({
      ok: true,
      value: NEW,
    });
  });

  it('an edit’s target is a valid stored note', () => {
    expect(checkNoteFrameTarget({ kind: 'edit', record: sampleRecord() })).toEqual({
      ok: true,
      value: { kind: 'edit', record: sampleRecord() },
    });
  });

  it.each([
    ['not an object', 'x'],
    ['an unknown kind', { ...NEW, kind: 'page' }],
    ['a javascript: address', { ...NEW, source: 'javascript:alert(1)' }],
    ['a quote that is not a selector', { ...NEW, quote: 'bijna' }],
    ['a title that is not text', { ...NEW, title: 5 }],
    ['an edit of a broken note', { kind: 'edit', record: { id: 'x' } }],
  ])('refuses %s', (_label, target) => {
    expect(checkNoteFrameTarget(target).ok).toBe(false);
  });

  it('Save builds a new note from the target and the values', () => {
    const note = noteOfTarget(NEW, VALUES, NOW);
    expect(note).toMatchObject({
      created: NOW.toISOString(),
      modified: NOW.toISOString(),
      target: { source: NEW.source, title: 'Kabinet wil Participatiewet versoepelen' },
      body: { note: 'Controleren', tags: ['Bijstand'], linkedDocumentIds: [] },
    });
    expect(note.target.selectors).toEqual(NEW.kind === 'new' ? [NEW.quote, NEW.position] : []);
  });

  it('Save of an edit changes the body only', () => {
    const record = sampleRecord();
    const note = noteOfTarget({ kind: 'edit', record }, VALUES, NOW);
    expect(note).toMatchObject({ id: record.id, created: record.created, target: record.target });
    expect(note.body.note).toBe('Controleren');
  });
});

describe('note frame events and notices', () => {
  it('the frame’s save is an event, never a notice to the page; saved is a notice only', () => {
    const save = { type: 'save', values: { note: 'x', tags: [], linked: [] } };
    expect(checkNoteFrameEvent(save).ok).toBe(true);
    expect(checkNoteFrameNotice(save).ok).toBe(false);
    expect(checkNoteFrameNotice({ type: 'saved' })).toEqual({ ok: true, value: { type: 'saved' } });
    expect(checkNoteFrameEvent({ type: 'saved' }).ok).toBe(false);
  });

  it.each([{ type: 'cancel' }, { type: 'edit' }, { type: 'size', width: 398, height: 412 }])(
    'passes %j on to the page',
    (notice) => {
      expect(checkNoteFrameNotice(notice)).toEqual({ ok: true, value: notice });
    },
  );
});
