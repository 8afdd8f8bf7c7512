import { describe, expect, it } from 'vitest';
import { parseMembers, parseOfficeHolders } from '../../../../data/pipeline/record/people';

describe('people', () => {
  it('office holders with and without a printed name', () => {
    expect(
      parseOfficeHolders(
        'Staatssecretaris Nobel (Sociale Zaken en Werkgelegenheid), mede namens de Minister van Sociale Zaken en Werkgelegenheid',
      ),
    ).toEqual([
      { name: 'Nobel', role: 'staatssecretaris', portfolio: 'Sociale Zaken en Werkgelegenheid', party: null },
      {
        name: 'Minister van Sociale Zaken en Werkgelegenheid',
        role: 'minister',
        portfolio: 'Sociale Zaken en Werkgelegenheid',
        party: null,
      },
    ]);
  });
  it('members with their party', () => {
    expect(parseMembers('De Kort (VVD) en Pouw-Verweij (JA21)')).toEqual([
      { name: 'De Kort', role: 'lid', portfolio: null, party: 'VVD' },
      { name: 'Pouw-Verweij', role: 'lid', portfolio: null, party: 'JA21' },
    ]);
  });
});
