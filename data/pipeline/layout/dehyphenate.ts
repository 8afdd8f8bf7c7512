/**
 * Joining two lines of PDF text where the first ends in a hyphen. A line-end hyphen is usually a
 * printer's break (`Participa-` / `tiewet`), but Dutch also writes real hyphens there
 * (`re-integratie`, `SCP-onderzoek`, `toeslagen- en belastingstelsel`). The document itself is the
 * best dictionary: a spelling it uses elsewhere on one line wins; otherwise spelling rules decide.
 */

/** Spellings seen in the document on a single line, lower-cased. */
export interface Lexicon {
  words: Set<string>;
  hyphenated: Set<string>;
}

/** Collect the words and hyphenated compounds that `text` writes within one line. */
export function buildLexicon(text: string): Lexicon {
  const words = new Set<string>();
  const hyphenated = new Set<string>();
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      const token = match[0].toLowerCase();
      // A token that touches the end of the line may be the first half of a broken word.
      if (match.index + match[0].length >= line.trimEnd().length && line.trimEnd().endsWith('-')) continue;
      if (token.includes('-')) hyphenated.add(token);
      else words.add(token);
    }
  }
  return { words, hyphenated };
}

// Vowel pairs Dutch separates with a hyphen in compounds (klinkerbotsing): re-integratie, zee-eend.
const VOWEL_CLASH = /(?:a[aeiu]|e[eiu]|i[ei]|o[eiou]|u[iu])$/;
const CONJUNCTION = /^(?:en|of|tot|noch)\b/;

/**
 * Join `left` (ending in `-`) and `right`. Returns the joined text: the hyphen dropped for a printer's
 * break, kept for a real compound, kept with a space before a conjunction (`toeslagen- en …`).
 */
export function joinHyphenated(left: string, right: string, lexicon: Lexicon): string {
  const l = left.trimEnd();
  const r = right.trimStart();
  const head = /(\p{L}+)-$/u.exec(l)?.[1] ?? '';
  const tail = /^\p{L}+/u.exec(r)?.[0] ?? '';
  if (CONJUNCTION.test(r)) return `${l} ${r}`;
  if (head === '' || tail === '' || /^\p{Lu}/u.test(tail)) return `${l}${r}`;
  const joined = `${head}${tail}`.toLowerCase();
  const withHyphen = `${head}-${tail}`.toLowerCase();
  if (lexicon.hyphenated.has(withHyphen) || hasHyphenatedPrefix(lexicon, withHyphen)) return `${l}${r}`;
  if (lexicon.words.has(joined)) return `${l.slice(0, -1)}${r}`;
  if (/^\p{Lu}{2,}$/u.test(head) || /\d$/.test(head)) return `${l}${r}`;
  const clash = `${head.slice(-1)}${tail.slice(0, 1)}`.toLowerCase();
  if (VOWEL_CLASH.test(clash)) return `${l}${r}`;
  return `${l.slice(0, -1)}${r}`;
}

// `re-integratie` seen on one line also settles `re-` / `integratievoorzieningen`.
function hasHyphenatedPrefix(lexicon: Lexicon, withHyphen: string): boolean {
  const [prefix, rest] = withHyphen.split('-') as [string, string];
  if (prefix.length > 3) return false;
  for (const word of lexicon.hyphenated) {
    if (word.startsWith(`${prefix}-`) && rest.startsWith(word.slice(prefix.length + 1, prefix.length + 4))) {
      return true;
    }
  }
  return false;
}
