import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardModel } from '../../../../components/popover/card-model';
import type { PopoverSurface, PopoverView } from '../../../../components/popover/popover-surface';
import type { Citation } from '../../../../data/citations/types';
import {
  createPopoverController,
  type PopoverController,
} from '../../../../entrypoints/content/popover/popover-controller';
import { DEFAULT_TIMING } from '../../../../entrypoints/content/popover/popover-machine';
import type { ReferenceMarks } from '../../../../entrypoints/content/popover/popover-marks';
import { makeCitation } from '../../../fixtures/builders';

const { intentMs, loadingMs, graceMs } = DEFAULT_TIMING;

/** A citation of the papers `ids`, its numbers read from them. */
function citation(ids: string[]): Citation {
  return makeCitation({
    ids,
    numbers: ids.map((id) => id.split('-').at(-1) ?? ''),
    raw: ids.join(' '),
    end: 0,
  });
}

function cardFor(c: Citation, lookupOk = true): CardModel {
  return {
    citation: c,
    papers: c.ids.map((id) => ({ id, document: null, dossierTitle: null })),
    lookupOk,
    citingTitles: {},
  };
}

/** A surface that records what the controller asks for; the host is a real element with a shadow root. */
function fakeSurface() {
  const host = document.createElement('kamerlens-popover');
  host.id = 'kamerlens-popover';
  const shadow = host.attachShadow({ mode: 'open' });
  const card = document.createElement('div');
  card.tabIndex = -1;
  const button = document.createElement('button');
  card.append(button);
  document.body.append(host);
  const shows: { view: PopoverView; focus: boolean }[] = [];
  let visible = false;
  const surface: PopoverSurface = {
    hostId: 'kamerlens-popover',
    container: card,
    show(view, options) {
      shows.push({ view, focus: options.focus });
      if (!visible) shadow.append(card);
      visible = true;
      if (options.focus) card.focus();
    },
    hide() {
      visible = false;
      card.remove();
    },
    contains(node) {
      return node instanceof Node && (node === host || node.getRootNode() === shadow);
    },
  };
  return {
    surface,
    host,
    button,
    shows,
    get visible() {
      return visible;
    },
    get last() {
      return shows.at(-1)?.view;
    },
  };
}

// Marks as the scanner makes them: <kamerlens-ref> pieces; the first is the tab stop unless inside a link.
const PAGE = `
  <p>Zie de
    <kamerlens-ref id="letter" tabindex="0" role="button" data-kamerlens-ref="kst-34352-349"
      data-kamerlens-kind="kamerstuk" data-kamerlens-group="1">Kamerstukken II 2025/26, 34352, </kamerlens-ref><b><kamerlens-ref
      id="letter-nr" data-kamerlens-ref="kst-34352-349" data-kamerlens-kind="kamerstuk" data-kamerlens-group="1">nr. 349</kamerlens-ref></b>
    en <a id="link" href="#elders"><kamerlens-ref id="answers" data-kamerlens-ref="ah-tk-20242025-520"
      data-kamerlens-kind="aanhangsel" data-kamerlens-group="2">Aanhangsel Handelingen II 2024/25, nr. 520</kamerlens-ref></a>
    en <kamerlens-ref id="papers" tabindex="0" role="button" data-kamerlens-ref="kst-17050-601 kst-17050-603"
      data-kamerlens-kind="kamerstuk" data-kamerlens-group="3">17 050, nrs. 601 en 603</kamerlens-ref>
    en <span id="forged" tabindex="0" data-kamerlens-ref="kst-1-1" data-kamerlens-group="1">vervalst</span>.
    <button id="elsewhere">elders</button>
  </p>`;

/**
 * The read side of the scanner's registry for the page above: it knows the three references the
 * scanner would have marked, and nothing about the forged element.
 */
function registerMarks(): ReferenceMarks {
  const known = new Map<number, Citation>([
    [1, citation(['kst-34352-349'])],
    [2, citation(['ah-tk-20242025-520'])],
    [3, citation(['kst-17050-601', 'kst-17050-603'])],
  ]);
  const markOf = (element: Element) =>
    element.closest('kamerlens-ref') ?? element.querySelector('kamerlens-ref');
  const groupOf = (element: Element) => {
    const group = Number(markOf(element)?.getAttribute('data-kamerlens-group'));
    return known.has(group) ? group : undefined;
  };
  return {
    groupOf,
    citationOf: (element) => {
      const group = groupOf(element);
      return group === undefined ? undefined : known.get(group);
    },
    marksOfGroup: (group) => [...document.querySelectorAll(`kamerlens-ref[data-kamerlens-group="${group}"]`)],
  };
}

const el = (id: string) => document.getElementById(id) as HTMLElement;

function pointer(type: string, target: Element, init: PointerEventInit = {}) {
  const event = new PointerEvent(type, {
    bubbles: true,
    composed: true,
    cancelable: true,
    pointerType: 'mouse',
    ...init,
  });
  target.dispatchEvent(event);
  return event;
}

/** Moves the pointer from `from` to `to` the way a browser reports it: out, then over. */
function move(from: Element | null, to: Element | null, pointerType = 'mouse') {
  if (from) pointer('pointerout', from, { relatedTarget: to, pointerType });
  if (to) pointer('pointerover', to, { relatedTarget: from, pointerType });
}

function click(target: Element, pointerType: string) {
  pointer('pointerdown', target, { pointerType });
  const event = new PointerEvent('click', {
    bubbles: true,
    cancelable: true,
    composed: true,
    detail: 1,
    pointerType,
  });
  target.dispatchEvent(event);
  return event;
}

function key(target: Element, keyName: string) {
  const event = new KeyboardEvent('keydown', {
    key: keyName,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  target.dispatchEvent(event);
  return event;
}

/** False in the test of page-dispatched events: then only `event.isTrusted` (false in happy-dom) counts. */
let trustAll = true;
const trustEvents = (event: Event) => trustAll || event.isTrusted;

describe('popover controller', () => {
  let abort: AbortController;
  let fake: ReturnType<typeof fakeSurface>;
  let controller: PopoverController;
  let resolve: ReturnType<typeof vi.fn<(c: Citation) => Promise<CardModel>>>;
  let pending: Map<string, (card: CardModel) => void>;

  const settle = async (id: string) => {
    const answer = pending.get(id);
    if (!answer) throw new Error(`no lookup pending for ${id}`);
    answer(cardFor(citation([id])));
    await vi.advanceTimersByTimeAsync(0);
  };

  beforeEach(() => {
    trustAll = true;
    vi.useFakeTimers();
    document.body.innerHTML = PAGE;
    fake = fakeSurface();
    abort = new AbortController();
    pending = new Map();
    resolve = vi.fn((c: Citation) => new Promise<CardModel>((done) => pending.set(c.ids.join(' '), done)));
    controller = createPopoverController({
      document,
      signal: abort.signal,
      marks: registerMarks(),
      resolver: { resolve },
      surface: fake.surface,
      actions: { openSidePanel: vi.fn(), copyText: vi.fn(async () => true) },
      // happy-dom marks dispatched events untrusted; the default is checked in its own test.
      isTrusted: trustEvents,
    });
    // Keyboard-focus detection ignores focus right after a pointerdown; start far from one.
    vi.advanceTimersByTime(5000);
  });

  afterEach(() => {
    abort.abort();
    vi.useRealTimers();
  });

  it('sends the lookup only after the hover-intent dwell, then shows a tooltip', async () => {
    move(el('elsewhere'), el('letter'));
    vi.advanceTimersByTime(intentMs - 1);
    expect(resolve).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(resolve).toHaveBeenCalledTimes(1);
    await settle('kst-34352-349');
    expect(fake.visible).toBe(true);
    expect(fake.last?.mode).toBe('tooltip');
    expect(fake.last?.content.status).toBe('ready');
    expect(fake.last?.anchor).toBe(el('letter'));
    expect(el('letter').getAttribute('aria-describedby')).toBe('kamerlens-popover');
    expect(el('letter').hasAttribute('aria-expanded')).toBe(false);
  });

  it('ignores hover, click and keys a page script dispatches (untrusted events)', () => {
    trustAll = false;
    move(el('elsewhere'), el('letter'));
    click(el('letter'), 'mouse');
    key(el('papers'), 'Enter');
    vi.advanceTimersByTime(5000);
    expect(resolve).not.toHaveBeenCalled();
    expect(fake.visible).toBe(false);
  });

  it('ignores a pointer that only passes over a reference', () => {
    move(el('elsewhere'), el('letter'));
    vi.advanceTimersByTime(intentMs / 2);
    move(el('letter'), el('elsewhere'));
    vi.advanceTimersByTime(intentMs * 4);
    expect(resolve).not.toHaveBeenCalled();
    expect(fake.shows).toHaveLength(0);
  });

  it('shows a quiet loading state when the lookup is slow, then the card', async () => {
    move(null, el('letter'));
    vi.advanceTimersByTime(intentMs + loadingMs - 1);
    expect(fake.shows).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(fake.last?.content.status).toBe('loading');
    await settle('kst-34352-349');
    expect(fake.last?.content.status).toBe('ready');
  });

  it('keeps the card while the pointer moves inside the reference or onto the card, closes after the grace', async () => {
    move(null, el('letter'));
    vi.advanceTimersByTime(intentMs);
    await settle('kst-34352-349');
    move(el('letter'), el('letter-nr'));
    vi.advanceTimersByTime(graceMs * 2);
    expect(fake.visible).toBe(true);
    expect(fake.shows.every((s) => s.view.anchor === el('letter'))).toBe(true);
    move(el('letter-nr'), fake.host);
    vi.advanceTimersByTime(graceMs * 2);
    expect(fake.visible).toBe(true);
    move(fake.host, el('elsewhere'));
    vi.advanceTimersByTime(graceMs - 1);
    expect(fake.visible).toBe(true);
    vi.advanceTimersByTime(1);
    expect(fake.visible).toBe(false);
    expect(el('letter').hasAttribute('aria-describedby')).toBe(false);
  });

  it('Escape dismisses a hovered card without moving the pointer; it returns only after leaving', async () => {
    move(null, el('letter'));
    vi.advanceTimersByTime(intentMs);
    await settle('kst-34352-349');
    key(document.body, 'Escape');
    expect(fake.visible).toBe(false);
    move(el('letter'), el('letter-nr'));
    vi.advanceTimersByTime(intentMs * 2);
    expect(resolve).toHaveBeenCalledTimes(1);
    move(el('letter-nr'), el('elsewhere'));
    move(el('elsewhere'), el('letter'));
    vi.advanceTimersByTime(intentMs);
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('opens at once on keyboard focus, hints at the actions, and Escape returns focus without reopening', async () => {
    el('letter').focus();
    expect(resolve).toHaveBeenCalledTimes(1);
    await settle('kst-34352-349');
    expect(fake.last?.mode).toBe('tooltip');
    expect(fake.last?.keyboardHint).toBe(true);
    key(el('letter'), 'Escape');
    expect(fake.visible).toBe(false);
    expect(document.activeElement).toBe(el('letter'));
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('opens on focus of a link that contains a reference and closes on blur', async () => {
    el('link').focus();
    await settle('ah-tk-20242025-520');
    expect(fake.visible).toBe(true);
    expect(el('link').getAttribute('aria-describedby')).toBe('kamerlens-popover');
    el('elsewhere').focus();
    expect(fake.visible).toBe(false);
    expect(el('link').hasAttribute('aria-describedby')).toBe(false);
  });

  it('ArrowDown on a focused reference pins the card and moves focus into the dialog', async () => {
    el('link').focus();
    await settle('ah-tk-20242025-520');
    const event = key(el('link'), 'ArrowDown');
    expect(event.defaultPrevented).toBe(true);
    expect(fake.last?.mode).toBe('dialog');
    expect(fake.shows.at(-1)?.focus).toBe(true);
    expect(fake.surface.contains(document.activeElement)).toBe(true);
    expect(el('link').getAttribute('aria-expanded')).toBe('true');
    expect(el('link').getAttribute('aria-controls')).toBe('kamerlens-popover');
    key(fake.host, 'Escape');
    expect(document.activeElement).toBe(el('link'));
    expect(el('link').hasAttribute('aria-expanded')).toBe(false);
  });

  it('a click pins the card as a dialog that survives the pointer leaving, until an outside click', async () => {
    move(null, el('letter'));
    click(el('letter'), 'mouse');
    await settle('kst-34352-349');
    expect(controller.pinned).toBe(true);
    expect(fake.last?.mode).toBe('dialog');
    expect(fake.shows.some((s) => s.focus)).toBe(true);
    move(el('letter'), el('elsewhere'));
    vi.advanceTimersByTime(graceMs * 3);
    el('elsewhere').focus();
    expect(fake.visible).toBe(true);
    click(el('elsewhere'), 'mouse');
    expect(fake.visible).toBe(false);
  });

  it('the close action closes a pinned card and returns focus to the reference', async () => {
    click(el('papers'), 'mouse');
    await settle('kst-17050-601 kst-17050-603');
    fake.last?.actions.close();
    expect(fake.visible).toBe(false);
    expect(document.activeElement).toBe(el('papers'));
  });

  it('a pointer press inside a hovered card makes it interactive', async () => {
    move(null, el('letter'));
    vi.advanceTimersByTime(intentMs);
    await settle('kst-34352-349');
    move(el('letter'), fake.host);
    pointer('pointerdown', fake.button);
    expect(controller.pinned).toBe(true);
    move(fake.host, el('elsewhere'));
    vi.advanceTimersByTime(graceMs * 2);
    expect(fake.visible).toBe(true);
  });

  it('a first tap on a linked reference opens the card instead of the link; the second follows the link', async () => {
    const first = click(el('answers'), 'touch');
    expect(first.defaultPrevented).toBe(true);
    await settle('ah-tk-20242025-520');
    expect(fake.last?.mode).toBe('dialog');
    const second = click(el('answers'), 'touch');
    expect(second.defaultPrevented).toBe(false);
    expect(fake.visible).toBe(false);
  });

  it('a mouse click on a linked reference is left to the link', () => {
    const event = click(el('answers'), 'mouse');
    expect(event.defaultPrevented).toBe(false);
    expect(resolve).not.toHaveBeenCalled();
  });

  it('touch pointers never start hover intent', () => {
    move(null, el('letter'), 'touch');
    vi.advanceTimersByTime(intentMs * 3);
    expect(resolve).not.toHaveBeenCalled();
  });

  it('drops a late answer for a reference the pointer already left for another', async () => {
    move(null, el('letter'));
    vi.advanceTimersByTime(intentMs);
    move(el('letter'), el('papers'));
    vi.advanceTimersByTime(intentMs);
    await settle('kst-34352-349');
    expect(fake.shows).toHaveLength(0);
    await settle('kst-17050-601 kst-17050-603');
    expect(fake.last?.content.citation.ids).toEqual(['kst-17050-601', 'kst-17050-603']);
  });

  it('a failed lookup still yields a card, marked as such', async () => {
    resolve.mockImplementationOnce(() => Promise.reject(new Error('background gone')));
    el('letter').focus();
    await vi.advanceTimersByTimeAsync(0);
    const content = fake.last?.content;
    expect(content?.status === 'ready' && content.card.lookupOk).toBe(false);
  });

  it('ignores elements that only look like marks (a page can forge the attributes)', () => {
    move(null, el('forged'));
    vi.advanceTimersByTime(intentMs * 2);
    el('forged').focus();
    click(el('forged'), 'mouse');
    expect(resolve).not.toHaveBeenCalled();
  });

  it('stops listening when the content script context ends', async () => {
    el('letter').focus();
    await settle('kst-34352-349');
    abort.abort();
    expect(fake.visible).toBe(false);
    el('elsewhere').focus();
    el('papers').focus();
    expect(resolve).toHaveBeenCalledTimes(1);
  });
});
