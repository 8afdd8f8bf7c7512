/**
 * Self-enforcing rule: no regex literal in the recognizer has a group with an unbounded quantifier
 * that is itself repeated without bound (`(a+)+`, `(\s*x)*`, `(?:…+){2,}`): the shape of
 * catastrophic backtracking on hostile page text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../../data/citations');

/** Regex literal bodies in TypeScript source (a `/` after an operator or bracket, not a comment). */
function regexLiterals(source: string): string[] {
  const found: string[] = [];
  const literal =
    /(?<=[=(,:!&|?;{}[]\s*|return\s+)\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[*])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])*)\/[dgimsuyv]*/g;
  for (const m of source.matchAll(literal)) if (m[1] !== undefined) found.push(m[1]);
  return found;
}

/** True when a group containing an unbounded quantifier is followed by an unbounded quantifier. */
function hasNestedUnboundedQuantifier(pattern: string): boolean {
  const stack: boolean[] = [];
  let current = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      continue;
    }
    if (ch === '(') {
      stack.push(current);
      current = false;
      continue;
    }
    const unboundedAt = (k: number) => {
      const q = pattern[k];
      return q === '+' || q === '*' || (q === '{' && /^\{\d*,\}/.test(pattern.slice(k)));
    };
    if (ch === ')') {
      const inner: boolean = current;
      current = (stack.pop() ?? false) || inner;
      if (inner && unboundedAt(i + 1)) return true;
      continue;
    }
    if (unboundedAt(i)) current = true;
  }
  return false;
}

describe('recognizer regexes', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
  const literals = files.flatMap((f) =>
    regexLiterals(readFileSync(join(DIR, f), 'utf8')).map((r) => [f, r] as const),
  );

  it('finds the regex literals it is meant to check', () => {
    expect(literals.length).toBeGreaterThanOrEqual(10);
    expect(literals.some(([, r]) => r.includes('[Kk]amer'))).toBe(true);
    // The site forms: headers, meeting headings, openkamer paths, rijkswet brackets in URLs.
    for (const file of ['headers.ts', 'chamber-records.ts', 'urls.ts', 'identifiers.ts', 'weak-forms.ts'])
      expect(
        literals.some(([f]) => f === file),
        file,
      ).toBe(true);
    expect(literals.some(([, r]) => r.includes('Parlementair'))).toBe(true);
  });

  it.each(literals)('%s: /%s/ has no nested unbounded quantifier', (_file, pattern) => {
    expect(hasNestedUnboundedQuantifier(pattern)).toBe(false);
  });

  it.each(['(a+)+', '(?:\\s*x)*', '((ab)*c)+', '(?:a|b+){2,}', '(x(?:y+))*'])('detects %s', (pattern) => {
    expect(hasNestedUnboundedQuantifier(pattern)).toBe(true);
  });

  it.each(['(a+)', '(?:ab)+', '[(+]+', '(a{1,3})+x', '\\(a+\\)+'])('accepts %s', (pattern) => {
    expect(hasNestedUnboundedQuantifier(pattern)).toBe(false);
  });
});
