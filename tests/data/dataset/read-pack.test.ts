// @vitest-environment node
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashedContent } from '../../../data/dataset/canonical-json';
import { readPack } from '../../../data/dataset/read-pack';
import { editedPackFile, fixturePacks, packFile, streamOf } from '../../fixtures/opendata/fixture-packs';

const original = fixturePacks()[0] ?? (null as never);
const pack = packFile(original);

describe('readPack', () => {
  it('reads back every pack the build writes, reporting bytes read as it goes', async () => {
    for (const written of fixturePacks()) {
      const bytes = packFile(written);
      const seen: number[] = [];
      const result = await readPack(streamOf(bytes), { onBytes: (read) => seen.push(read) });
      expect(result).toEqual({ ok: true, value: JSON.parse(canonicalJson(written)) });
      expect(seen.at(-1)).toBe(bytes.length);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }
  });

  it.each([
    ['a truncated file', pack.subarray(0, Math.floor(pack.length / 2)), 'not a complete gzip file'],
    ['a file cut before its checksum', pack.subarray(0, pack.length - 4), 'not a complete gzip file'],
    ['a corrupt file', Buffer.from(pack.map((b, i) => (i === 40 ? b ^ 0xff : b))), 'Not a usable pack'],
    ['something else entirely', Buffer.from('{"documents": []}'), 'not a complete gzip file'],
    ['an empty file', Buffer.alloc(0), 'Not a usable pack'],
    ['gzip of something that is not a pack', gzipSync('{"format":"other"}'), 'not a Kamerlens pack'],
    ['gzip of text that is not JSON', gzipSync('hello'), 'not JSON'],
    ['a newer pack format', editedPackFile(original, { formatVersion: 2 }), 'pack format 2 is not'],
    ['records of another schema', editedPackFile(original, { schemaVersion: 9 }), 'records of schema 9'],
    ['a pack with a strange id', editedPackFile(original, { id: '../x' }), 'its id is not a pack id'],
    [
      'counts that do not match',
      editedPackFile(original, { counts: { documents: 0, dossiers: 0 } }),
      'its counts do not match',
    ],
    ['a version that does not match', editedPackFile(original, { version: '1-000000000000' }), 'version'],
  ])('refuses %s', async (_, bytes, message) => {
    const result = await readPack(streamOf(bytes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('refuses a pack whose records were changed after hashing', async () => {
    const documents = original.documents.map((d) => ({ ...d, title: 'Vervalst' }));
    const result = await readPack(streamOf(editedPackFile(original, { documents })));
    expect(result).toEqual({ ok: false, error: 'Not a usable pack: its content does not match its hash.' });
  });

  it('refuses a hashed pack whose records are not valid, naming the problem', async () => {
    const documents = original.documents.map((d, i) =>
      i === 0 ? { ...d, stub: 'ja' as unknown as boolean } : d,
    );
    const rehashed = rehash({ ...original, documents });
    const result = await readPack(streamOf(editedPackFile(rehashed, {})));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('documents[0].stub: must be true or false');
  });
});

/** `pack` with its hash, version and counts made to fit its (edited) records again. */
function rehash(pack: typeof original): typeof original {
  const contentHash = createHash('sha256').update(hashedContent(pack)).digest('hex');
  return { ...pack, contentHash, version: `${pack.schemaVersion}-${contentHash.slice(0, 12)}` };
}
