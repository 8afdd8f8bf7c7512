/**
 * Chrome's pack importer as the service worker sees it: the offscreen document is opened for an
 * import or removal, once for calls that overlap, closed when none waits, never closed under a call,
 * and progress asked while it is closed comes from the database without opening it.
 */
import { describe, expect, it } from 'vitest';
import type { ImporterCall, PackImportProgress } from '../../../data/messages';
import {
  type OffscreenPlatform,
  offscreenImporter,
} from '../../../entrypoints/background/offscreen-importer';

const STORED: PackImportProgress = {
  state: 'done',
  fraction: 1,
  fileName: 'opgeslagen.pack.json.gz',
  packId: 'p',
  version: '1',
  replaced: null,
  error: null,
  refusal: null,
};

const progress = (fraction: number): PackImportProgress => ({ ...STORED, state: 'importing', fraction });

/** A forged platform: the document's state, a log of what happened, and answers released by hand. */
function platform(
  options: { open?: boolean; answer?: (call: ImporterCall) => unknown; closing?: Promise<void> } = {},
) {
  let open = options.open ?? false;
  const log: string[] = [];
  const waiting: { call: ImporterCall; release(answer?: unknown): void }[] = [];
  const fake: OffscreenPlatform = {
    isOpen: async () => open,
    open: async () => {
      log.push('open');
      open = true;
    },
    close: async () => {
      if (options.closing) {
        log.push('closing');
        await options.closing;
      }
      log.push('close');
      open = false;
      // A call still waiting on the document when it is gone fails.
      for (const call of waiting.splice(0)) call.release({ ok: false, error: 'document closed' });
    },
    send: (message) => {
      if (!open) return Promise.reject(new Error('Receiving end does not exist.'));
      const call = message.payload;
      log.push(`send ${call.call}`);
      if (options.answer) return Promise.resolve(options.answer(call));
      return new Promise((resolve) => {
        waiting.push({ call, release: (answer) => resolve(answer ?? { ok: true, value: progress(1) }) });
      });
    },
    stored: async () => STORED,
  };
  return { fake, log, waiting, isOpen: () => open };
}

/** Lets queued promise callbacks run. */
const settle = () => new Promise((done) => setTimeout(done, 0));

describe("Chrome's importer through an offscreen document", () => {
  it('opens the document once for overlapping calls and closes it after the last', async () => {
    const { fake, log, waiting, isOpen } = platform();
    const importer = offscreenImporter(fake);
    const imported = importer.importStaged();
    const removed = importer.remove('p');
    await settle();
    expect(log).toEqual(['open', 'send importStaged', 'send remove']);
    waiting[0]?.release();
    await imported;
    await settle();
    expect(isOpen()).toBe(true);
    waiting[1]?.release({ ok: true, value: true });
    expect(await removed).toBe(true);
    await settle();
    expect(log).toEqual(['open', 'send importStaged', 'send remove', 'close']);
    expect(isOpen()).toBe(false);
  });

  it('answers progress from the database while the document is closed, without opening it', async () => {
    const { fake, log } = platform();
    expect(await offscreenImporter(fake).progress()).toEqual(STORED);
    expect(log).toEqual([]);
  });

  it('asks the open document for progress, and the database when the document does not answer', async () => {
    const { fake } = platform({ open: true, answer: () => ({ ok: true, value: progress(0.4) }) });
    expect(await offscreenImporter(fake).progress()).toEqual(progress(0.4));
    const silent = platform({ open: true, answer: () => undefined });
    expect(await offscreenImporter(silent.fake).progress()).toEqual(STORED);
  });

  it('uses a document a stopped worker left open, and closes it after', async () => {
    const { fake, log } = platform({ open: true, answer: () => ({ ok: true, value: progress(1) }) });
    expect(await offscreenImporter(fake).importStaged()).toEqual(progress(1));
    await settle();
    expect(log).toEqual(['send importStaged', 'close']);
  });

  it('never closes the document under a call that came while it was being closed', async () => {
    let finishClosing = () => {};
    const closing = new Promise<void>((done) => {
      finishClosing = done;
    });
    const { fake, log, waiting } = platform({ closing });
    const importer = offscreenImporter(fake);
    const first = importer.importStaged();
    await settle();
    waiting[0]?.release();
    await first;
    await settle();
    expect(log.at(-1)).toBe('closing');
    const second = importer.importStaged();
    await settle();
    // Not sent to the document being closed: after it closed, to a new one.
    expect(log.at(-1)).toBe('closing');
    finishClosing();
    await settle();
    expect(log.slice(-3)).toEqual(['close', 'open', 'send importStaged']);
    waiting[0]?.release();
    expect(await second).toEqual(progress(1));
  });

  it("turns the document's refusal or silence into an error", async () => {
    const refused = platform({ answer: () => ({ ok: false, error: 'importerCall: sender not accepted' }) });
    await expect(offscreenImporter(refused.fake).remove('p')).rejects.toThrow('sender not accepted');
    const silent = platform({ answer: () => undefined });
    await expect(offscreenImporter(silent.fake).importStaged()).rejects.toThrow(
      'pack importer: no answer to importStaged',
    );
    await settle();
    expect(silent.log.at(-1)).toBe('close');
  });

  it('opens no document for an import with nothing to do (each wake asks), one when there is work', async () => {
    let work = false;
    const { fake, log } = platform({
      answer: (call) => ({ ok: true, value: call.call === 'remove' || progress(1) }),
    });
    const importer = offscreenImporter({ ...fake, workWaiting: async () => work });
    expect(await importer.importStaged()).toEqual(STORED);
    await settle();
    expect(log).toEqual([]);
    // With work, or beside a removal (never asked about), calls keep their order.
    work = true;
    await Promise.all([importer.importStaged(), importer.remove('p')]);
    await settle();
    expect(log).toEqual(['open', 'send importStaged', 'send remove', 'close']);
    // A document a stopped worker left open is used even when nothing waits, then closed.
    const left = platform({ open: true, answer: () => ({ ok: true, value: progress(1) }) });
    const woken = offscreenImporter({ ...left.fake, workWaiting: async () => false });
    expect(await woken.importStaged()).toEqual(progress(1));
    await settle();
    expect(left.log).toEqual(['send importStaged', 'close']);
  });
});
