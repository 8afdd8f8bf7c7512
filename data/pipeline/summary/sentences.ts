/**
 * Dutch sentence splitting for context quotes and summaries. A stop ends a sentence when a capital,
 * a quote or a bracket follows, except after abbreviations (`nr.`, `c.s.`, `p.`), initials (`J.N.J.`)
 * and inside a reference (`nr. 349`: a digit follows). Footnote marks stay with their sentence.
 */

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'nr',
  'nrs',
  'p',
  'pp',
  'pag',
  'blz',
  'c.s',
  'jl',
  'o.a',
  'bijv',
  'bv',
  'e.a',
  'd.w.z',
  'i.v.m',
  'm.b.t',
  'mr',
  'dr',
  'drs',
  'ir',
  'prof',
  'dhr',
  'mevr',
  'mw',
  'art',
  'ca',
  'resp',
  'incl',
  'excl',
  'etc',
  'z.s.m',
  'vgl',
  'zgn',
  'evt',
  'o.b.v',
  't.a.v',
  'i.p.v',
  'e.d',
  'jo',
  'sub',
  'vs',
  'st',
  'stb',
  'stcrt',
  'kst',
]);

const BOUNDARY = /[.?!…](?:["'’”»)\]]*)(?:\uE000[^\uE001]*\uE001)*(?=\s+[\p{Lu}‘'"“«([•·\d])/gu;

/** Split `text` into sentences with their offsets; whitespace between sentences belongs to none. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = skipSpace(text, 0);
  for (const match of text.matchAll(BOUNDARY)) {
    const stop = match.index;
    const end = stop + match[0].length;
    if (end <= start || !isRealBoundary(text, start, stop, match[0])) continue;
    sentences.push({ text: text.slice(start, end), start, end });
    start = skipSpace(text, end);
  }
  if (start < text.length) {
    const end = text.trimEnd().length;
    if (end > start) sentences.push({ text: text.slice(start, end), start, end });
  }
  return sentences;
}

function isRealBoundary(text: string, start: number, stop: number, token: string): boolean {
  if (token[0] !== '.') return true;
  const next = /\S/.exec(text.slice(stop + token.length))?.[0] ?? '';
  // "nr. 349", "p. 15": a number after a stop continues a reference.
  if (/\d/.test(next)) return false;
  const word = /(\S+)$/.exec(text.slice(start, stop))?.[1] ?? '';
  const bare = word.replace(/^[(‘'"“«]+/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return false;
  // Initials: "J.N.J. Nobel", "A. de Vries".
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word.replace(/^[(‘'"“«]+/, ''))) return false;
  return true;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

/** The sentence of `text` that contains offset `at` (or the nearest before it). */
export function sentenceAt(sentences: Sentence[], at: number): Sentence | null {
  let found: Sentence | null = null;
  for (const sentence of sentences) {
    if (sentence.start <= at) found = sentence;
    else break;
  }
  return found;
}
