import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from '../../../components/shared/clipboard';

describe('copyText', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('uses the Clipboard API when it works', async () => {
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    expect(await copyText('Kamerstukken II 2025/26, 34352, nr. 349', null)).toBe(true);
    expect(write).toHaveBeenCalledWith('Kamerstukken II 2025/26, 34352, nr. 349');
  });

  it('falls back to execCommand on a textarea inside our container, leaving nothing behind', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('denied', 'NotAllowedError'),
    );
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const container = document.createElement('div');
    const button = document.createElement('button');
    container.append(button);
    shadow.append(container);
    document.body.append(host);
    button.focus();
    let copied: string | null = null;
    const exec = vi.fn((command: string) => {
      const area = container.querySelector('textarea');
      copied = command === 'copy' && area ? area.value : null;
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    expect(await copyText('Aanhangsel Handelingen II 2024/25, nr. 520', container)).toBe(true);
    expect(copied).toBe('Aanhangsel Handelingen II 2024/25, nr. 520');
    expect(container.querySelector('textarea')).toBeNull();
    expect(shadow.activeElement).toBe(button);
  });

  it("falls back in the side panel's own body too, with focus back on the button", async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('unfocused sidebar'));
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    let copied: string | null = null;
    Object.defineProperty(document, 'execCommand', {
      value: () => {
        copied = document.body.querySelector('textarea')?.value ?? null;
        return true;
      },
      configurable: true,
    });
    expect(await copyText('Kamerstuk 34 352, nr. 349', document.body)).toBe(true);
    expect(copied).toBe('Kamerstuk 34 352, nr. 349');
    expect(document.body.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('reports failure when both ways fail', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('no'));
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    expect(await copyText('x', document.createElement('div'))).toBe(false);
  });
});
