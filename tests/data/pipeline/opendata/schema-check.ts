/**
 * Test helper: validate tkData XML against the official schemas with xmllint. The schemas are the
 * Tweede Kamer open data portal's own tkData XSDs (v1-0), kept in `tests/fixtures/opendata/xsd`
 * as published, so a fresh clone anywhere validates (they were read from `../shared` beside the
 * repository, which a clone in another folder does not have). A missing xmllint or schema is an
 * error, never a skip: the fixtures are only trusted because they validate.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The official schema folder. */
const XSD_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/opendata/xsd');

const ENTITY_SCHEMAS = [
  'kamerstukdossier',
  'document',
  'documentversie',
  'documentactor',
  'zaak',
  'zaakactor',
];

let schemaPath: string | null = null;

// One schema that includes every entity schema we sync and adds a `fixture` element holding any
// number of them, so a fixture file of many entities validates in one xmllint call.
function fixtureSchema(): string {
  if (schemaPath) return schemaPath;
  if (!existsSync(join(XSD_DIR, 'tkData-v1-0-base.xsd')))
    throw new Error(`the official schemas are not at ${XSD_DIR}`);
  const includes = ENTITY_SCHEMAS.map(
    (name) => `  <xs:include schemaLocation="${join(XSD_DIR, `tkData-v1-0-${name}.xsd`)}"/>`,
  ).join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'kamerlens-xsd-'));
  schemaPath = join(dir, 'fixture.xsd');
  writeFileSync(
    schemaPath,
    `<?xml version="1.0" encoding="utf-8"?>
<xs:schema elementFormDefault="qualified" targetNamespace="http://www.tweedekamer.nl/xsd/tkData/v1-0"
  xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:xs="http://www.w3.org/2001/XMLSchema">
${includes}
  <xs:element name="fixture">
    <xs:complexType><xs:sequence>
      <xs:any namespace="##targetNamespace" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
`,
  );
  return schemaPath;
}

/** Validate `file` (a `<fixture>` of entities, or one entity) with xmllint; returns its complaints, '' when valid. */
export function schemaErrors(file: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--schema', fixtureSchema(), file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    const failed = error as { code?: string; stderr?: Buffer };
    if (failed.code === 'ENOENT')
      throw new Error(
        'xmllint is not installed (Debian: apt-get install libxml2-utils; scripts/setup.sh does it)',
      );
    return String(failed.stderr ?? error);
  }
}
