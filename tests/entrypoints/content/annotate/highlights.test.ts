import { afterEach, describe, expect, it } from 'vitest';
import {
  highlightCss,
  newHighlightNames,
  removeLeftoverHighlights,
} from '../../../../entrypoints/content/annotate/highlights';

const originalCss = Object.getOwnPropertyDescriptor(globalThis, 'CSS');

/** happy-dom has no highlight registry: a map stands in for the page's `CSS.highlights`. */
const withRegistry = (): Map<string, unknown> => {
  const registry = new Map<string, unknown>();
  const css = ((globalThis as { CSS?: object }).CSS ?? {}) as { highlights?: unknown };
  Object.defineProperty(globalThis, 'CSS', { value: { ...css, highlights: registry }, configurable: true });
  return registry;
};

const addStyle = (parent: Element, text: string): HTMLStyleElement => {
  const style = document.createElement('style');
  style.textContent = text;
  parent.append(style);
  return style;
};

afterEach(() => {
  if (originalCss) Object.defineProperty(globalThis, 'CSS', originalCss);
  else delete (globalThis as { CSS?: unknown }).CSS;
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('removeLeftoverHighlights', () => {
  it("takes away an older copy's styles and highlights, and nothing of the page's", () => {
    const registry = withRegistry();
    const old = newHighlightNames();
    addStyle(document.head, highlightCss(old));
    registry.set(old.note, 'old notes');
    registry.set(old.active, 'old active');
    // The page's own: a rule for a name like ours with other text, and our text in the body.
    const lookalike = addStyle(document.head, `\n::highlight(h0123456789abcdef) { color: red; }\n`);
    registry.set('h0123456789abcdef', 'the page’s');
    const inBody = addStyle(document.body, highlightCss(newHighlightNames()));

    expect(removeLeftoverHighlights(document)).toBe(1);
    expect([...registry.keys()]).toEqual(['h0123456789abcdef']);
    expect([...document.querySelectorAll('style')]).toEqual([lookalike, inBody]);
  });

  it('finds nothing on a page no copy painted', () => {
    withRegistry();
    addStyle(document.head, 'p { margin: 0 }');
    expect(removeLeftoverHighlights(document)).toBe(0);
    expect(document.querySelectorAll('style')).toHaveLength(1);
  });
});
