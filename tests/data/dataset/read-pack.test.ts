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
    [
      'a truncated file',
      pack.subarray(0, Math.floor(pack.length / 2)),
      'not a complete gzip file',
      'not-gzip',
    ],
    [
      'a file cut before its checksum',
      pack.subarray(0, pack.length - 4),
      'not a complete gzip file',
      'not-gzip',
    ],
    ['a corrupt file', Buffer.from(pack.map((b, i) => (i === 40 ? b ^ 0xff : b))), 'Not a usable pack', null],
    ['something else entirely', Buffer.from('{"documents": []}'), 'not a complete gzip file', 'not-gzip'],
    ['an empty file', Buffer.alloc(0), 'Not a usable pack', null],
    [
      'gzip of something that is not a pack',
      gzipSync('{"format":"other"}'),
      'not a Kamerlens pack',
      'not-a-pack',
    ],
    ['gzip of text that is not JSON', gzipSync('hello'), 'not JSON', 'not-json'],
    ['a newer pack format', editedPackFile(original, { formatVersion: 2 }), 'pack format 2 is not', 'format'],
    [
      'records of another schema',
      editedPackFile(original, { schemaVersion: 9 }),
      'records of schema 9',
      'schema',
    ],
    [
      'a pack with a strange id',
      editedPackFile(original, { id: '../x' }),
      'its id is not a pack id',
      'bad-id',
    ],
    [
      'counts that do not match',
      editedPackFile(original, { counts: { documents: 0, dossiers: 0 } }),
      'its counts do not match',
      'counts',
    ],
    [
      'a version that does not match',
      editedPackFile(original, { version: '1-000000000000' }),
      'version',
      'version',
    ],
  ] as const)('refuses %s, with the reason in English and as a code', async (_, bytes, message, code) => {
    const result = await readPack(streamOf(bytes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
    // A corrupt or empty file fails in gzip or in JSON, depending on where the damage is.
    if (code) expect(result.refusal?.code).toBe(code);
    else expect(['not-gzip', 'not-json']).toContain(result.refusal?.code);
  });

  it('gives the detail the reader needs with the code (the version found)', async () => {
    const format = await readPack(streamOf(editedPackFile(original, { formatVersion: 2 })));
    expect(format.refusal).toEqual({ code: 'format', detail: '2' });
    const schema = await readPack(streamOf(editedPackFile(original, { schemaVersion: 9 })));
    expect(schema.refusal).toEqual({ code: 'schema', detail: '9' });
  });

  it('refuses a pack whose records were changed after hashing', async () => {
    const documents = original.documents.map((d) => ({ ...d, title: 'Vervalst' }));
    const result = await readPack(streamOf(editedPackFile(original, { documents })));
    expect(result).toEqual({
      ok: false,
      error: 'Not a usable pack: its content does not match its hash.',
      refusal: { code: 'tampered', detail: '' },
    });
  });

  it('refuses a hashed pack whose records are not valid, naming the problem', async () => {
    const documents = original.documents.map((d, i) =>
      i === 0 ? { ...d, stub: 'ja' as unknown as boolean } : d,
    );
    const rehashed = rehash({ ...original, documents });
    const result = await readPack(streamOf(editedPackFile(rehashed, {})));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('documents[0].stub: must be true or false');
    expect(result.refusal).toEqual({
      code: 'invalid-records',
      detail: expect.stringContaining('documents[0].stub'),
    });
  });
});

/** `pack` with its hash, version and counts made to fit its (edited) records again. */
function rehash(pack: typeof original): typeof original {
  const contentHash = createHash('sha256').update(hashedContent(pack)).digest('hex');
  return { ...pack, contentHash, version: `${pack.schemaVersion}-${contentHash.slice(0, 12)}` };
}
