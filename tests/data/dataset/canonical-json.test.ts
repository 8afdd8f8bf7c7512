/**
 * The hashed content written in steps is byte for byte the text `hashedContent` writes in one go (as UTF-8),
 * so a pack's hash checks the same whichever wrote it, and the steps yield to the event loop.
 */
import { describe, expect, it } from 'vitest';
import { hashedBytesInSteps, hashedContent } from '../../../data/dataset/canonical-json';

const encoded = (text: string) => new TextEncoder().encode(text);

import { generatedDataset } from '../../fixtures/db/generated-dataset';

describe('hashedBytesInSteps', () => {
  it('writes the same text as hashedContent', async () => {
    const { documents, dossiers } = generatedDataset(1_000);
    const file = { documents, dossiers };
    expect(await hashedBytesInSteps(file)).toEqual(encoded(hashedContent(file)));
  });

  it('the same on odd input: holes, undefined members, nesting, empty lists, no lists', async () => {
    const odd = [
      {
        documents: [{ b: 1, a: undefined, c: [undefined, { z: 'é', y: null }] }, undefined, 3],
        dossiers: [],
      },
      { documents: [], dossiers: [{ id: '34352', title: 'Zorg' }] },
      { documents: 'not a list', dossiers: [1] },
      { documents: [1, 2], dossiers: null },
    ];
    for (const file of odd) expect(await hashedBytesInSteps(file)).toEqual(encoded(hashedContent(file)));
  });

  it('yields to the event loop while writing many records', async () => {
    const { documents, dossiers } = generatedDataset(2_000);
    let ranBetween = false;
    setTimeout(() => {
      ranBetween = true;
    }, 0);
    const writing = hashedBytesInSteps({ documents, dossiers });
    expect(ranBetween).toBe(false);
    await writing;
    expect(ranBetween).toBe(true);
  });
});
