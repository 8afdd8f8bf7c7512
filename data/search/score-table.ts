/**
 * A search's scratch, sized to what it touches: per key (a passage, or a document) a term mask and
 * two scores, in the order the keys were first touched, found through an open-addressing hash.
 * Arrays with a slot per passage and per document (14 bytes a passage, 18 a document) were 13.7
 * of the panel's 69.3 MB at 300,000 documents; a keystroke touches tens of thousands of passages.
 * The price is time: hashing where those arrays were indexed, a search alone took 1.7× the CPU of
 * the dense arrays (the panel bench's prefixes, 100,000 documents, alternating rounds), most of
 * it grouping passages by document; documents found by index instead (`directKeys`, 4 bytes a
 * document) brought that to 1.25–1.5×. A keystroke in the whole library view at 300,000: p95
 * 16–22 ms with the dense arrays, 20–31 ms with this (target 30; load 1–3.5).
 */

/** Entries a table holds before it first grows (and never shrinks below). */
const MIN_ENTRIES = 1024;

/** Keys touched by one search, with a mask and two scores each; cleared for the next one. */
export class ScoreTable {
  /** Entries in use: `keys`, `masks`, `first`, `second` are valid up to it, in first-touched order. */
  count = 0;
  keys = new Uint32Array(MIN_ENTRIES);
  masks = new Uint16Array(MIN_ENTRIES);
  first = new Float32Array(MIN_ENTRIES);
  second = new Float32Array(MIN_ENTRIES);
  /** Entry + 1 per hash slot (0: empty); twice the entries, so probes stay short. */
  private slots = new Int32Array(2 * MIN_ENTRIES);
  private shift = 32 - Math.log2(2 * MIN_ENTRIES);
  /** Keys below `directKeys` found by index instead (entry + 1, 0: untouched), when given. */
  private readonly direct: Uint32Array | null;

  /**
   * `directKeys`: keys are below it, and a 4-byte slot per key is worth its memory (documents:
   * hashing them was half of a search's time, 1.1 MB at 300,000 documents).
   */
  constructor(directKeys = 0) {
    this.direct = directKeys > 0 ? new Uint32Array(directKeys) : null;
    if (this.direct) this.slots = new Int32Array(0);
  }

  /** The entry of `key`, or -1 when this search has not touched it. */
  find(key: number): number {
    if (this.direct) return (this.direct[key] ?? 0) - 1;
    const { slots, keys } = this;
    const last = slots.length - 1;
    for (let h = Math.imul(key, 0x9e3779b1) >>> this.shift; ; h = (h + 1) & last) {
      const slot = slots[h] as number;
      if (slot === 0) return -1;
      if (keys[slot - 1] === key) return slot - 1;
    }
  }

  /** The entry of `key`, added (mask and scores 0) when new: then it equals `count - 1`. */
  entry(key: number): number {
    const { slots, keys, direct } = this;
    const last = slots.length - 1;
    let h = 0;
    if (direct) {
      const slot = direct[key] as number;
      if (slot !== 0) return slot - 1;
    } else {
      for (h = Math.imul(key, 0x9e3779b1) >>> this.shift; ; h = (h + 1) & last) {
        const slot = slots[h] as number;
        if (slot === 0) break;
        if (keys[slot - 1] === key) return slot - 1;
      }
    }
    if (this.count === keys.length) {
      this.resize(keys.length * 2);
      return this.entry(key);
    }
    const e = this.count++;
    if (direct) direct[key] = e + 1;
    else slots[h] = e + 1;
    keys[e] = key;
    this.masks[e] = 0;
    this.first[e] = 0;
    this.second[e] = 0;
    return e;
  }

  /**
   * Room for `more` new entries without growing: `entry` then never replaces the arrays, so a
   * caller may hold them across that many adds.
   */
  reserve(more: number): void {
    let entries = this.keys.length;
    while (this.count + more > entries) entries *= 2;
    if (entries !== this.keys.length) this.resize(entries);
  }

  /**
   * Empties the table for the next search. One that needed an eighth of the room or less gives
   * the rest back: a common word's hundreds of thousands of passages are not held after it.
   */
  clear(): void {
    const { direct, keys } = this;
    for (let e = 0; direct && e < this.count; e++) direct[keys[e] as number] = 0;
    const entries = this.keys.length;
    if (entries > MIN_ENTRIES && this.count * 8 <= entries) {
      this.count = 0;
      this.resize(Math.max(MIN_ENTRIES, entries / 4));
      return;
    }
    if (direct) {
      // Emptied above.
    } else if (this.count * 16 >= this.slots.length) this.slots.fill(0);
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
    this.second = copy(this.second, new Float32Array(entries));
    if (this.direct) return;
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
