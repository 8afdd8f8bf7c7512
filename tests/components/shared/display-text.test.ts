import { describe, expect, it } from 'vitest';
import { formatDate, formatDossier, formatPerson, truncate } from '../../../components/shared/display-text';

describe('formatDate', () => {
  it('writes ISO dates and timestamps in words, per locale', () => {
    expect(formatDate('2025-12-12', 'nl')).toBe('12 december 2025');
    expect(formatDate('2026-03-31T09:15:00.000Z', 'en-GB')).toBe('31 March 2026');
  });
  it('shows anything else as it is', () => {
    expect(formatDate('voorjaar 2026', 'nl')).toBe('voorjaar 2026');
    expect(formatDate('2026-03-31 en later', 'nl')).toBe('2026-03-31 en later');
  });
});

describe('formatPerson', () => {
  it('gives an office holder with office and portfolio', () => {
    expect(
      formatPerson({ name: 'Aartsen', role: 'minister', portfolio: 'Werk en Participatie', party: null }),
    ).toBe('Aartsen (minister, Werk en Participatie)');
  });
  it('gives a member with the party only', () => {
    expect(formatPerson({ name: 'De Kort', role: 'lid', portfolio: null, party: 'VVD' })).toBe(
      'De Kort (VVD)',
    );
  });
  it('does not repeat the office of someone recorded by office alone', () => {
    expect(
      formatPerson({
        name: 'minister van Sociale Zaken en Werkgelegenheid',
        role: 'minister',
        portfolio: 'Sociale Zaken en Werkgelegenheid',
        party: null,
      }),
    ).toBe('minister van Sociale Zaken en Werkgelegenheid');
  });
});

describe('truncate and formatDossier', () => {
  it('cuts at a word boundary with an ellipsis, and leaves short text alone', () => {
    expect(truncate('De minister stuurt de Kamer een brief', 20)).toBe('De minister stuurt…');
    expect(truncate('kort', 20)).toBe('kort');
  });
  it('prints budget chapters with a space and sub-dossiers with a hyphen', () => {
    expect(formatDossier('36600', 'XV')).toBe('36600 XV');
    expect(formatDossier('21501', '32')).toBe('21501-32');
    expect(formatDossier('34352', null)).toBe('34352');
  });
});
