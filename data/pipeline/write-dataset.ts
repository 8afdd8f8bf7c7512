/**
 * Writing the dataset file (Node only). The bytes are canonical JSON plus a newline, written to a
 * temporary file next to the target and renamed into place, so a failed or interrupted build never
 * leaves a partial dataset behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalJson } from '../dataset/canonical-json';
import type { DatasetFile } from '../dataset/types';

/** The exact bytes of the dataset file. */
export function datasetText(dataset: DatasetFile): string {
  return `${canonicalJson(dataset)}\n`;
}

/** Write `dataset` to `path` atomically; returns the number of bytes written. */
export function writeDataset(dataset: DatasetFile, path: string): number {
  const text = datasetText(dataset);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return Buffer.byteLength(text);
}
