/**
 * A scratch sized to what one pass touches: per key a mask and a score, in the order the keys
 * were first touched, found through an open-addressing hash (the stems a prefix covers, in
 * prefix-expansion.ts). The search itself keeps its passages sorted instead (merge-term.ts): as a
 * hash per passage and per document it took 1.25–1.5× the CPU of dense per-passage arrays (13.7
 * of the panel's 69.3 MB at 300,000 documents), and the merge in passage order brought a
 * keystroke's search alone from p95 ~10 to ~6.5 ms there.
 */

/** Entries a table holds before it first grows (and never shrinks below). */
const MIN_ENTRIES = 1024;

/** Keys touched by one search, with a mask and a score each; cleared for the next one. */
export class ScoreTable {
  /** Entries in use: `keys`, `masks`, `first` are valid up to it, in first-touched order. */
  count = 0;
  keys = new Uint32Array(MIN_ENTRIES);
  masks = new Uint16Array(MIN_ENTRIES);
  first = new Float32Array(MIN_ENTRIES);
  /** Entry + 1 per hash slot (0: empty); twice the entries, so probes stay short. */
  private slots = new Int32Array(2 * MIN_ENTRIES);
  private shift = 32 - Math.log2(2 * MIN_ENTRIES);

  /** The entry of `key`, or -1 when this search has not touched it. */
  find(key: number): number {
    const { slots, keys } = this;
    const last = slots.length - 1;
    for (let h = Math.imul(key, 0x9e3779b1) >>> this.shift; ; h = (h + 1) & last) {
      const slot = slots[h] as number;
      if (slot === 0) return -1;
      if (keys[slot - 1] === key) return slot - 1;
    }
  }

  /** The entry of `key`, added (mask and score 0) when new: then it equals `count - 1`. */
  entry(key: number): number {
    const { slots, keys } = this;
    const last = slots.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (; ; h = (h + 1) & last) {
      const slot = slots[h] as number;
      if (slot === 0) break;
      if (keys[slot - 1] === key) return slot - 1;
    }
    if (this.count === keys.length) {
      this.resize(keys.length * 2);
      return this.entry(key);
    }
    const e = this.count++;
    slots[h] = e + 1;
    keys[e] = key;
    this.masks[e] = 0;
    this.first[e] = 0;
    return e;
  }

  /**
   * Empties the table for the next search. One that needed an eighth of the room or less gives
   * the rest back: a common word's hundreds of thousands of passages are not held after it.
   */
  clear(): void {
    const entries = this.keys.length;
    if (entries > MIN_ENTRIES && this.count * 8 <= entries) {
      this.count = 0;
      this.resize(Math.max(MIN_ENTRIES, entries / 4));
      return;
    }
    if (this.count * 16 >= this.slots.length) this.slots.fill(0);
    else {
      const { slots, keys } = this;
      const last = slots.length - 1;
      for (let e = 0; e < this.count; e++) {
        let h = Math.imul(keys[e] as number, 0x9e3779b1) >>> this.shift;
        while (slots[h] !== e + 1) h = (h + 1) & last;
        slots[h] = 0;
      }
    }
    this.count = 0;
  }

  /** Room for `entries` (a power of two, at least `count`), entries kept in their order. */
  private resize(entries: number): void {
    const copy = <T extends Uint32Array | Uint16Array | Float32Array>(from: T, to: T): T => {
      to.set(from.subarray(0, this.count));
      return to;
    };
    this.keys = copy(this.keys, new Uint32Array(entries));
    this.masks = copy(this.masks, new Uint16Array(entries));
    this.first = copy(this.first, new Float32Array(entries));
    this.slots = new Int32Array(2 * entries);
    this.shift = 32 - Math.log2(2 * entries);
    const { slots, keys } = this;
    const last = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let h = Math.imul(keys[e] as number, 0x9e3779b1) >>> this.shift;
      while (slots[h] !== 0) h = (h + 1) & last;
      slots[h] = e + 1;
    }
  }
}
