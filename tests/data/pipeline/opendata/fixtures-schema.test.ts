// @vitest-environment node
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from './schema-check';

const FIXTURES = resolve('tests/fixtures/opendata');

describe('open-data fixtures', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.xml'));

  it('exist for every synced entity kind', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'document.xml',
        'documentactor.xml',
        'kamerstukdossier.xml',
        'zaak.xml',
        'zaakactor.xml',
      ]),
    );
  });

  it.each(files)('%s validates against the official schemas', (file) => {
    expect(schemaErrors(join(FIXTURES, file))).toBe('');
  });

  it('the check rejects an entity the schemas do not allow', () => {
    const broken = join(FIXTURES, '..', 'opendata-invalid', 'document-bad-volgnummer.xml');
    expect(schemaErrors(broken)).toContain("'drie' is not a valid value");
  });
});
