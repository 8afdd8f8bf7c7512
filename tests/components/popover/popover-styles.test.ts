import { describe, expect, it } from 'vitest';
import { POPOVER_CSS } from '../../../components/popover/popover-styles';

/** The custom properties a `.kl-popover` block of the stylesheet sets, for light and dark. */
function palettes(): { light: Record<string, string>; dark: Record<string, string> } {
  const read = (block: string) =>
    Object.fromEntries([...block.matchAll(/(--kl-[a-z-]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1], m[2]]));
  const dark = POPOVER_CSS.indexOf('@media (prefers-color-scheme: dark)');
  return {
    light: read(POPOVER_CSS.slice(0, dark)),
    dark: read(POPOVER_CSS.slice(dark, POPOVER_CSS.indexOf('}\n}', dark))),
  };
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the card’s colours', () => {
  it('are all its own: every custom property the rules use is set by the card, so a page cannot set it', () => {
    const used = new Set([...POPOVER_CSS.matchAll(/var\((--kl-[a-z-]+)/g)].map((m) => m[1]));
    const { light, dark } = palettes();
    for (const name of used) {
      expect(light, name).toHaveProperty([name as string]);
      expect(dark, name).toHaveProperty([name as string]);
    }
  });

  it('give text at least 4.5:1 on the card, in light and dark (the failure message included)', () => {
    for (const palette of Object.values(palettes()))
      for (const name of ['--kl-fg', '--kl-muted', '--kl-accent', '--kl-danger'])
        expect(contrast(palette[name] as string, palette['--kl-bg'] as string), name).toBeGreaterThanOrEqual(
          4.5,
        );
  });
});
