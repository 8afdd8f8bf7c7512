/**
 * What a text calls the document it cites: "Monitoringsbrief Participatiewet van 15 oktober 2024"
 * before `(TK 34 352, nr 327)`, "motie Ceder c.s." before a footnote mark. Read from the words just
 * before the reference: a document noun (brief, motie, wetsvoorstel …) and its name after it, or a
 * capitalised title ending right at the reference ("Stand van de Uitvoering"). Null when unsure.
 */
import { MONTHS } from '../../citations/months';

const HEAD =
  /^(?:\p{L}*(?:brief|motie|wetsvoorstel|programmaplan|programma|rapport|onderzoek|nota|verslag|beleidsreactie|kamervragen|memo|toets|amendement|rapportage|factsheet|debat))$|^motie-/iu;
const CONNECTORS = new Set([
  'van',
  'de',
  'het',
  'der',
  'den',
  'over',
  'en',
  'in',
  'op',
  'voor',
  'lid',
  'leden',
  'c.s.',
  'c.s',
]);
const STOPS = new Set([
  'met',
  'is',
  'zijn',
  'was',
  'waren',
  'heeft',
  'hebben',
  'had',
  'wordt',
  'worden',
  'werd',
  'die',
  'dat',
  'dit',
  'deze',
  'waarin',
  'waarmee',
  'waarop',
  'aan',
  'naar',
  'bij',
  'heb',
  'ik',
  'u',
  'uw',
  'zij',
  'we',
  'wij',
  'er',
  'om',
  'te',
  'als',
  'door',
  'uit',
  'tot',
  'niet',
  'ook',
  'al',
  'nog',
  'wel',
  'zoals',
  'waarbij',
  'omdat',
  'maar',
]);
const MAX_TOKENS = 12;
const TITLE_DISTANCE = 6;

interface Token {
  text: string;
  bare: string;
}

/**
 * The name the text gives the cited document, read from `before` (the sentence up to the reference).
 * `documentText` is the whole document: a phrase it repeats ("Participatiewet in balans") may run on
 * in lower case.
 */
export function citedAsBefore(before: string, documentText: string): string | null {
  const tokens = tokenize(before.replace(/[\s(,]+$/, ''));
  const last = tokens[tokens.length - 1];
  if (!last) return null;
  // A quoted title right before the reference names it: "In de ‘Voortgangsbrief …’[10]".
  if (/^[‘'"“«]/.test(last.text) && last.text.length > 3) return clean(last.bare);
  const fromHead = headPhrase(tokens, documentText.toLowerCase());
  const title = trailingTitle(tokens);
  // A title at the reference wins over a document noun that ended well before it.
  if (title && (!fromHead || fromHead.end < tokens.length - TITLE_DISTANCE)) return title;
  if (fromHead) return fromHead.text;
  // No document noun: a title a word or two before the reference ("een Breed Offensief gepresenteerd").
  return trailingTitle(tokens, 3);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // A quoted title is one token, so its inner words are not read as sentence words.
  for (const match of text.matchAll(/[‘'"“«][^’'"”»]{2,120}[’'"”»][^\s]*|\S+/g)) {
    const t = match[0];
    tokens.push({ text: t, bare: t.replace(/^[‘'"“«(]+|[’'"”»),.;:?!]+$/g, '') });
  }
  return tokens;
}

const isName = (token: Token) =>
  /^[\p{Lu}\d‘'"“«(]/u.test(token.text) ||
  MONTHS.includes(token.bare.toLowerCase() as (typeof MONTHS)[number]);
const isConnector = (token: Token) => CONNECTORS.has(token.bare.toLowerCase()) || CONNECTORS.has(token.text);
// Function words and past participles (`geïnformeerd`, `gedeeld`) end a name.
const isStop = (token: Token) => STOPS.has(token.bare.toLowerCase()) || /^ge\p{L}{3,}[dt]$/u.test(token.bare);

/** Phrase from the last document noun: the noun and the name that follows it. */
function headPhrase(tokens: Token[], lowerDocument: string): { text: string; end: number } | null {
  let head = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (HEAD.test((tokens[i] as Token).bare)) {
      head = i;
      break;
    }
  }
  if (head === -1) return null;
  const headToken = tokens[head] as Token;
  const capitalHead = /^\p{Lu}/u.test(headToken.bare);
  const phrase: Token[] = [headToken];
  let sawName = headToken.bare.startsWith('motie-');
  for (let i = head + 1; i < tokens.length && phrase.length <= MAX_TOKENS; i++) {
    const token = tokens[i] as Token;
    if (isStop(token)) break;
    if (isName(token)) sawName = true;
    else if (!isConnector(token)) {
      // Lower-case words belong to a capitalised title ("Voortgangsbrief sociaal ontwikkelbedrijven"),
      // or to a name the document keeps repeating ("Participatiewet in balans"); otherwise the name ended.
      const runOn = sawName && repeats(phrase, token, lowerDocument);
      if (!capitalHead && !runOn) break;
    }
    phrase.push(token);
    if (/[,;:?!]$/.test(token.text) || (/\.$/.test(token.text) && !/^c\.s\.$/.test(token.text))) break;
  }
  while (
    phrase.length > 1 &&
    isConnector(phrase[phrase.length - 1] as Token) &&
    !/c\.s/.test((phrase[phrase.length - 1] as Token).text)
  ) {
    phrase.pop();
  }
  if (phrase.length < 2 && !sawName) return null;
  return { text: clean(phrase.map((token) => token.text).join(' ')), end: head + phrase.length };
}

function repeats(phrase: Token[], token: Token, lowerDocument: string): boolean {
  let from = phrase.length - 1;
  while (from > 0 && !isName(phrase[from] as Token)) from--;
  const words = [...phrase.slice(from), token].map((t) => t.bare.toLowerCase()).join(' ');
  const first = lowerDocument.indexOf(words);
  return first !== -1 && lowerDocument.indexOf(words, first + 1) !== -1;
}

/** A capitalised multi-word title ending within `slack` tokens of the end ("Stand van de Uitvoering"). */
function trailingTitle(tokens: Token[], slack = 1): string | null {
  for (let end = tokens.length; end > Math.max(0, tokens.length - slack); end--) {
    let start = end;
    let capitals = 0;
    while (start > 0) {
      const token = tokens[start - 1] as Token;
      if (/^\p{Lu}/u.test(token.bare) && !/[,;:]$/.test(token.text)) capitals++;
      else if (!isConnector(token) || start === end) break;
      start--;
    }
    while (start < end && isConnector(tokens[start] as Token)) start++;
    const words = tokens.slice(start, end);
    if (
      capitals >= 2 &&
      words.length >= 2 &&
      !/^(?:Tweede|Eerste) Kamer$/.test(words.map((t) => t.bare).join(' '))
    ) {
      // A title directly after a sentence start ("De Raad van State") drops the article.
      return clean(
        words
          .map((token) => token.text)
          .join(' ')
          .replace(/^(?:De|Het|Een)\s+/, ''),
      );
    }
  }
  return null;
}

function clean(text: string): string {
  let t = text.replace(/[,;:?!.]+$/, '').trim();
  if (/c\.s$/.test(t)) t = `${t}.`;
  // Drop an unbalanced opening quote kept from the first token.
  t = t.replace(/^[‘'"“«]([^’'"”»]*)$/, '$1').replace(/^[‘'"“«](.*)[’'"”»]$/, '$1');
  return t;
}
