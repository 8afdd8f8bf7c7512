/**
 * Faithfulness of a summary to its source: every number, date, percentage, amount and proper name
 * in the summary must occur in the source document. A summary that says "12 gemeenten" when the
 * letter says "twaalf" fails too: the check is literal on purpose, it guards against invention.
 */
import { MONTHS } from '../../citations/months';
import { normalizeChars } from '../layout/normalize-text';
import { SUMMARY_STOP_WORDS } from './summary-stop-words';

/** The kinds of fact a summary must not invent. */
type FactKind = 'number' | 'date' | 'percentage' | 'amount' | 'name';

/** One fact in a summary that its source does not contain. */
export interface FaithfulnessIssue {
  kind: FactKind;
  value: string;
}

const MONTH = MONTHS.join('|');
const DATE = new RegExp(
  String.raw`\b(\d{1,2})\s+(${MONTH})(?:\s+(\d{4}))?\b|\b(${MONTH})\s+(\d{4})\b`,
  'giu',
);
const PERCENT = /(\d+(?:[.,]\d+)?)\s*(?:%|procent\b)/giu;
const AMOUNT = /€\s*(\d+(?:[.,]\d+)*)(?:\s*(miljoen|miljard|duizend|mln|mld)\b)?/giu;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

/** The facts of `summary` (one text: a summary, a key point, a short question) missing from `source`. */
export function checkFaithfulness(summary: string, source: string): FaithfulnessIssue[] {
  const facts = collectFacts(normalize(summary), false);
  const known = collectFacts(normalize(source), true);
  const words = sourceWords(normalize(source));
  const issues: FaithfulnessIssue[] = [];
  for (const kind of ['date', 'percentage', 'amount', 'number'] as const) {
    for (const [key, shown] of facts[kind]) if (!known[kind].has(key)) issues.push({ kind, value: shown });
  }
  for (const { word, sentenceStart } of namesIn(normalize(summary))) {
    // An ordinary word opening a sentence ("Het", "In") is no name.
    if (sentenceStart && SUMMARY_STOP_WORDS.has(word.toLowerCase())) continue;
    const found = sentenceStart ? words.lower.has(word.toLowerCase()) : words.exact.has(word);
    if (!found) issues.push({ kind: 'name', value: word });
  }
  return issues;
}

function normalize(text: string): string {
  return normalizeChars(text)
    .replace(/\uE000[^\uE001]*\uE001/g, ' ')
    .replace(/\s+/g, ' ');
}

type Facts = Record<Exclude<FactKind, 'name'>, Map<string, string>>;

// In the source, every digit run counts as a number, also inside a date ("2024" of "juli 2024"), and a
// full date also vouches for its shorter forms ("4 februari", "februari 2026").
function collectFacts(text: string, isSource: boolean): Facts {
  const facts: Facts = { date: new Map(), percentage: new Map(), amount: new Map(), number: new Map() };
  let rest = text;
  const take = (pattern: RegExp, add: (match: RegExpMatchArray) => void) => {
    rest = rest.replace(pattern, (...args) => {
      add(args.slice(0, -2) as unknown as RegExpMatchArray);
      return ' ';
    });
  };
  take(DATE, (m) => {
    const [, day, month, year, monthOnly, yearOnly] = m;
    if (day && month) {
      const dm = `${Number(day)}-${month.toLowerCase()}`;
      facts.date.set(year ? `${dm}-${year}` : dm, m[0] as string);
      if (year && isSource) {
        facts.date.set(dm, m[0] as string);
        facts.date.set(`${month.toLowerCase()}-${year}`, m[0] as string);
      }
    } else if (monthOnly && yearOnly)
      facts.date.set(`${monthOnly.toLowerCase()}-${yearOnly}`, m[0] as string);
  });
  take(PERCENT, (m) => facts.percentage.set(numberKey(m[1] as string), m[0] as string));
  take(AMOUNT, (m) => facts.amount.set(`${numberKey(m[1] as string)} ${unitKey(m[2])}`, m[0] as string));
  for (const match of (isSource ? text : rest).matchAll(NUMBER))
    facts.number.set(numberKey(match[0]), match[0]);
  return facts;
}

/** `52.000` and `52000` are one number; `6,8` keeps its decimal comma. */
function numberKey(value: string): string {
  const trimmed = value.replace(/[.,]$/, '');
  return /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(trimmed) ? trimmed.replace(/\./g, '') : trimmed;
}

function unitKey(unit: string | undefined): string {
  const u = (unit ?? '').toLowerCase();
  return u === 'mln' ? 'miljoen' : u === 'mld' ? 'miljard' : u;
}

function sourceWords(text: string): { exact: Set<string>; lower: Set<string> } {
  const exact = new Set<string>();
  const lower = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const word = trimWord(match[0]);
    for (const form of [word, ...word.split('-')]) {
      exact.add(form);
      lower.add(form.toLowerCase());
    }
  }
  return { exact, lower };
}

/** Capitalised words; those opening a sentence may be ordinary words and are matched case-blind. */
function namesIn(text: string): { word: string; sentenceStart: boolean }[] {
  const names: { word: string; sentenceStart: boolean }[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = trimWord(match[0]);
    if (!/^\p{Lu}/u.test(word)) continue;
    const before = text.slice(0, match.index).replace(/[\s‘'"“«([]+$/, '');
    names.push({ word, sentenceStart: before === '' || /[.?!:;…]$/.test(before) });
  }
  return names;
}

function trimWord(word: string): string {
  return word.replace(/['’-]+$/, '');
}
