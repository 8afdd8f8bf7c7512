/** A problem in one source file, reported with the file name and the 1-based line it was found on. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'SourceError';
  }
}

/** 1-based line number of the UTF-16 offset `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** `text` parsed as JSON; a syntax error becomes a `SourceError` at the line where it was found. */
export function parseJsonSource(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    throw new SourceError(
      file,
      position ? lineAt(text, Number(position)) : 1,
      `not valid JSON: ${String(error)}`,
    );
  }
}
