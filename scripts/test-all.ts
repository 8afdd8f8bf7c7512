/**
 * `npm test`: every check the project has, in order, with one summary line at the end.
 *
 * Each check step (typecheck, lint, import circles, unused code, builds, web-ext lint) counts as one test; the Vitest suites
 * (unit and end-to-end) count each of their tests. The last line is `N passed, N failed`, which
 * CI reads; the exit code is non-zero when anything failed.
 *
 *   npm test                 everything
 *   npm test -- --skip-e2e   everything but the browser tests (no Chromium or Firefox needed)
 *
 * The Chromium end-to-end suite runs with the browser in Dutch, then the popover and side panel
 * files again in English (KAMERLENS_E2E_LOCALE); the shared scenarios then run in Firefox ESR
 * (vitest.firefox.config.ts). Each pass is counted on its own.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface Tally {
  passed: number;
  failed: number;
  failures: string[];
}

const RESULTS_DIR = 'test-results';
/** The end-to-end files that run a second time with the browser in English. */
const ENGLISH_PASS = ['tests/e2e/popover.e2e.ts', 'tests/e2e/sidepanel.e2e.ts'];
const tally: Tally = { passed: 0, failed: 0, failures: [] };

/** Runs a command with inherited output; resolves with its exit code (124 on timeout). */
function run(
  command: string,
  args: string[],
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', detached: true, env: { ...process.env, ...env } });
    const timer = setTimeout(() => {
      console.error(`\n✖ ${command} ${args.join(' ')} timed out after ${timeoutMs / 1000} s`);
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      resolve(124);
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : 1));
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve(127);
    });
  });
}

function record(name: string, ok: boolean): void {
  if (ok) tally.passed += 1;
  else {
    tally.failed += 1;
    tally.failures.push(name);
  }
  console.log(`${ok ? '✔' : '✖'} ${name}`);
}

/** A step that is one test: passes when the command exits 0. */
async function step(
  name: string,
  command: string,
  args: string[],
  timeoutMs = 10 * 60_000,
): Promise<boolean> {
  console.log(`\n▶ ${name}`);
  const ok = (await run(command, args, timeoutMs)) === 0;
  record(name, ok);
  return ok;
}

/** A Vitest run whose individual tests are counted from its JSON report; `env` adds variables. */
async function vitestSuite(
  name: string,
  configArgs: string[],
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<void> {
  console.log(`\n▶ ${name}`);
  const report = join(RESULTS_DIR, `${name}.json`);
  rmSync(report, { force: true });
  const code = await run(
    'npx',
    ['vitest', 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    timeoutMs,
    env,
  );
  let passed = 0;
  let failed = 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: { status: string; name: string; message?: string }[];
    };
    passed = json.numPassedTests;
    failed = json.numFailedTests;
    // A test file that fails to load has no tests but must still count as a failure.
    failed += json.testResults.filter((file) => file.status === 'failed' && file.message).length;
  } catch {
    failed = 0;
  }
  if (code !== 0 && failed === 0) failed = 1; // crashed, timed out, or no report
  tally.passed += passed;
  tally.failed += failed;
  if (failed > 0) tally.failures.push(`${name} (${failed} failed)`);
  console.log(`${failed === 0 ? '✔' : '✖'} ${name}: ${passed} passed, ${failed} failed`);
}

/** web-ext lint on the Firefox build: passes with 0 errors (warnings are printed). */
async function webExtLint(): Promise<void> {
  console.log('\n▶ web-ext lint (firefox-mv3-test)');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      'npx',
      [
        'web-ext',
        'lint',
        '--source-dir',
        '.output/firefox-mv3-test',
        '--no-config-discovery',
        '--output',
        'json',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.on('exit', (c) => {
      try {
        const start = text.indexOf('{');
        const json = JSON.parse(text.slice(start)) as {
          count: number;
          summary: { errors: number; warnings: number; notices: number };
          errors: { code: string; message: string; file?: string }[];
          warnings: { code: string; message: string; file?: string }[];
        };
        const { errors, warnings, notices } = json.summary;
        console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
        for (const e of json.errors) console.log(`  error ${e.code}: ${e.message} (${e.file ?? ''})`);
        for (const w of json.warnings) console.log(`  warning ${w.code}: ${w.message} (${w.file ?? ''})`);
        resolve(errors === 0 ? 0 : 1);
      } catch {
        console.log(text);
        resolve(c === 0 ? 1 : (c ?? 1));
      }
    });
  });
  record('web-ext lint (0 errors)', code === 0);
}

async function main(): Promise<void> {
  const skipE2e = process.argv.includes('--skip-e2e');
  mkdirSync(RESULTS_DIR, { recursive: true });

  await step('typecheck', 'npx', ['tsc', '--noEmit']);
  await step('lint', 'npx', ['biome', 'check', '.']);
  await step('no import circles (dpdm)', 'npm', ['run', '-s', 'check:circles']);
  await step('no unused files, exports or dependencies (knip)', 'npm', ['run', '-s', 'check:unused']);
  await vitestSuite('unit', [], 20 * 60_000);

  const dataOk = await step('dataset build', 'npm', ['run', '-s', 'data:build']);
  const chromeOk = dataOk && (await step('build chrome-mv3', 'npx', ['wxt', 'build', '--mode', 'test']));
  const firefoxOk =
    dataOk && (await step('build firefox-mv3', 'npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'test']));
  if (chromeOk && firefoxOk) {
    await step('content script ≤ 40 KB gzipped', 'npx', ['tsx', 'scripts/check-content-size.ts']);
  } else record('content script ≤ 40 KB gzipped (needs both builds)', false);
  if (firefoxOk) await webExtLint();
  else record('web-ext lint (0 errors)', false);

  if (!skipE2e) {
    if (chromeOk) {
      // Dutch is what our readers see first: the whole suite runs in Dutch, one pass in English.
      await vitestSuite('e2e', ['-c', 'vitest.e2e.config.ts'], 30 * 60_000, { KAMERLENS_E2E_LOCALE: 'nl' });
      await vitestSuite('e2e-en', ['-c', 'vitest.e2e.config.ts', ...ENGLISH_PASS], 10 * 60_000, {
        KAMERLENS_E2E_LOCALE: 'en',
      });
    } else record('e2e (needs the Chrome build)', false);
    // The shared scenarios in Firefox ESR (needs the Firefox test build).
    if (firefoxOk) await vitestSuite('e2e-firefox', ['-c', 'vitest.firefox.config.ts'], 15 * 60_000);
    else record('e2e-firefox (needs the Firefox build)', false);
  }

  if (tally.failures.length > 0) console.log(`\nFailed: ${tally.failures.join('; ')}`);
  console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed === 0 ? 0 : 1);
}

await main();
