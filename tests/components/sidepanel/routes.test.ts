import { describe, expect, it } from 'vitest';
import { parseRoute, type Route, routeHash } from '../../../components/sidepanel/routes';
import { sidePanelPath } from '../../../data/messages';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { name: 'library' }],
    ['#/', { name: 'library' }],
    ['#/nonsense/here', { name: 'library' }],
    ['#/page', { name: 'page' }],
    ['#/about', { name: 'about' }],
    ['#/doc/kst-34352-349', { name: 'doc', id: 'kst-34352-349', target: null }],
    [
      '#/doc/kst-34352-349/q/2',
      { name: 'doc', id: 'kst-34352-349', target: { kind: 'question', number: '2' } },
    ],
    [
      '#/doc/kst-34352-349/a/3',
      { name: 'doc', id: 'kst-34352-349', target: { kind: 'answer', number: '3' } },
    ],
    ['#/doc/kst-34352-349/s/1', { name: 'doc', id: 'kst-34352-349', target: { kind: 'section', index: 1 } }],
    ['#/doc/kst-34352-349/s/x', { name: 'doc', id: 'kst-34352-349', target: null }],
    [
      '#/doc/kst-34352-349?q=4',
      { name: 'doc', id: 'kst-34352-349', target: { kind: 'question', number: '4' } },
    ],
    ['#/doc/%E0%A4%A', { name: 'library' }],
  ])('%j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each<Route>([
    { name: 'library' },
    { name: 'page' },
    { name: 'about' },
    { name: 'doc', id: 'ah-tk-20242025-520', target: null },
    { name: 'doc', id: 'local-002', target: { kind: 'answer', number: '3' } },
    { name: 'doc', id: 'a/b c', target: { kind: 'question', number: '1a' } },
    { name: 'doc', id: 'kst-34352-349', target: { kind: 'section', index: 0 } },
  ])('round-trips %j', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it("reads the background's sidePanelPath links", () => {
    const hash = sidePanelPath('kst-34352-349', '2').replace(/^sidepanel\.html/, '');
    expect(parseRoute(hash)).toEqual({
      name: 'doc',
      id: 'kst-34352-349',
      target: { kind: 'question', number: '2' },
    });
  });
});
