import { afterEach, describe, expect, it } from 'vitest';
import { markedIds, scanPage } from './scanner-helpers';

const CONTROL = '<p>Controle: Kamerstuk 34 352, nr. 340.</p>';

/** happy-dom has no `designMode`: give the document one that behaves like a browser's. */
function setDesignMode(value: 'on' | 'off'): void {
  Object.defineProperty(document, 'designMode', { value, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(document, 'designMode');
});

describe('page scanner: editable documents and fields', () => {
  it.each([
    ['role=textbox', '<div role="textbox" aria-multiline="true"><p>Kamerstuk 34352-349</p></div>'],
    ['role=searchbox', '<div role="searchbox">Kamerstuk 34352-349</div>'],
    ['role=combobox', '<div role="combobox" aria-expanded="false">Kamerstuk 34352-349</div>'],
    ['a role list with textbox', '<div role="TextBox region">Kamerstuk 34352-349</div>'],
    ['a contenteditable body of text', '<article contenteditable=""><p>Kamerstuk 34352-349</p></article>'],
  ])('skips %s', async (_name, html) => {
    await scanPage(`${html}${CONTROL}`);
    expect(markedIds()).toEqual(['kst-34352-340']);
  });

  it('marks nothing in a document that is in design mode from the start', async () => {
    setDesignMode('on');
    await scanPage(`<p>Kamerstuk 34352-349</p>${CONTROL}`);
    expect(document.querySelectorAll('kamerlens-ref')).toHaveLength(0);
  });

  it('unwraps every mark when design mode is switched on, and marks again when it is off', async () => {
    const { scanner } = await scanPage(`<p id="p">Kamerstuk 34352-349</p>${CONTROL}`);
    const unmarked: string[] = [];
    scanner.registry.onUnmarked((refs) => unmarked.push(...refs.map((r) => r.citation.ids.join(' '))));
    const html = document.body.innerHTML;
    setDesignMode('on');
    document.dispatchEvent(new Event('selectionchange'));
    expect(document.querySelectorAll('kamerlens-ref')).toHaveLength(0);
    expect(unmarked.sort()).toEqual(['kst-34352-340', 'kst-34352-349']);
    expect(scanner.registry.pageReferences()).toEqual([]);
    expect(html).toContain('kamerlens-ref');

    // What the reader types while editing is not marked either.
    document.getElementById('p')?.append(' en Kamerstuk 36 600 XV, nr. 85');
    await scanner.idle();
    expect(document.querySelectorAll('kamerlens-ref')).toHaveLength(0);

    setDesignMode('off');
    document.dispatchEvent(new Event('focusin'));
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-34352-349', 'kst-36600-XV-85', 'kst-34352-340']);
  });

  it('unwraps the marks in a region that becomes editable, and keeps the rest', async () => {
    const { scanner } = await scanPage(
      `<div id="e"><p>Kamerstuk 34352-349</p></div><p>Zie <span id="s">Kamerstuk 36 600 XV, nr. 85</span></p>${CONTROL}`,
    );
    expect(markedIds()).toEqual(['kst-34352-349', 'kst-36600-XV-85', 'kst-34352-340']);
    document.getElementById('e')?.setAttribute('contenteditable', 'true');
    document.getElementById('s')?.setAttribute('role', 'textbox');
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-34352-340']);
    expect(document.getElementById('e')?.innerHTML).toBe('<p>Kamerstuk 34352-349</p>');

    document.getElementById('s')?.removeAttribute('role');
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-36600-XV-85', 'kst-34352-340']);
  });

  it('drops a queued scope whose region became editable before it was scanned', async () => {
    const { scanner } = await scanPage(`<div id="e"></div>${CONTROL}`);
    const region = document.getElementById('e') as HTMLElement;
    region.innerHTML = '<p>Kamerstuk 34352-349</p>';
    region.setAttribute('role', 'textbox');
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-34352-340']);
  });
});
