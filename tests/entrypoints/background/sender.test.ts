import { describe, expect, it } from 'vitest';
import { classifySender, type MessageSenderLike } from '../../../entrypoints/background/sender';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('classifySender', () => {
  it.each<[string, MessageSenderLike, string]>([
    ['side panel page', { id: ID, url: `${ORIGIN}sidepanel.html` }, 'extension-page'],
    [
      'side panel opened as a tab',
      { id: ID, url: `${ORIGIN}sidepanel.html`, tab: { id: 4, windowId: 1 } },
      'extension-page',
    ],
    [
      'content script',
      { id: ID, url: 'https://www.tweedekamer.nl/x', tab: { id: 4, windowId: 1 } },
      'content-script',
    ],
    [
      'content script on a page whose URL imitates the extension',
      { id: ID, url: `https://evil.nl/${ORIGIN}`, tab: { id: 4 } },
      'content-script',
    ],
    [
      'another extension',
      { id: 'otherextension', url: 'chrome-extension://otherextension/x.html' },
      'foreign',
    ],
    ['no id', { url: `${ORIGIN}sidepanel.html` }, 'foreign'],
    ['no tab and no extension URL', { id: ID, url: 'https://x.nl/' }, 'foreign'],
  ])('%s → %s', (_label, sender, kind) => {
    expect(classifySender(sender, ID, ORIGIN).kind).toBe(kind);
  });

  it('carries the tab and window of a content script', () => {
    expect(classifySender({ id: ID, url: 'https://x.nl/', tab: { id: 9, windowId: 2 } }, ID, ORIGIN)).toEqual(
      {
        kind: 'content-script',
        tabId: 9,
        windowId: 2,
      },
    );
  });
});
