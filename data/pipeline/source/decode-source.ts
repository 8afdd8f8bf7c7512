/**
 * Bytes of a source file → text. Refuses what is not a text document (empty, binary, invalid UTF-8)
 * with the line where the problem is, because a silently mangled source makes a wrong dataset.
 */
import { lineAt, SourceError } from './source-error';

/** Decode `bytes` as UTF-8 text, or throw a `SourceError` naming `file` and the line. */
export function decodeSource(file: string, bytes: Uint8Array): string {
  const badByte = firstInvalidUtf8(bytes);
  if (badByte !== -1) {
    throw new SourceError(file, lineOfByte(bytes, badByte), 'not text: invalid UTF-8');
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const control = firstControlCharacter(text);
  if (control !== -1) {
    const what = text.charCodeAt(control) === 0 ? 'NUL byte' : 'control character';
    throw new SourceError(file, lineAt(text, control), `not text: ${what} (binary file?)`);
  }
  if (text.trim() === '') throw new SourceError(file, 1, 'empty source');
  return text.replace(/\r\n?/g, '\n');
}

/** Byte offset of the first malformed UTF-8 sequence, or -1. Overlongs and surrogates count as malformed. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return; and DEL.
function firstControlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) return i;
  }
  return -1;
}
