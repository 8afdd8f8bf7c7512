/** Test helper: fixture logs for the loopback feed and byte-level snapshots of a store folder. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { type FixtureEntity, readFixtureEntities } from './feed-server';

const FIXTURES = resolve('tests/fixtures/opendata');

/** The first-run feed: every fixture entity of the five synced categories. */
export function initialLogs(): Record<string, FixtureEntity[]> {
  return {
    Kamerstukdossier: readFixtureEntities(join(FIXTURES, 'kamerstukdossier.xml')),
    Document: readFixtureEntities(join(FIXTURES, 'document.xml')),
    DocumentActor: readFixtureEntities(join(FIXTURES, 'documentactor.xml')),
    Zaak: readFixtureEntities(join(FIXTURES, 'zaak.xml')),
    ZaakActor: readFixtureEntities(join(FIXTURES, 'zaakactor.xml')),
  };
}

/** The second-run changes of `updates.xml`, for one entity element. */
export function updates(element: string): FixtureEntity[] {
  return readFixtureEntities(join(FIXTURES, 'updates.xml')).filter((e) => e.element === element);
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kamerlens-sync-'));
}

/** Every file under `dir` with its content, by relative path. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}
