/**
 * `npm run -s data:build -- [--out FILE] [--sources DIR]`: build the dataset from the sources and
 * write it (default `public/dataset.json`, where the extension build picks it up). On any error
 * nothing is written and the message names the file and line.
 */
import { resolve } from 'node:path';
import { buildDataset } from '../data/documents/build';
import { SourceError } from '../data/documents/source-error';
import { writeDataset } from '../data/documents/write-dataset';

const DEFAULT_OUT = 'public/dataset.json';

function main(argv: string[]): number {
  let out = DEFAULT_OUT;
  let sourcesDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--out' || arg === '--sources') && value !== undefined && !value.startsWith('--')) {
      if (arg === '--out') out = value;
      else sourcesDir = resolve(value);
      i++;
    } else {
      process.stderr.write(
        `data:build: unknown or incomplete argument ${arg}\nusage: npm run -s data:build -- [--out FILE] [--sources DIR]\n`,
      );
      return 2;
    }
  }
  try {
    const { dataset } = buildDataset({ sourcesDir });
    const bytes = writeDataset(dataset, out);
    const stubs = dataset.documents.filter((d) => d.stub).length;
    const full = dataset.documents.length - stubs;
    const questions = dataset.documents.reduce((n, d) => n + d.qa.length, 0);
    const references = dataset.documents.reduce((n, d) => n + d.references.length, 0);
    process.stdout.write(
      `${out}: ${bytes} bytes, ${full} documents, ${questions} questions, ${references} references, ${stubs} stubs, version ${dataset.datasetVersion}\n`,
    );
    return 0;
  } catch (error) {
    const message =
      error instanceof SourceError ? error.message : String(error instanceof Error ? error.stack : error);
    process.stderr.write(`data:build failed: ${message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
