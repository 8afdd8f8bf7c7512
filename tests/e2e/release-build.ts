/** The release build (`wxt build`, mode production) made into a temporary folder for a test file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Build the release extension; `dir` is its Chrome build, `cleanUp()` removes the folder. */
export function buildRelease(): { dir: string; cleanUp: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'kamerlens-release-'));
  const config = join(root, 'release.config.ts');
  writeFileSync(
    config,
    `import config from ${JSON.stringify(resolve('wxt.config.ts'))};\nexport default { ...config, outDir: ${JSON.stringify(join(root, 'out'))} };\n`,
  );
  const build = spawnSync('npx', ['wxt', 'build', '.', '-c', config], { encoding: 'utf8', timeout: 180_000 });
  if (build.status !== 0) throw new Error(`release build failed:\n${build.stdout}\n${build.stderr}`);
  return {
    dir: join(root, 'out', 'chrome-mv3'),
    cleanUp: () => rmSync(root, { recursive: true, force: true }),
  };
}
