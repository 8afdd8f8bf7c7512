/** Test helper: fixture logs for the loopback feed, fixture stores, and byte-level snapshots of a store folder. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Category } from '../../../../data/pipeline/opendata/categories';
import type { RawEntity } from '../../../../data/pipeline/opendata/entity';
import { parseFeedPage } from '../../../../data/pipeline/opendata/feed-page';
import { commitPage, readState } from '../../../../data/pipeline/opendata/store';
import { type FixtureEntity, readFixtureEntities } from './feed-server';

const FIXTURES = resolve('tests/fixtures/opendata');

/** The first-run feed: every fixture entity, by category. */
export function initialLogs(): Record<string, FixtureEntity[]> {
  return {
    Kamerstukdossier: readFixtureEntities(join(FIXTURES, 'kamerstukdossier.xml')),
    Document: readFixtureEntities(join(FIXTURES, 'document.xml')),
    DocumentVersie: readFixtureEntities(join(FIXTURES, 'documentversie.xml')),
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

/** The entities of a fixture file as the sync client stores them (parsed from an Atom page). */
export function fixtureRawEntities(file: string): RawEntity[] {
  const entries = readFixtureEntities(join(FIXTURES, file))
    .map((e) => `<entry><content type="application/xml">${e.xml}</content></entry>`)
    .join('');
  const page = `<feed xmlns="http://www.w3.org/2005/Atom"><link rel="resume" href="Feed?skiptoken=1"/>${entries}</feed>`;
  return parseFeedPage(page, 'http://127.0.0.1/SyncFeed/2.0/Feed').entities;
}

/** A store folder holding the fixture entities, as one committed page per category. */
export function fixtureStore(edit: (entities: RawEntity[]) => RawEntity[] = (e) => e): string {
  const dir = tempDir();
  const files: Record<Category, string> = {
    Kamerstukdossier: 'kamerstukdossier.xml',
    Document: 'document.xml',
    DocumentVersie: 'documentversie.xml',
    DocumentActor: 'documentactor.xml',
    Zaak: 'zaak.xml',
    ZaakActor: 'zaakactor.xml',
  };
  for (const [category, file] of Object.entries(files) as [Category, string][]) {
    commitPage(dir, readState(dir, category), edit(fixtureRawEntities(file)), '1');
  }
  return dir;
}
