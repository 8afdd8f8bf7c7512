import { afterEach, describe, expect, it } from 'vitest';
import type { MarkedReference } from '../../../../entrypoints/content/scanner/mark-registry';
import { type PageScanner, startPageScanner } from '../../../../entrypoints/content/scanner/page-scanner';
import { markedIds } from './scanner-helpers';

/** Animation frames the test runs by hand: the scanner's writes wait in `waiting` until then. */
function heldFrames() {
  const waiting: (() => void)[] = [];
  let holding = true;
  return {
    waiting,
    nextFrame(run: () => void): void {
      if (holding) waiting.push(run);
      else setTimeout(run, 0);
    },
    /** Runs the frames asked for so far (and any they ask for, when `all`). */
    run(all = false): void {
      do {
        for (const frame of waiting.splice(0)) frame();
      } while (all && waiting.length > 0);
    },
    release(): void {
      holding = false;
      for (const frame of waiting.splice(0)) setTimeout(frame, 0);
    },
  };
}

/** Lets `count` tasks run (the scanner reads one slice per task); counts tasks, never time. */
async function tasks(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((done) => setTimeout(done, 0));
}

const stops: AbortController[] = [];
afterEach(() => {
  for (const controller of stops.splice(0)) controller.abort();
  document.body.innerHTML = '';
});

function start(
  html: string,
  frames: ReturnType<typeof heldFrames>,
  options: { writeBudgetMs?: number; roleDescription?: () => string } = {},
): PageScanner {
  document.body.innerHTML = html;
  const controller = new AbortController();
  stops.push(controller);
  return startPageScanner({
    document,
    signal: controller.signal,
    roleDescription: options.roleDescription ?? 'verwijzing',
    // One block per slice: a pass over this page takes several slices.
    budgetMs: 0,
    writeBudgetMs: options.writeBudgetMs ?? 1_000,
    nextFrame: frames.nextFrame,
  });
}

const PARAGRAPHS = [340, 341, 342, 343, 344, 345]
  .map((n) => `<p>Zie Kamerstuk 34 352, nr. ${n}, en verder.</p>`)
  .join('');

describe('page scanner: marks are written once per animation frame', () => {
  it('reads in slices and writes every mark of the pass in one frame', async () => {
    const frames = heldFrames();
    const scanner = start(PARAGRAPHS, frames);
    const marked: MarkedReference[][] = [];
    scanner.registry.onMarked((references) => marked.push(references));
    await tasks(30);
    // Six slices have read six blocks; nothing is written before the frame.
    expect(document.querySelectorAll('kamerlens-ref')).toHaveLength(0);
    expect(frames.waiting).toHaveLength(1);
    frames.run();
    expect(markedIds()).toEqual([340, 341, 342, 343, 344, 345].map((n) => `kst-34352-${n}`));
    expect(marked).toHaveLength(1);
    frames.release();
    await scanner.idle();
  });

  it('writes what a frame’s budget leaves over in the next frames, in reading order', async () => {
    const frames = heldFrames();
    const scanner = start(PARAGRAPHS, frames, { writeBudgetMs: 0 });
    await tasks(30);
    const seen: number[] = [];
    while (frames.waiting.length > 0) {
      frames.run();
      seen.push(document.querySelectorAll('kamerlens-ref').length);
    }
    // A zero budget still writes one block per frame (at least one step runs).
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    frames.release();
    await scanner.idle();
  });

  it('does not write a block whose text the page changed after it was read, and reads it again', async () => {
    const frames = heldFrames();
    const scanner = start('<p id="p">Zie Kamerstuk 34 352, nr. 340, en verder.</p>', frames);
    await tasks(10);
    expect(frames.waiting).toHaveLength(1);
    const text = document.getElementById('p')?.firstChild as Text;
    text.data = 'Zie Kamerstuk 34 352, nr. 349, en verder.';
    frames.release();
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-34352-349']);
    expect(document.getElementById('p')?.textContent).toBe('Zie Kamerstuk 34 352, nr. 349, en verder.');
  });

  it('does not wrap text the page moved elsewhere after it was read', async () => {
    const frames = heldFrames();
    const scanner = start(
      '<p id="from">Zie Kamerstuk 34 352, nr. 340.</p><blockquote id="to"></blockquote>',
      frames,
    );
    await tasks(10);
    const text = document.getElementById('from')?.firstChild as Text;
    document.getElementById('to')?.append(text);
    frames.release();
    await scanner.idle();
    // Marked once, where the text now is.
    expect(markedIds()).toEqual(['kst-34352-340']);
    expect(document.querySelector('#to > kamerlens-ref')).not.toBeNull();
    expect(document.getElementById('from')?.childNodes).toHaveLength(0);
  });

  it('drops an older plan for text read again before the frame: it is never written', async () => {
    const frames = heldFrames();
    const scanner = start('<p id="p">Zie Kamerstukken II 2025/26, 34352</p>', frames);
    const unmarked: MarkedReference[] = [];
    scanner.registry.onUnmarked((references) => unmarked.push(...references));
    await tasks(10);
    // The page completes the reference: the block is read again before the first plan was written.
    document.getElementById('p')?.append(', nr. 349.');
    await tasks(10);
    frames.release();
    await scanner.idle();
    expect(markedIds()).toEqual(['kst-34352-349']);
    expect(document.querySelectorAll('kamerlens-ref kamerlens-ref')).toHaveLength(0);
    // The dossier alone was never marked, so nothing had to be unmarked.
    expect(unmarked).toEqual([]);
  });

  it('asks for the role description only when it writes a keyboard stop, and once', async () => {
    const frames = heldFrames();
    frames.release();
    let asked = 0;
    const roleDescription = () => {
      asked++;
      return 'verwijzing';
    };
    const empty = start('<p>Geen verwijzingen, alleen 12 cijfers.</p>', frames, { roleDescription });
    await empty.idle();
    expect(asked).toBe(0);
    stops.pop()?.abort();
    const scanner = start(PARAGRAPHS, frames, { roleDescription });
    await scanner.idle();
    expect(asked).toBe(1);
    expect(
      [...document.querySelectorAll('kamerlens-ref[tabindex]')].map((m) =>
        m.getAttribute('aria-roledescription'),
      ),
    ).toEqual(Array(6).fill('verwijzing'));
  });

  it('keeps nothing to write once the document becomes editable', async () => {
    const frames = heldFrames();
    const scanner = start(PARAGRAPHS, frames);
    await tasks(30);
    document.designMode = 'on';
    try {
      frames.release();
      await scanner.idle();
      expect(document.querySelectorAll('kamerlens-ref')).toHaveLength(0);
    } finally {
      document.designMode = 'off';
    }
  });
});
