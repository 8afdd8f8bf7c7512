/**
 * The offscreen importer's message: `runtime.onMessage` there also hears content scripts and the
 * side panel's other calls, so only `importerCall` from the extension itself is answered.
 */
import { describe, expect, it } from 'vitest';
import type { PackImporter } from '../../../data/db/pack-importer';
import type { PackImportProgress } from '../../../data/messages';
import { answerImporterCall } from '../../../entrypoints/importer/importer-calls';

const EXTENSION = { id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop/' };
const WORKER = { id: EXTENSION.id, url: `${EXTENSION.origin}background.js` };
const DONE = { state: 'done', fraction: 1 } as PackImportProgress;

function importer() {
  const calls: string[] = [];
  const fake: PackImporter = {
    progress: async () => {
      calls.push('progress');
      return DONE;
    },
    importStaged: async () => {
      calls.push('importStaged');
      return DONE;
    },
    remove: async (id) => {
      calls.push(`remove ${id}`);
      return true;
    },
  };
  return { fake, calls };
}

describe('the offscreen importer answers', () => {
  it("the extension's own calls", async () => {
    const { fake, calls } = importer();
    const call = (payload: unknown) =>
      answerImporterCall({ type: 'importerCall', payload }, WORKER, EXTENSION, fake);
    expect(await call({ call: 'progress' })).toEqual({ ok: true, value: DONE });
    expect(await call({ call: 'importStaged' })).toEqual({ ok: true, value: DONE });
    expect(await call({ call: 'remove', id: 'vergaderjaar-2024-2025' })).toEqual({ ok: true, value: true });
    expect(calls).toEqual(['progress', 'importStaged', 'remove vergaderjaar-2024-2025']);
  });

  it('nothing else: other messages are not its to answer', () => {
    const { fake, calls } = importer();
    for (const message of [
      null,
      'importerCall',
      { type: 'lookup', payload: { ids: ['x'] } },
      { payload: {} },
    ])
      expect(answerImporterCall(message, WORKER, EXTENSION, fake)).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('refuses senders that are not the extension itself, and calls it does not know', async () => {
    const { fake, calls } = importer();
    const message = { type: 'importerCall', payload: { call: 'remove', id: 'p' } };
    const forged = [
      { ...WORKER, tab: { id: 3 } },
      { id: 'another-extension', url: WORKER.url },
      { id: EXTENSION.id, url: 'https://example.org/' },
      { id: EXTENSION.id },
    ];
    for (const sender of forged)
      expect(await answerImporterCall(message, sender, EXTENSION, fake)).toMatchObject({ ok: false });
    for (const payload of [
      {},
      { call: 'delete' },
      { call: 'remove' },
      { call: 'remove', id: '' },
      { call: 'remove', id: 'x'.repeat(101) },
      { call: 'progress', id: 'p' },
      { call: 'importStaged', extra: 'x' },
      'importStaged',
    ])
      expect(
        await answerImporterCall({ type: 'importerCall', payload }, WORKER, EXTENSION, fake),
      ).toMatchObject({ ok: false, error: expect.stringMatching(/^importerCall: /) });
    expect(calls).toEqual([]);
  });

  it("passes the importer's failure on as a result", async () => {
    const { fake } = importer();
    const failing = { ...fake, importStaged: () => Promise.reject(new Error('database closed')) };
    expect(
      await answerImporterCall(
        { type: 'importerCall', payload: { call: 'importStaged' } },
        WORKER,
        EXTENSION,
        failing,
      ),
    ).toEqual({ ok: false, error: 'database closed' });
  });
});
