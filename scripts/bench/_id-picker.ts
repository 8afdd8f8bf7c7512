/** The ids the lookup benches ask for. Pure: bundled into pages. */

/**
 * Ids a page would ask for, drawn with a seeded generator: a tenth unknown, `canonical` of them a
 * document's canonical id, the rest one of its aliases. `idsOf(n)` names the n-th of `count`.
 */
export function idPicker(
  count: number,
  idsOf: (n: number) => { id: string; aliases: string[] },
  options: { seed: number; canonical: number },
) {
  let state = options.seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return (size: number) =>
    Array.from({ length: size }, () => {
      const roll = next();
      const { id, aliases } = idsOf(Math.floor(next() * count));
      if (roll < 0.1) return `kst-99${Math.floor(next() * 1e6)}-1`;
      if (roll < options.canonical) return id;
      return (aliases.length > 1 ? aliases[Math.floor(next() * aliases.length)] : aliases[0]) ?? id;
    });
}
