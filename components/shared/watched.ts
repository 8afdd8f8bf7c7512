/**
 * A value that tells its subscribers when it changes. The content script holds its overlay state in
 * these (no signals library in the script every page loads); the lazily loaded UI mirrors them into
 * Preact signals, which its components track.
 */
export interface Watched<T> {
  value: T;
  /** Calls `listener` now and after every change; returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void;
}

/** A watched value starting at `initial`. */
export function watched<T>(initial: T): Watched<T> {
  let current = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get value() {
      return current;
    },
    set value(next: T) {
      if (Object.is(next, current)) return;
      current = next;
      for (const listener of [...listeners]) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
