import { afterEach, describe, expect, it } from 'vitest';
import { REACH_MAX_NODES, walkAhead, walkBehind } from '../../../../entrypoints/content/scanner/text-reach';

afterEach(() => document.body.replaceChildren());

/** `<main>`: section#s1 (p#a "aaaa", p#b "bbbb"), section#s2 (p#c "cccc", p#d "dddd"), p#e "eeee". */
function page() {
  document.body.innerHTML =
    '<main id="m"><section id="s1"><p id="a">aaaa</p><p id="b">bbbb</p></section>' +
    '<section id="s2"><p id="c">cccc</p><p id="d">dddd</p></section><p id="e">eeee</p></main>';
  const byId = (id: string) => document.getElementById(id) as Element;
  const met: string[] = [];
  const meet = (element: Element) => met.push(element.id);
  return { byId, met, meet };
}

/** Every element of the test page (body, head and html have no id). */
const all = (element: Element) => element.id !== '';

describe('walkAhead and walkBehind: what lies within so many characters in document order', () => {
  it('ahead: meets elements in document order, the origin and its subtree first, until the text is passed', () => {
    const { byId, met, meet } = page();
    const { end } = walkAhead(byId('b'), { chars: 6 }, all, meet);
    // b (4 characters), then s2 and c: the sixth character is in c.
    expect(met).toEqual(['b', 's2', 'c']);
    expect(end?.textContent).toBe('cccc');
  });

  it('ahead: reports the document’s end when the text runs out first', () => {
    const { byId, met, meet } = page();
    expect(walkAhead(byId('d'), { chars: 1_000 }, all, meet).end).toBeNull();
    expect(met).toEqual(['d', 'e']);
  });

  it('behind: meets what it enters from its end at once, and each of the origin’s ancestors once', () => {
    const { byId, met, meet } = page();
    const { end } = walkBehind(byId('c'), { chars: 1_000 }, all, meet);
    // s1 and b are entered from their end; s2 and main contain c; nothing is met twice.
    expect(met).toEqual(['s2', 's1', 'b', 'a', 'm']);
    expect(end).toBeNull();
  });

  it('behind: an element whose end is within reach is met even when its start is not', () => {
    const { byId, met, meet } = page();
    const { end } = walkBehind(byId('e'), { chars: 5 }, all, meet);
    // d's text (4) and then into c: the fifth character is c's last.
    expect(met).toEqual(['s2', 'd', 'c']);
    expect(end?.textContent).toBe('cccc');
  });

  it('goes on past the characters until at least so many elements are passed, either way', () => {
    const { byId, met, meet } = page();
    // Six characters end in c (the first test); four elements: b, s2, c, d.
    const ahead = walkAhead(byId('b'), { chars: 6, elements: 4 }, all, meet);
    expect(met).toEqual(['b', 's2', 'c', 'd']);
    expect(ahead.end?.textContent).toBe('dddd');
    met.length = 0;
    // Behind e: five characters end in c (above); three elements passed: d, c, then s2 on leaving it.
    const behind = walkBehind(byId('e'), { chars: 5, elements: 3 }, all, meet);
    expect(met).toEqual(['s2', 'd', 'c']);
    expect(behind.end).toBe(byId('s2'));
  });

  it('meets only what is wanted, and stops after a bounded number of nodes whatever their text', () => {
    const { byId, met, meet } = page();
    walkAhead(byId('m'), { chars: 1_000 }, (element) => element.localName === 'section', meet);
    expect(met).toEqual(['s1', 's2']);
    met.length = 0;
    const empties = document.createElement('div');
    for (let i = 0; i < REACH_MAX_NODES; i++) {
      const span = document.createElement('span');
      span.id = `n${i}`;
      empties.append(span);
    }
    empties.id = 'empties';
    byId('a').before(empties);
    const { end } = walkAhead(empties, { chars: 1_000 }, all, meet);
    expect(end?.parentNode).toBe(empties);
    expect(met).toHaveLength(REACH_MAX_NODES);
  });

  it('neither counts nor enters what is never read unless it is wanted; comments count nothing', () => {
    document.body.innerHTML =
      '<p id="a">aaaa</p><!-- eine Bemerkung --><script>var skipped = "ssssssss";</script>' +
      '<div id="h" hidden><p id="hp">hhhh</p></div><p id="z">zzzz</p>';
    const byId = (id: string) => document.getElementById(id) as Element;
    const met: string[] = [];
    const meet = (element: Element) => met.push(element.id);
    const paragraphs = (element: Element) => element.localName === 'p';
    // Six characters from a: its four, then z's (the script's and the hidden div's text are not counted).
    let end = walkAhead(byId('a'), { chars: 6 }, paragraphs, meet).end;
    expect(met).toEqual(['a', 'z']);
    expect(end?.textContent).toBe('zzzz');
    met.length = 0;
    // Wanted, the hidden div is entered, and its text counted.
    end = walkAhead(
      byId('a'),
      { chars: 6 },
      (element) => paragraphs(element) || element.id === 'h',
      meet,
    ).end;
    expect(met).toEqual(['a', 'h', 'hp']);
    expect(end?.textContent).toBe('hhhh');
    met.length = 0;
    // Backwards from z: past the hidden div, the script and the comment without counting them, into a.
    end = walkBehind(byId('z'), { chars: 2 }, paragraphs, meet).end;
    expect(met).toEqual(['a']);
    expect(end?.textContent).toBe('aaaa');
  });
});
