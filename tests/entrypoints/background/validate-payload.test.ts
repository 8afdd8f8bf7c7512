import { describe, expect, it } from 'vitest';
import {
  emptyPayload,
  lookupPayload,
  openSidePanelPayload,
  urlPayload,
} from '../../../entrypoints/background/validate-payload';

describe('payload validators', () => {
  it.each([
    ['ids missing', {}, /ids must be an array/],
    ['ids not an array', { ids: 'kst-34352-349' }, /ids must be an array/],
    ['201 ids', { ids: Array(201).fill('kst-1-1') }, /at most 200/],
    ['an id too long', { ids: ['k'.repeat(101)] }, /at most 100/],
    ['an id not a string', { ids: [{ toString: 1 }] }, /strings/],
    ['an extra field', { ids: [], sql: 'drop' }, /unexpected payload field: sql/],
  ])('lookup refuses %s', (_label, payload, error) => {
    const checked = lookupPayload(payload);
    expect(checked.ok ? '' : checked.error).toMatch(error);
  });

  it('lookup lets malformed ids of the right size through (they answer "not found")', () => {
    expect(lookupPayload({ ids: ['bad id', 'kst-34352-349'] })).toEqual({
      ok: true,
      value: { ids: ['bad id', 'kst-34352-349'] },
    });
  });

  it.each([
    ['a malformed documentId', { documentId: '../x' }, /documentId/],
    ['a question too long', { documentId: 'kst-34352-349', question: '1'.repeat(21) }, /question/],
  ])('openSidePanel refuses %s', (_label, payload, error) => {
    const checked = openSidePanelPayload(payload);
    expect(checked.ok ? '' : checked.error).toMatch(error);
  });

  it('openSidePanel keeps a question only when given', () => {
    expect(openSidePanelPayload({ documentId: 'kst-34352-349' })).toEqual({
      ok: true,
      value: { documentId: 'kst-34352-349' },
    });
  });

  it.each([
    ['not a URL', { url: 'not a url' }, /not a URL/],
    ['too long', { url: `https://x.nl/${'a'.repeat(2048)}` }, /2048/],
  ])('url refuses %s', (_label, payload, error) => {
    const checked = urlPayload(payload);
    expect(checked.ok ? '' : checked.error).toMatch(error);
  });

  it('an empty call takes {} or nothing, and refuses fields', () => {
    expect(emptyPayload(undefined)).toEqual({ ok: true, value: {} });
    expect(emptyPayload({})).toEqual({ ok: true, value: {} });
    expect(emptyPayload({ x: 1 }).ok).toBe(false);
  });
});
