import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../data/annotations/page-text';
import { buildPageText, rangeOfSpan, spanOfRange } from '../../../../entrypoints/content/annotate/text-model';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('buildPageText', () => {
  it.each([
    ['<p>Een  <b>vet</b>\n woord</p>', 'Een vet woord'],
    ['<p>tekst</p><script>var x = 1;</script><style>p{}</style><noscript>nee</noscript>', 'tekst'],
    ['<p>a <kamerlens-ref>Kamerstuk 34 352, nr. 349</kamerlens-ref> b</p>', 'a Kamerstuk 34 352, nr. 349 b'],
    ['<p>a</p><kamerlens-annotate>ui</kamerlens-annotate><p>b</p>', 'ab'],
    ['<p>vóór</p>\n  <p>\u00a0na</p>', 'vóór na'],
    ['<textarea>invoer</textarea><p>ok</p>', 'ok'],
  ])('%s → %j', (html, text) => {
    expect(buildPageText(page(html)).text).toBe(text);
  });

  it('equals normalizing the concatenated text nodes (outside excluded elements)', () => {
    const body = page('<div>  Eén <i>twee</i>\t\t<span> drie </span></div><p>vier</p>');
    expect(buildPageText(body).text).toBe(normalizeText(body.textContent ?? ''));
  });
});

describe('ranges ↔ model spans', () => {
  const html =
    '<article><h1>Kabinet  past wet aan</h1><p>Eind december 2024 ontvingen <b>bijna 406 duizend</b> mensen\n' +
    '   een bijstandsuitkering, aldus <kamerlens-ref>Kamerstuk 34 352, nr. 349</kamerlens-ref>.</p></article>';

  it('a selected range maps to the model and back to the same text', () => {
    const body = page(html);
    const model = buildPageText(body);
    const bold = body.querySelector('b')?.firstChild as Text;
    const ref = body.querySelector('kamerlens-ref')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(bold, 6); // "406 duizend…"
    range.setEnd(ref, 9); // "…Kamerstuk"
    const [start, end] = spanOfRange(model, range);
    expect(model.text.slice(start, end)).toBe('406 duizend mensen een bijstandsuitkering, aldus Kamerstuk');
    const back = rangeOfSpan(model, start, end);
    expect(normalizeText(back?.toString() ?? '')).toBe(
      '406 duizend mensen een bijstandsuitkering, aldus Kamerstuk',
    );
  });

  it('element boundary points map to the next text', () => {
    const body = page(html);
    const model = buildPageText(body);
    const p = body.querySelector('p') as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(p);
    const [start, end] = spanOfRange(model, range);
    expect(model.text.slice(start, end)).toBe(
      'Eind december 2024 ontvingen bijna 406 duizend mensen een bijstandsuitkering, aldus Kamerstuk 34 352, nr. 349.',
    );
  });

  it('survives the scanner splitting and wrapping text nodes (model text unchanged)', () => {
    const body = page('<p>Zie Kamerstuk 34 352, nr. 349 voor de cijfers.</p>');
    const before = buildPageText(body);
    const text = body.querySelector('p')?.firstChild as Text;
    const rest = text.splitText(4);
    const after = rest.splitText(25);
    const mark = document.createElement('kamerlens-ref');
    rest.replaceWith(mark);
    mark.append(rest);
    const model = buildPageText(body);
    expect(model.text).toBe(before.text);
    expect(after.data).toBe(' voor de cijfers.');
    const start = model.text.indexOf('nr. 349 voor');
    expect(rangeOfSpan(model, start, start + 12)?.toString()).toBe('nr. 349 voor');
  });

  it('a collapsed white-space run maps to its first character', () => {
    const body = page('<p>a   b</p>');
    const model = buildPageText(body);
    expect(rangeOfSpan(model, 1, 3)?.toString()).toBe('   b');
    expect(rangeOfSpan(model, 0, 2)?.toString()).toBe('a ');
  });

  it('returns null for spans outside the text or nodes that left the page', () => {
    const body = page('<p>kort</p>');
    const model = buildPageText(body);
    expect(rangeOfSpan(model, 10, 12)).toBeNull();
    body.innerHTML = '<p>ander</p>';
    expect(rangeOfSpan(model, 0, 2)).toBeNull();
  });
});
