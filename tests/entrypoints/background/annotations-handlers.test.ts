import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../data/annotations/model';
import { dispatchMessage } from '../../../entrypoints/background/dispatch-message';
import { sampleRecord } from '../../fixtures/annotations/arbitraries';
import { forgedServices, SENDERS } from './forged-services';

async function setup() {
  const { services, notified, clock } = await forgedServices();
  const send = (type: string, payload: unknown, sender: keyof typeof SENDERS = 'page') =>
    dispatchMessage({ type, payload }, SENDERS[sender], services);
  return { send, notified, setNow: (date: string) => (clock.now = Date.parse(date)) };
}

describe('annotation messages', () => {
  it('saves from a content script, sets modified, lists per page (URL normalized) and notifies', async () => {
    const { send, notified } = await setup();
    const saved = await send('saveAnnotation', { annotation: sampleRecord() });
    expect(saved).toMatchObject({ ok: true, value: { modified: '2026-05-01T12:00:00.000Z' } });
    const listed = await send('annotationsForPage', {
      url: 'https://www.nu.nl/politiek/participatiewet?utm_source=x#a',
    });
    expect(listed.ok && (listed.value as AnnotationRecord[]).map((r) => r.id)).toEqual([sampleRecord().id]);
    expect(notified).toEqual(['https://www.nu.nl/politiek/participatiewet']);
  });

  it('an update keeps created and target, and modified always moves forward', async () => {
    const { send, setNow } = await setup();
    await send('saveAnnotation', { annotation: sampleRecord() });
    setNow('2020-01-01T00:00:00.000Z'); // the clock went back
    const moved = {
      ...sampleRecord(),
      created: '2000-01-01T00:00:00.000Z',
      target: { source: 'https://evil.example/', selectors: sampleRecord().target.selectors },
    };
    const answer = await send('saveAnnotation', {
      annotation: { ...moved, body: { ...moved.body, note: 'bewerkt' } },
    });
    expect(answer.ok).toBe(true);
    const value = (answer as { value: AnnotationRecord }).value;
    expect(value.created).toBe(sampleRecord().created);
    expect(value.target).toEqual(sampleRecord().target);
    expect(value.body.note).toBe('bewerkt');
    expect(value.modified).toBe('2026-05-01T12:00:00.001Z');
  });

  it.each([
    [
      'saveAnnotation',
      { annotation: { ...sampleRecord(), body: { note: 5, tags: [], linkedDocumentIds: [] } } },
      'body.note: notString',
    ],
    ['saveAnnotation', { annotation: sampleRecord(), extra: 1 }, 'unexpected payload field: extra'],
    ['deleteAnnotation', { id: '' }, 'id must be a note id'],
    ['searchDocuments', { query: 'x'.repeat(301) }, 'query must be a string of at most 300 characters'],
  ])('%s refuses %j', async (type, payload, error) => {
    const { send } = await setup();
    const answer = await send(type, payload);
    expect(answer.ok).toBe(false);
    expect((answer as { error: string }).error).toContain(error);
  });

  it.each(['listAnnotations', 'annotationsForDocuments', 'restoreAnnotation', 'importAnnotations'])(
    '%s is refused from a content script',
    async (type) => {
      const { send } = await setup();
      const answer = await send(type, {});
      expect(answer).toEqual({ ok: false, error: `${type} is only accepted from extension pages` });
    },
  );

  it('delete answers the note for undo; restore puts it back unchanged', async () => {
    const { send } = await setup();
    const saved = (await send('saveAnnotation', { annotation: sampleRecord() })) as {
      value: AnnotationRecord;
    };
    const deleted = await send('deleteAnnotation', { id: sampleRecord().id });
    expect(deleted).toEqual({ ok: true, value: saved.value });
    await send('restoreAnnotation', { annotation: saved.value }, 'panel');
    expect(await send('listAnnotations', {}, 'panel')).toEqual({ ok: true, value: [saved.value] });
    expect(await send('annotationsForDocuments', { ids: ['kst-34352-349'] }, 'panel')).toEqual({
      ok: true,
      value: [saved.value],
    });
  });

  it('imports through the background and reports refused items', async () => {
    const { send, notified } = await setup();
    const answer = await send('importAnnotations', { json: '[{"type":"Annotation"}]' }, 'panel');
    expect(answer).toEqual({
      ok: true,
      value: { status: 'rejected', issues: [{ index: 0, id: null, field: 'id', reason: 'missing' }] },
    });
    expect(notified).toEqual([]);
  });

  it('suggests documents for linking', async () => {
    const { send } = await setup();
    const answer = await send('searchDocuments', { query: 'Kamerstuk 34352, nr. 349' });
    expect(answer.ok && (answer.value as { id: string }[])[0]?.id).toBe('kst-34352-349');
  });
});
