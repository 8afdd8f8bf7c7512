import { describe, expect, it } from 'vitest';
import { dateAfter, toIsoDate } from '../../../../data/pipeline/record/dutch-dates';

describe('dates', () => {
  it('reads Dutch dates as ISO', () => {
    expect(dateAfter('(ontvangen  31 maart 2026)', 'ontvangen')).toBe('2026-03-31');
    expect(dateAfter('(ingezonden 11 oktober\n2024)', 'ingezonden')).toBe('2024-10-11');
    expect(toIsoDate('10', 'Februari', '2026')).toBe('2026-02-10');
    expect(toIsoDate('31', 'februari', '2026')).toBeNull();
    expect(toIsoDate('1', 'brumaire', '2026')).toBeNull();
  });
});
