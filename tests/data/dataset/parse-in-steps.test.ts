/**
 * `parseJsonInSteps` gives what `JSON.parse` gives, and refuses what it refuses, on a real pack's
 * text and on texts written to trip a scan that follows strings and nesting.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../data/dataset/canonical-json';
import { parseJsonInSteps } from '../../../data/dataset/parse-in-steps';
import { generatedDataset } from '../../fixtures/db/generated-dataset';

/** Texts with brackets, quotes and escapes in strings, nesting, spacing and empty lists. */
const READ = [
  '{"a":[1,2,3],"b":"x"}',
  ' \n{ "docs" : [ {"t":"a ] b , c [ {"} , "\\"]\\\\" , [[1],[2,{"k":[]}]] , null , -1.5e3 , true ] , "z" : [ ] }\n ',
  '{"k\\u0061y":["v"],"n":{"inner":[1,2]},"last":[{"a":{"b":[{"c":"}"}]}}]}',
  '{"":[""],"é":["ü",{"ß":"\\u00e9"}]}',
  '{"a":[],"b":[],"c":[[]]}',
  '{"a":1}',
  '[1,2,3]',
  '"just a string"',
  '{}',
];

/** Texts JSON.parse refuses. */
const REFUSED = [
  '{"a":[1,]}',
  '{"a":[,1]}',
  '{"a":[1,,2]}',
  '{"a":[1 2]}',
  '{"a":[1}',
  '{"a":[1]]',
  '{"a":[1]} x',
  '{"a":[1]}{"b":[2]}',
  '{"a":["unterminated]}',
  '{"a":[{"b":1]}]}',
  '{"a" [1]}',
  '{[1]}',
  '{"a":[1]',
  '',
  '{"a":[tru]}',
];

/** Parsed both ways: the same value, or both refused with a SyntaxError. */
async function expectLikeJsonParse(text: string, pieces?: string[]): Promise<void> {
  let expected: unknown;
  let refused = false;
  try {
    expected = JSON.parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    refused = true;
  }
  const input = pieces ?? text;
  const label = JSON.stringify(input);
  if (refused) await expect(parseJsonInSteps(input), label).rejects.toBeInstanceOf(SyntaxError);
  else expect(await parseJsonInSteps(input), label).toEqual(expected);
}

describe('parseJsonInSteps', () => {
  it('reads a pack-shaped text as JSON.parse does, yielding while it reads', async () => {
    const { documents, dossiers } = generatedDataset(3_000);
    const text = canonicalJson({
      counts: { documents: 3_000 },
      documents,
      dossiers,
      format: 'kamerlens-pack',
    });
    let ranBetween = false;
    setTimeout(() => {
      ranBetween = true;
    }, 0);
    const parsing = parseJsonInSteps(text);
    expect(ranBetween).toBe(false);
    expect(await parsing).toEqual(JSON.parse(text));
    expect(ranBetween).toBe(true);
  });

  it('the same on texts with brackets, quotes and escapes in strings, nesting, spacing and empty lists', async () => {
    for (const text of READ) await expectLikeJsonParse(text);
  });

  it('a `__proto__` key is an own property, as JSON.parse makes it, and pollutes nothing', async () => {
    const text = '{"__proto__":[{"polluted":true}],"documents":[1]}';
    const parsed = (await parseJsonInSteps(text)) as Record<string, unknown>;
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectLikeJsonParse(text);
  });

  it('refuses what JSON.parse refuses', async () => {
    for (const text of REFUSED) await expectLikeJsonParse(text);
  });

  it('reads a text in pieces as the pieces joined, wherever it is cut (inside an escape, a key, between pieces left empty)', async () => {
    for (const text of [...READ, ...REFUSED, '{"a":["p\\",\\"q","\\\\",1]}']) {
      for (let cut = 0; cut <= text.length; cut++) {
        await expectLikeJsonParse(text, [text.slice(0, cut), text.slice(cut)]);
        await expectLikeJsonParse(text, [
          text.slice(0, cut),
          '',
          text.slice(cut, cut + 1),
          text.slice(cut + 1),
        ]);
      }
    }
    await expectLikeJsonParse('', []);
  });

  it('a key twice keeps the last value, whatever it is', async () => {
    await expectLikeJsonParse('{"documents":[1,2],"documents":5}');
    await expectLikeJsonParse('{"documents":[1,2],"documents":[3]}');
  });
});
