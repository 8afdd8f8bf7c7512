import { describe, expect, it } from 'vitest';
import { quietStart } from '../../../entrypoints/content/quiet-start';

const STARTED = 'some-extension-id:content:wxt:content-script-started';

/** Dispatches `type` on `document` (as WXT's context does) and tells whether a listener heard it. */
function heard(type: string): boolean {
  let got = false;
  const listener = () => {
    got = true;
  };
  document.addEventListener(type, listener);
  document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content' } }));
  document.removeEventListener(type, listener);
  return got;
}

describe('quietStart', () => {
  it("keeps WXT's start announcement from every listener until it is lifted, and nothing else", () => {
    const lift = quietStart(document);
    expect(heard(STARTED)).toBe(false);
    expect(heard('click')).toBe(true);
    expect(heard('kamerlens:other')).toBe(true);
    lift();
    expect(Object.hasOwn(document, 'dispatchEvent')).toBe(false);
    expect(heard(STARTED)).toBe(true);
  });
});
