import { describe, expect, it } from 'vitest';
import { watched } from '../../../components/shared/watched';

describe('watched', () => {
  it('holds a value and tells subscribers at once and after each change', () => {
    const size = watched<number | null>(null);
    const seen: (number | null)[] = [];
    const stop = size.subscribe((value) => seen.push(value));
    size.value = 3;
    size.value = 3;
    size.value = 4;
    stop();
    size.value = 5;
    expect(seen).toEqual([null, 3, 4]);
    expect(size.value).toBe(5);
  });

  it('lets a listener unsubscribe another during a change', () => {
    const view = watched('none');
    const seen: string[] = [];
    let stopSecond = () => {};
    view.subscribe((value) => {
      if (value === 'card') stopSecond();
    });
    stopSecond = view.subscribe((value) => seen.push(value));
    view.value = 'card';
    view.value = 'toolbar';
    expect(seen).toEqual(['none', 'card']);
  });
});
