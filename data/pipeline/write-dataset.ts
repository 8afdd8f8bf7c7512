/**
 * Writing the dataset file (Node only). The bytes are canonical JSON plus a newline, written
 * atomically, so a failed or interrupted build never leaves a partial dataset behind.
 */
import { canonicalJson } from '../dataset/canonical-json';
import type { DatasetFile } from '../dataset/types';
import { writeFileAtomic } from './atomic-write';

/** The exact bytes of the dataset file. */
export function datasetText(dataset: DatasetFile): string {
  return `${canonicalJson(dataset)}\n`;
}

/** Write `dataset` to `path` atomically; returns the number of bytes written. */
export function writeDataset(dataset: DatasetFile, path: string): number {
  const text = datasetText(dataset);
  writeFileAtomic(path, text);
  return Buffer.byteLength(text);
}
