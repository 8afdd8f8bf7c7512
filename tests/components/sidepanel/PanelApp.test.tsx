import { afterEach, describe, expect, it } from 'vitest';
import { type RenderedPanel, renderPanel } from './render-panel';

let panel: RenderedPanel | undefined;
afterEach(() => panel?.unmount());

describe('panel app', () => {
  it('navigation marks the current view and moves focus to its heading', async () => {
    panel = await renderPanel('#/');
    await panel.click(panel.root.querySelector('nav a[href="#/about"]'));
    expect(panel.root.querySelector('nav a[aria-current="page"]')?.getAttribute('href')).toBe('#/about');
    expect(document.activeElement?.id).toBe('view-heading');
    expect(document.activeElement?.textContent).toBe('Over de gegevens');
  });
});
