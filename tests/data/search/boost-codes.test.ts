import { describe, expect, it } from 'vitest';
import { boostCodesOf } from '../../../data/search/searchable';

describe('boostCodesOf', () => {
  it('keeps each passage weight as a byte code into the distinct weights', () => {
    const boost = Float32Array.from([3, 1, 1.5, 1, 0.6, 3, 1.3]);
    const coded = boostCodesOf(boost);
    if (!('codes' in coded)) throw new Error('expected codes');
    expect(coded.codes).toBeInstanceOf(Uint8Array);
    expect(coded.values.length).toBe(5);
    expect(Array.from(coded.codes, (code) => coded.values[code])).toEqual(Array.from(boost));
  });

  it('keeps the floats as they are beyond 256 distinct weights', () => {
    const boost = Float32Array.from({ length: 300 }, (_, i) => i / 7);
    expect(boostCodesOf(boost)).toBe(boost);
  });
});
