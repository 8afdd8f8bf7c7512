import { describe, expect, it } from 'vitest';
import { dateAfter, firstDate } from '../../../../data/pipeline/record/dutch-dates';

describe('dates', () => {
  it('reads Dutch dates as ISO', () => {
    expect(dateAfter('(ontvangen  31 maart 2026)', 'ontvangen')).toBe('2026-03-31');
    expect(dateAfter('(ingezonden 11 oktober\n2024)', 'ingezonden')).toBe('2024-10-11');
    expect(firstDate('uit Trouw van dinsdag 10 februari 2026?')).toBe('2026-02-10');
    expect(firstDate('op 31 februari 2026')).toBeNull();
  });
});
