/**
 * `npm run bench`: runs every benchmark in scripts/bench/ one after another (never in parallel:
 * they measure time on a shared 2-core machine). Each prints its own figures and its ratio
 * against a baseline measured in the same run. Nothing here asserts a timing.
 *
 *   npm run bench                  all benchmarks
 *   npm run bench -- recognizer    only scripts/bench/recognizer.ts (several names: several benchmarks)
 *   npm run bench -- --no-build    skip building (several benchmarks load the built test extension)
 *
 * First it builds the dataset and the test-mode extension (Chromium and Firefox), so a fresh
 * clone can run it as is.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join('scripts', 'bench');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => filters.length === 0 || filters.some((x) => f === `${x}.ts`))
  .sort();

if (!process.argv.includes('--no-build')) {
  for (const [command, args] of [
    ['npx', ['tsx', 'scripts/build-dataset.ts']],
    ['npx', ['wxt', 'build', '--mode', 'test']],
    ['npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'test']],
  ] as const) {
    const built = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) {
      console.error(`bench: ${command} ${args.join(' ')} failed`);
      process.exit(1);
    }
  }
}

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const res = spawnSync('npx', ['tsx', join(dir, file)], { stdio: 'inherit' });
  if (res.status !== 0) {
    failed += 1;
    console.log(`(${file} exited with ${res.status})`);
  }
}
if (files.length === 0) console.log('no benchmark matched');
process.exit(failed === 0 ? 0 : 1);
