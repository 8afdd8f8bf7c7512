// @vitest-environment node
/** The `cite` tool's behaviour through its pure core, with fake files and streams. */
import { describe, expect, it } from 'vitest';
import {
  type CliIo,
  type CliSource,
  citeJsonlLine,
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  parseCliArgs,
  plainLines,
  runCli,
  USAGE,
} from '../../../data/citations/cli-core';

/** In-memory files; `<stdin>` is the key for standard input. */
function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const read = (source: CliSource): string => {
    const key = source.kind === 'stdin' ? '<stdin>' : source.path;
    const text = files[key];
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${key}'`);
    return text;
  };
  const io: CliIo = {
    readText: async (source) => read(source),
    async *readLines(source) {
      const text = read(source);
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      yield* lines;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { io, out, err };
}

describe('parseCliArgs', () => {
  it.each([
    [[], { jsonl: false, help: false, sources: [{ kind: 'stdin' }] }],
    [['--jsonl'], { jsonl: true, sources: [{ kind: 'stdin' }] }],
    [
      ['a.txt', '-', 'b.txt'],
      { sources: [{ kind: 'file', path: 'a.txt' }, { kind: 'stdin' }, { kind: 'file', path: 'b.txt' }] },
    ],
    [['--', '--jsonl'], { jsonl: false, sources: [{ kind: 'file', path: '--jsonl' }] }],
    [['-h'], { help: true }],
  ])('%j', (argv, expected) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok && parsed.options).toMatchObject(expected);
  });

  it.each([['--json'], ['-x'], ['--jsonl', '--verbose']])('rejects %j', (...argv) => {
    expect(parseCliArgs(argv)).toMatchObject({ ok: false });
  });
});

describe('plain mode', () => {
  it('prints position, official citation, ids and raw text per reference', () => {
    const text =
      'Zie Kamerstuk 34 352, nr. 340\nen (Kamerstukken II, 2023–2024,\n26 448, nr. 742); 2024Z15690.';
    expect(plainLines(text, 'brief.txt')).toEqual([
      'brief.txt:1:5\tKamerstukken 34352, nr. 340\tkst-34352-340\t"Kamerstuk 34 352, nr. 340"',
      'brief.txt:2:5\tKamerstukken II 2023/24, 26448, nr. 742\tkst-26448-742\t"Kamerstukken II, 2023–2024,\\n26 448, nr. 742"',
      'brief.txt:3:19\t2024Z15690\t2024Z15690\t"2024Z15690"',
    ]);
  });

  it('reads several files in order and reports a missing one without stopping', async () => {
    const { io, out, err } = fakeIo({ 'a.txt': 'Kamerstuk 34352-349', 'b.txt': 'kst-36582-F' });
    const code = await runCli(['a.txt', 'missing.txt', 'b.txt'], io);
    expect(code).toBe(EXIT_FAILED);
    expect(out.map((l) => l.split('\t')[0])).toEqual(['a.txt:1:1', 'b.txt:1:1']);
    expect(err).toEqual([
      "cite: cannot read missing.txt: ENOENT: no such file or directory, open 'missing.txt'",
    ]);
  });

  it('reads standard input when no file is given', async () => {
    const { io, out } = fakeIo({ '<stdin>': 'Handelingen II 2024/25, nr. 112, item 5' });
    expect(await runCli([], io)).toBe(EXIT_OK);
    expect(out).toEqual([
      '<stdin>:1:1\tHandelingen II 2024/25, nr. 112, item 5\th-tk-20242025-112-5\t"Handelingen II 2024/25, nr. 112, item 5"',
    ]);
  });
});

describe('JSONL mode', () => {
  it('gives exactly one output line per input line, in order, errors included', async () => {
    const input = [
      '{"text":"Kamerstukken II, 17 050, nrs. 601, 603 en 605","id":7}',
      'not json',
      '',
      '{"text":5}',
      '["text"]',
      'null',
      '{"text":"niets"}',
      '{"text":"Aanhangsel Handelingen II 2024/25, nr. 520"}\r',
    ].join('\n');
    const { io, out } = fakeIo({ '<stdin>': `${input}\n` });
    expect(await runCli(['--jsonl'], io)).toBe(EXIT_FAILED);
    expect(out).toHaveLength(8);
    const parsed = out.map((l) => JSON.parse(l));
    expect(parsed[0].citations[0]).toEqual({
      kind: 'kamerstuk',
      chamber: 'TK',
      vergaderjaar: null,
      dossier: '17050',
      dossierSuffix: null,
      rijkswet: null,
      numbers: ['601', '603', '605'],
      item: null,
      pages: null,
      ids: ['kst-17050-601', 'kst-17050-603', 'kst-17050-605'],
      raw: 'Kamerstukken II, 17 050, nrs. 601, 603 en 605',
      start: 0,
      end: 45,
    });
    expect(parsed.slice(1, 6).map((p) => Object.keys(p))).toEqual([
      ['error'],
      ['error'],
      ['error'],
      ['error'],
      ['error'],
    ]);
    expect(parsed[2].error).toMatch(/empty line/);
    expect(parsed[6]).toEqual({ citations: [] });
    expect(parsed[7].citations[0].ids).toEqual(['ah-tk-20242025-520']);
  });

  it('exits 0 when every line is fine', async () => {
    const { io, out } = fakeIo({ 'in.jsonl': '{"text":"kst-34352-349"}\n{"text":""}\n' });
    expect(await runCli(['--jsonl', 'in.jsonl'], io)).toBe(EXIT_OK);
    expect(out).toEqual([
      JSON.stringify({
        citations: [JSON.parse(citeJsonlLine('{"text":"kst-34352-349"}').output).citations[0]],
      }),
      '{"citations":[]}',
    ]);
  });

  it.each([
    ['{"text": "x"', /not JSON/],
    ['42', /not a JSON object/],
    ['{"tekst":"Kamerstuk 34352-349"}', /no string "text"/],
    ['   ', /empty line/],
  ])('%j is an error line', (line, message) => {
    const result = citeJsonlLine(line);
    expect(result.ok).toBe(false);
    expect(JSON.parse(result.output).error).toMatch(message);
  });
});

describe('usage', () => {
  it('prints help and exits 0', async () => {
    const { io, out } = fakeIo({});
    expect(await runCli(['--help'], io)).toBe(EXIT_OK);
    expect(out).toEqual([USAGE]);
    expect(USAGE).toMatch(/--jsonl/);
  });

  it('rejects an unknown flag with exit 2 and reads nothing', async () => {
    const { io, out, err } = fakeIo({ '<stdin>': 'Kamerstuk 34352-349' });
    expect(await runCli(['--verbose'], io)).toBe(EXIT_USAGE);
    expect(out).toEqual([]);
    expect(err[0]).toBe('cite: unknown option: --verbose');
  });
});
