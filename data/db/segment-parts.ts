/**
 * A search segment's large fields (its vocabulary and passage tables: 46 MB at 300,000 documents)
 * stored apart from its row, in parts of about a megabyte. IndexedDB copies a value synchronously
 * on the calling thread when it is put, so the segment as one row was a single task of 0.2 s on a
 * quiet machine and 0.9 s under load (CPU profile of `PANEL_BENCH_CPUPROFILE=1 npm run bench --
 * panel` at 300,000 documents), inside an import's last transaction: every lookup meanwhile waited
 * for it. In parts, each written in a short transaction of its own before the last one (which then
 * writes a row of a few hundred bytes), no single copy is long and lookups answer between them.
 *
 * Parts are rows of the postings table, under the key of the generation that wrote them (stem
 * `\u0001` + the part's number; no stem holds a control character), so everything that deletes a
 * generation's postings (`dropPostings`, `sweepPostings`) deletes its parts with them. Texts are
 * stored as UTF-8, so a segment read back holds one-byte strings: a folded vocabulary is ASCII, but
 * strings cut from a text with one character outside Latin-1 are stored by V8 at two bytes a
 * character, and were stored so before (27.6 of the 46 MB).
 */
import type { SearchSegment } from '../search/segment';
import { nextTask } from '../time-slices';

/** The fields stored in parts: every field of a segment that grows with its documents. */
const PACKED = [
  'docFirstPassage',
  'passageLength',
  'passageBoost',
  'surfaceStart',
  'surfaceStem',
  'stemStart',
  'stemDf',
  'stemOrder',
  'surfaces',
  'stems',
] as const;

type PackedName = (typeof PACKED)[number];

/** Bytes per part (the last is shorter). */
const PART_BYTES = 1 << 20;

/** The typed arrays a packed field can be; `text` is a string stored as UTF-8. */
const ARRAYS = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
} as const;

type ArrayKind = keyof typeof ARRAYS;

/** Where one packed field lies in the segment's bytes. */
interface PackedField {
  name: PackedName;
  kind: ArrayKind | 'text';
  /** Byte offset and byte length. */
  offset: number;
  bytes: number;
}

/** How a segment's packed fields are laid out over its parts (kept on its row). */
interface PackedLayout {
  parts: number;
  fields: PackedField[];
}

/** A segment row (`S`) whose large fields are in parts. */
export type Packed<S extends SearchSegment> = Omit<S, PackedName> & { packed: PackedLayout };

/** One part: a postings row holding bytes, not postings. */
export interface SegmentPart {
  stem: string;
  segment: string;
  bytes: ArrayBuffer;
}

/** The postings-table key (`stem`) of part `n`. */
const partStem = (n: number) => `\u0001${n}`;

function kindOf(value: unknown): ArrayKind | 'text' {
  if (typeof value === 'string') return 'text';
  for (const [kind, Type] of Object.entries(ARRAYS)) if (value instanceof Type) return kind as ArrayKind;
  throw new Error('a segment field to pack is neither text nor a typed array');
}

/**
 * `segment` as a small row and its parts, under `key` (the postings key of its generation). Yields
 * to the event loop between fields: encoding the texts and copying the arrays is tens of
 * milliseconds at 300,000 documents.
 */
export async function packSegment<S extends SearchSegment>(
  segment: S,
  key: string,
): Promise<{ row: Packed<S>; parts: SegmentPart[] }> {
  const encoder = new TextEncoder();
  const contents: Uint8Array[] = [];
  const fields: PackedField[] = [];
  let offset = 0;
  for (const name of PACKED) {
    const value = segment[name];
    const kind = kindOf(value);
    const bytes =
      typeof value === 'string'
        ? encoder.encode(value)
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    // Typed arrays start at a multiple of 4, so reading one back can view it where it lies.
    offset = Math.ceil(offset / 4) * 4;
    fields.push({ name, kind, offset, bytes: bytes.byteLength });
    contents.push(bytes);
    offset += bytes.byteLength;
    await nextTask();
  }
  const parts: SegmentPart[] = [];
  for (let start = 0; start < Math.max(offset, 1); start += PART_BYTES) {
    const part = new Uint8Array(Math.min(PART_BYTES, offset - start));
    fields.forEach((field, i) => {
      const from = Math.max(field.offset, start);
      const to = Math.min(field.offset + field.bytes, start + part.byteLength);
      const content = contents[i];
      if (from < to && content)
        part.set(content.subarray(from - field.offset, to - field.offset), from - start);
    });
    parts.push({ stem: partStem(parts.length), segment: key, bytes: part.buffer });
    await nextTask();
  }
  const small = Object.fromEntries(
    Object.entries(segment).filter(([name]) => !(PACKED as readonly string[]).includes(name)),
  ) as Omit<S, PackedName>;
  return { row: { ...small, packed: { parts: parts.length, fields } }, parts };
}

/** The postings-table keys of `row`'s parts, in order. */
export function partKeys(row: Packed<SearchSegment>, key: string): [string, string][] {
  return Array.from({ length: row.packed.parts }, (_, n): [string, string] => [partStem(n), key]);
}

/** Bytes `[from, to)` of the parts, as one array (a view where they lie in one part). */
function bytesOf(parts: readonly ArrayBuffer[], from: number, to: number): Uint8Array {
  const first = Math.floor(from / PART_BYTES);
  if (Math.floor((to - 1) / PART_BYTES) === first || to === from) {
    const part = parts[first] ?? new ArrayBuffer(0);
    return new Uint8Array(part, from - first * PART_BYTES, to - from);
  }
  const out = new Uint8Array(to - from);
  for (let n = first; n * PART_BYTES < to; n++) {
    const start = n * PART_BYTES;
    const part = new Uint8Array(parts[n] ?? new ArrayBuffer(0));
    const a = Math.max(from, start);
    const b = Math.min(to, start + part.byteLength);
    out.set(part.subarray(a - start, b - start), a - from);
  }
  return out;
}

/**
 * The segment `row` describes, from its parts' bytes in order. Arrays lying within one part view
 * it, the others are copied together; texts are decoded.
 */
export function unpackSegment<S extends SearchSegment>(row: Packed<S>, parts: readonly ArrayBuffer[]): S {
  if (parts.length !== row.packed.parts) throw new Error('a search segment’s parts are missing');
  const decoder = new TextDecoder();
  const { packed, ...rest } = row;
  const fields: Record<string, unknown> = {};
  for (const { name, kind, offset, bytes } of packed.fields) {
    const view = bytesOf(parts, offset, offset + bytes);
    if (kind === 'text') fields[name] = decoder.decode(view);
    else {
      const Type = ARRAYS[kind];
      fields[name] = new Type(
        view.buffer as ArrayBuffer,
        view.byteOffset,
        view.byteLength / Type.BYTES_PER_ELEMENT,
      );
    }
  }
  return { ...rest, ...fields } as unknown as S;
}

/** Whether a stored segment row keeps its large fields in parts. */
export const isPacked = <S extends SearchSegment>(row: S | Packed<S>): row is Packed<S> => 'packed' in row;
