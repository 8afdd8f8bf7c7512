/**
 * Building the dataset from a sources folder (Node only: reads files, hashes with `node:crypto`).
 * Every source is parsed, editorial summaries are checked for faithfulness, the documents are
 * linked into a citation graph with stubs, and the result is validated before anyone writes it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashedContent } from '../dataset/canonical-json';
import { DATASET_SCHEMA_VERSION, type DatasetFile, type DossierRecord } from '../dataset/types';
import { validateDataset } from '../dataset/validate';
import { type ParsedDocument, parseSourceDocument } from './record/parse-document';
import { linkDocuments } from './references/graph';
import { defaultRecognizer, type Recognizer } from './references/pipeline-recognizer';
import { decodeSource } from './source/decode-source';
import { type EditorialSummary, parseEditorial } from './source/editorial';
import { MANIFEST_FILE, type Manifest, parseManifest } from './source/manifest';
import { lineAt, SourceError } from './source/source-error';
import { checkFaithfulness } from './summary/faithfulness';

/** The seed sources shipped in the repository. */
const DEFAULT_SOURCES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../sources');

/** Where to read sources from, and which recognizer to use (tests may pass their own). */
export interface BuildOptions {
  /** Folder with `*.txt` sources, optional `manifest.json` and `editorial/<source>.json`. */
  sourcesDir?: string;
  recognizer?: Recognizer;
}

/** A built dataset and the parse results behind it (for tests and reports). */
export interface BuildResult {
  dataset: DatasetFile;
  parsed: ParsedDocument[];
}

/** Build the dataset. Throws `SourceError` (file and line) for any source it cannot read faithfully. */
export function buildDataset(options: BuildOptions = {}): BuildResult {
  const dir = options.sourcesDir ?? DEFAULT_SOURCES_DIR;
  try {
    return buildFrom(dir, options.recognizer ?? defaultRecognizer);
  } catch (error) {
    // Name the file by its path, so the message can be followed from the repository root.
    if (error instanceof SourceError && error.file !== dir) {
      throw new SourceError(join(relative(process.cwd(), dir) || '.', error.file), error.line, error.problem);
    }
    throw error;
  }
}

function buildFrom(dir: string, recognizer: Recognizer): BuildResult {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new SourceError(dir, 1, 'no *.txt sources in this folder');
  const manifest = readManifest(dir, files);
  const editorials = readEditorials(dir, files);
  const sources: DatasetFile['sources'] = [];
  const parsed = files.map((file) => {
    const bytes = readFileSync(join(dir, file));
    sources.push({ file, sha256: sha256(bytes) });
    const editorial = editorials.get(file) ?? null;
    const result = parseSourceDocument(
      {
        file,
        text: decodeSource(file, bytes),
        manifest: manifest.documents.find((d) => d.source === file) ?? null,
        editorial: editorial?.summary ?? null,
      },
      recognizer,
    );
    if (editorial) checkEditorial(editorial, result);
    return result;
  });
  const dossierTitles = new Map(manifest.dossiers.map((d) => [d.id, d.title]));
  const titleOf = (dossier: string | null, suffix: string | null) =>
    dossier === null ? null : (dossierTitles.get(suffix ? `${dossier}-${suffix}` : dossier) ?? null);
  for (const { record } of parsed) record.dossierTitle = titleOf(record.dossier, record.dossierSuffix);
  const documents = linkDocuments(parsed, titleOf, recognizer);
  const dossiers: DossierRecord[] = [...manifest.dossiers]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, title, provenance }) => ({ id, title, provenance }));
  const contentHash = sha256(hashedContent({ documents, dossiers }));
  const dataset: DatasetFile = {
    schemaVersion: DATASET_SCHEMA_VERSION,
    datasetVersion: `${DATASET_SCHEMA_VERSION}-${contentHash.slice(0, 12)}`,
    contentHash,
    sources,
    documents,
    dossiers,
  };
  const valid = validateDataset(dataset);
  if (!valid.ok) throw new Error(`The built dataset does not pass its own schema: ${valid.error}`);
  return { dataset, parsed };
}

function readManifest(dir: string, files: string[]): Manifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return { documents: [], dossiers: [] };
  const text = readFileSync(path, 'utf8');
  const manifest = parseManifest(text, MANIFEST_FILE);
  for (const entry of manifest.documents) {
    if (!files.includes(entry.source)) {
      throw new SourceError(
        MANIFEST_FILE,
        lineAt(text, text.indexOf(`"${entry.source}"`)),
        `source ${entry.source} is not in the sources folder`,
      );
    }
  }
  return manifest;
}

interface EditorialFile {
  file: string;
  text: string;
  summary: EditorialSummary;
}

function readEditorials(dir: string, files: string[]): Map<string, EditorialFile> {
  const folder = join(dir, 'editorial');
  const found = new Map<string, EditorialFile>();
  if (!existsSync(folder)) return found;
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.json')) continue;
    const file = `editorial/${name}`;
    const source = name.replace(/\.json$/, '.txt');
    if (!files.includes(source))
      throw new SourceError(file, 1, `no source ${source} for this editorial summary`);
    const text = readFileSync(join(folder, name), 'utf8');
    found.set(source, { file, text, summary: parseEditorial(text, file) });
  }
  return found;
}

// An editorial summary may only state numbers, dates, amounts and names its document states.
function checkEditorial(editorial: EditorialFile, parsed: ParsedDocument): void {
  const parts = [editorial.summary.summary, ...editorial.summary.keyPoints];
  for (const part of parts) {
    const issue = checkFaithfulness(part, parsed.text)[0];
    if (issue) {
      const at = editorial.text.indexOf(issue.value);
      throw new SourceError(
        editorial.file,
        at === -1 ? 1 : lineAt(editorial.text, at),
        `not faithful to ${parsed.record.source}: ${issue.kind} "${issue.value}" does not occur in the document`,
      );
    }
  }
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
