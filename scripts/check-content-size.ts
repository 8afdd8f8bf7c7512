/**
 * The content script every page of every enabled site loads must stay small: fails when a built
 * content script is over 40 KB gzipped (level 9, as `gzip -9`). The card and annotation UI are
 * loaded on first use (/content-ui.js) and are not counted. Checks the builds named on the command
 * line (default: both test builds, whose content script is the release one's code).
 *
 *   npx tsx scripts/check-content-size.ts [.output/chrome-mv3 …]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget for what every page loads, gzipped. */
export const CONTENT_SCRIPT_BUDGET = 40 * 1024;

const builds = process.argv.slice(2);
const dirs = builds.length > 0 ? builds : ['.output/chrome-mv3-test', '.output/firefox-mv3-test'];
let failed = false;
for (const dir of dirs) {
  const file = join(dir, 'content-scripts', 'content.js');
  if (!existsSync(file)) {
    console.error(`${file}: not built (run the build first)`);
    failed = true;
    continue;
  }
  const raw = readFileSync(file);
  const gzipped = gzipSync(raw, { level: 9 }).length;
  const fits = gzipped <= CONTENT_SCRIPT_BUDGET;
  failed ||= !fits;
  console.log(
    `${fits ? 'ok ' : 'TOO BIG'} ${file}: ${(raw.length / 1024).toFixed(1)} KB raw, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${CONTENT_SCRIPT_BUDGET / 1024} KB)`,
  );
}
process.exit(failed ? 1 : 0);
