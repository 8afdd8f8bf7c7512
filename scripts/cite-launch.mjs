/**
 * `npm run cite` entry: runs scripts/cite.ts as one prebuilt ES module instead of compiling it with
 * tsx on every call (start-up was most of a short run). The bundle lives in `.cache/cite/` and is
 * rebuilt with esbuild whenever a source it is built from is newer than it.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, '.cache/cite/cite.mjs');

/** Newest modification time of the sources the bundle is built from. */
function newestSource() {
  const dir = join(root, 'data/citations');
  const files = readdirSync(dir).map((f) => join(dir, f));
  files.push(join(root, 'scripts/cite.ts'), join(root, 'scripts/cite-launch.mjs'));
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

/** Whether the bundle is missing or older than a source. */
export function bundleIsStale() {
  try {
    return statSync(bundle).mtimeMs < newestSource();
  } catch {
    return true;
  }
}

/** Builds the bundle (esbuild is imported only then: it costs start-up time). */
export async function buildBundle() {
  const { build } = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  await build({
    entryPoints: [join(root, 'scripts/cite.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: bundle,
    logLevel: 'error',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (bundleIsStale()) await buildBundle();
  await import(pathToFileURL(bundle).href);
}
