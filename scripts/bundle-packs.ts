/**
 * `npm run -s data:bundle -- --from DIR [--pack ID]...`: the packs a release bundles, copied from a
 * folder written by `data:build -- --packs DIR` into `public/packs/` (all of that folder's packs
 * when no --pack is given). `npm run -s data:bundle -- --none` bundles none. Run it before
 * `npm run build:release`; on any error nothing is changed and the message says why.
 */
import {
  BUNDLED_PACKS_DIR,
  BundleError,
  bundlePacks,
  clearBundled,
} from '../data/pipeline/packs/bundle-packs';

const USAGE = 'usage: npm run -s data:bundle -- --from DIR [--pack ID]...  |  --none';

function main(argv: string[]): number {
  let from: string | null = null;
  let none = false;
  const ids: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--none') {
      none = true;
      continue;
    }
    const value = argv[i + 1];
    if ((arg !== '--from' && arg !== '--pack') || value === undefined || value.startsWith('--')) {
      process.stderr.write(
        `data:bundle: ${arg} ${arg === '--from' || arg === '--pack' ? 'needs a value' : 'is not an option'}\n${USAGE}\n`,
      );
      return 2;
    }
    if (arg === '--from') from = value;
    else ids.push(value);
    i++;
  }
  if (none === (from !== null) || (none && ids.length > 0)) {
    process.stderr.write(`data:bundle: give --from DIR (and any --pack ID), or --none\n${USAGE}\n`);
    return 2;
  }
  try {
    if (from === null) {
      clearBundled();
      process.stdout.write(`${BUNDLED_PACKS_DIR}: no packs bundled\n`);
      return 0;
    }
    const list = bundlePacks(from, ids);
    const documents = list.packs.reduce((n, p) => n + p.counts.documents, 0);
    const bytes = list.packs.reduce((n, p) => n + p.bytes, 0);
    process.stdout.write(
      `${BUNDLED_PACKS_DIR}: ${list.packs.length} packs bundled (${list.packs.map((p) => p.id).join(', ')}), ${documents} documents, ${bytes} bytes gzip\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(
      `data:bundle failed: ${error instanceof BundleError ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
