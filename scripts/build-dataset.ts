/**
 * `npm run -s data:build -- [--out FILE] [--sources DIR] [--opendata DIR [--since DATE]
 * [--dossier N]... [--kind K]...]`: build the dataset from the sources (and, with --opendata, from
 * a folder synced by `npm run data:sync`) and write it (default `public/dataset.json`, where the
 * extension build picks it up). On any error nothing is written and the message says why.
 */
import { resolve } from 'node:path';
import type { PackSplit } from '../data/dataset/pack-format';
import type { DatasetFile } from '../data/dataset/types';
import { buildDataset } from '../data/pipeline/build';
import { buildWithOpenData, type OpenDataFilters } from '../data/pipeline/opendata/build-opendata';
import { formatReport } from '../data/pipeline/opendata/build-report';
import { writePacks } from '../data/pipeline/packs/write-packs';
import { SourceError } from '../data/pipeline/source/source-error';
import { writeDataset } from '../data/pipeline/write-dataset';

const DEFAULT_OUT = 'public/dataset.json';
const USAGE =
  'usage: npm run -s data:build -- [--out FILE] [--sources DIR] [--opendata DIR [--since YYYY-MM-DD] [--dossier N]... [--kind K]...] [--packs DIR [--split vergaderjaar|dossier]]';

interface Args {
  out: string;
  sourcesDir?: string;
  opendataDir?: string;
  filters: OpenDataFilters;
  packsDir?: string;
  split?: PackSplit;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { out: DEFAULT_OUT, filters: {} };
  for (let i = 0; i < argv.length; i += 2) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
    if (arg === '--out') args.out = value;
    else if (arg === '--sources') args.sourcesDir = resolve(value);
    else if (arg === '--opendata') args.opendataDir = resolve(value);
    else if (arg === '--since') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
        return `--since must be a date (YYYY-MM-DD), not ${value}`;
      args.filters.since = value;
    } else if (arg === '--dossier') {
      if (!/^[1-9]\d{3,5}(?:-[A-Za-z0-9]{1,5})?$/.test(value))
        return `--dossier must be a dossier number such as 34352 or 36600-XV, not ${value}`;
      args.filters.dossiers = [...(args.filters.dossiers ?? []), value];
    } else if (arg === '--kind') args.filters.kinds = [...(args.filters.kinds ?? []), value];
    else if (arg === '--packs') args.packsDir = value;
    else if (arg === '--split') {
      if (value !== 'vergaderjaar' && value !== 'dossier')
        return `--split must be vergaderjaar or dossier, not ${value}`;
      args.split = value;
    } else return `unknown argument ${arg}`;
  }
  if (args.split && !args.packsDir) return '--split needs --packs DIR';
  if (!args.opendataDir && Object.keys(args.filters).length > 0)
    return '--since, --dossier and --kind filter open data: they need --opendata DIR';
  return args;
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`data:build: ${args}\n${USAGE}\n`);
    return 2;
  }
  try {
    let dataset: DatasetFile;
    let reportLines: string[] = [];
    if (args.opendataDir) {
      const built = buildWithOpenData({
        opendataDir: args.opendataDir,
        sourcesDir: args.sourcesDir,
        filters: args.filters,
      });
      dataset = built.dataset;
      reportLines = formatReport(built.report);
    } else dataset = buildDataset({ sourcesDir: args.sourcesDir }).dataset;
    const bytes = writeDataset(dataset, args.out);
    const stubs = dataset.documents.filter((d) => d.stub).length;
    const full = dataset.documents.length - stubs;
    const questions = dataset.documents.reduce((n, d) => n + d.qa.length, 0);
    const references = dataset.documents.reduce((n, d) => n + d.references.length, 0);
    process.stdout.write(
      `${args.out}: ${bytes} bytes, ${full} documents, ${questions} questions, ${references} references, ${stubs} stubs, version ${dataset.datasetVersion}\n`,
    );
    for (const line of reportLines) process.stdout.write(`${line}\n`);
    if (args.packsDir) {
      const list = writePacks(dataset, args.split ?? 'vergaderjaar', args.packsDir);
      const total = list.packs.reduce((n, p) => n + p.bytes, 0);
      process.stdout.write(
        `${args.packsDir}: ${list.packs.length} packs by ${list.split}, ${total} bytes gzip\n`,
      );
    }
    return 0;
  } catch (error) {
    const message =
      error instanceof SourceError || (error instanceof Error && args.opendataDir)
        ? error.message
        : String(error instanceof Error ? error.stack : error);
    process.stderr.write(`data:build failed: ${message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
