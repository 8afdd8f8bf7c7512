import { describe, expect, it } from 'vitest';
import { exportNotesCsv } from '../../../data/annotations/export-csv';
import { sampleRecord } from '../../fixtures/annotations/arbitraries';
import { describeKnownDocument } from '../../fixtures/annotations/known-documents';

describe('notes export as CSV', () => {
  it('CSV has one row per note with the official citation of linked documents', () => {
    const csv = exportNotesCsv([sampleRecord()], describeKnownDocument);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'id,page_url,page_title,quote,prefix,suffix,position_start,position_end,note,tags,linked_ids,linked_citations,created,modified',
    );
    expect(row).toContain('"Kamerstukken II 2025/26, 34352, nr. 349"');
    expect(row).toContain('bijstand; cijfers');
  });
});
