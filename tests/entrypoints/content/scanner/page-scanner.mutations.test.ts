import { describe, expect, it } from 'vitest';
import type { MarkedReference } from '../../../../entrypoints/content/scanner/mark-registry';
import { markedIds, scanPage } from './scanner-helpers';

describe('page scanner: content that changes after load', () => {
  it('marks a paragraph added later, with its reference split over a link', async () => {
    const { scanner } = await scanPage('<main><p>Liveblog</p></main>');
    const seen: MarkedReference[][] = [];
    scanner.registry.onMarked((references) => seen.push(references));
    const p = document.createElement('p');
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = 'nr. 349';
    p.append('10.20 Zie Kamerstukken II 2025/26, 34352, ', link, '.');
    document.querySelector('main')?.append(p);
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-34352-349']);
    expect(seen.flat().map((r) => r.citation.ids)).toEqual([['kst-34352-349']]);
  });

  it('marks a reference whose text arrives in pieces, replacing the shorter mark', async () => {
    const { scanner } = await scanPage('<p id="p">Zie Kamerstukken II 2025/26, 34352</p>');
    const unmarked: MarkedReference[] = [];
    scanner.registry.onUnmarked((references) => unmarked.push(...references));
    const before = markedIds();
    document.getElementById('p')?.append(', nr. 349.');
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-34352-349']);
    expect(unmarked.map((r) => r.citation.ids.join(' '))).toEqual(before);
    expect(document.getElementById('p')?.textContent).toBe('Zie Kamerstukken II 2025/26, 34352, nr. 349.');
  });

  it('marks a text node whose text the page rewrote (characterData)', async () => {
    const { scanner } = await scanPage('<p id="live">Nog geen stukken.</p>');
    (document.getElementById('live')?.firstChild as Text).data = 'Genoemd: Kamerstuk 34 352, nr. 340.';
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-34352-340']);
  });

  it('unmarks and reads again a reference whose text the page changed', async () => {
    const { scanner } = await scanPage('<p>Zie Kamerstuk 34 352, nr. 340.</p>');
    const unmarked: MarkedReference[] = [];
    scanner.registry.onUnmarked((references) => unmarked.push(...references));
    const mark = document.querySelector('kamerlens-ref') as Element;
    (mark.firstChild as Text).data = 'Kamerstuk 34 352, nr. 341';
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-34352-341']);
    expect(unmarked.map((r) => r.citation.ids)).toEqual([['kst-34352-340']]);
    expect(document.body.textContent).toBe('Zie Kamerstuk 34 352, nr. 341.');
  });

  it('marks a region when the page unhides it', async () => {
    const { scanner } = await scanPage('<div id="d" hidden><p>Kamerstuk 34 352, nr. 340</p></div>');
    expect(markedIds()).toEqual([]);
    document.getElementById('d')?.removeAttribute('hidden');
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-34352-340']);
  });

  it('ignores content added inside skipped regions', async () => {
    const { scanner } = await scanPage(
      '<div contenteditable="true" id="e"></div><textarea id="t"></textarea>',
    );
    document
      .getElementById('e')
      ?.append(Object.assign(document.createElement('p'), { textContent: 'Kamerstuk 34352-349' }));
    (document.getElementById('t') as HTMLTextAreaElement).value = 'Kamerstuk 34352-349';
    await scanner.idle();
    expect(markedIds()).toEqual([]);
  });

  it('forgets references the page removed', async () => {
    const { scanner } = await scanPage(
      '<p id="a">Kamerstuk 34 352, nr. 340</p><p>Kamerstuk 34 352, nr. 349</p>',
    );
    expect(scanner.registry.pageReferences()).toHaveLength(2);
    document.getElementById('a')?.remove();
    await scanner.idle();
    expect(scanner.registry.pageReferences().map((r) => r.citation.ids)).toEqual([['kst-34352-349']]);
  });
});

describe('page scanner: slices', () => {
  it('yields to the page between slices: with no time budgets, one block per slice and per frame', async () => {
    const batches: number[][] = [];
    let tasksSeen = 0;
    const ticker = setInterval(() => {
      tasksSeen += 1;
    }, 0);
    await scanPage(
      '<p>Kamerstuk 34 352, nr. 340</p><p>geen</p><p>Kamerstuk 34 352, nr. 349</p><p>2024Z15690</p>',
      {
        budgetMs: 0,
        writeBudgetMs: 0,
        beforeIdle: (scanner) => scanner.registry.onMarked((refs) => batches.push(refs.map((r) => r.group))),
      },
    );
    clearInterval(ticker);
    expect(batches).toHaveLength(3);
    expect(batches.every((batch) => batch.length === 1)).toBe(true);
    // The page's own timer ran while the scan was under way.
    expect(tasksSeen).toBeGreaterThan(0);
  });

  it('stops when its signal aborts, leaving no marks behind', async () => {
    const { scanner, stop } = await scanPage('<p>Kamerstuk 34 352, nr. 340</p>');
    stop();
    document.body.append(
      Object.assign(document.createElement('p'), { textContent: 'Kamerstuk 34 352, nr. 349' }),
    );
    await scanner.idle();
    await new Promise((done) => setTimeout(done, 20));
    expect(document.querySelectorAll('kamerlens-ref')).toHaveLength(0);
  });
});
