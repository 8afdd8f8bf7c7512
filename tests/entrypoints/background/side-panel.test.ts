import { describe, expect, it } from 'vitest';
import type { SenderInfo } from '../../../entrypoints/background/sender';
import { createSidePanelOpener, type PanelPlatform } from '../../../entrypoints/background/side-panel';

const TAB: SenderInfo = { kind: 'content-script', tabId: 7, windowId: 3 };

function recordingPlatform(options: { refuseOpen?: string; firefox?: boolean } = {}) {
  const calls: string[] = [];
  const open = async (call: string) => {
    calls.push(call);
    if (options.refuseOpen) throw new Error(options.refuseOpen);
  };
  const platform: PanelPlatform = {
    extensionUrl: (path) => `moz-extension://uuid/${path}`,
    notifyPanel: async (message) => {
      calls.push(`notify ${JSON.stringify(message)}`);
    },
    ...(options.firefox
      ? {
          sidebarAction: {
            setPanel: async ({ panel }) => void calls.push(`setPanel ${panel}`),
            open: () => open('sidebar open'),
          },
        }
      : {
          sidePanel: {
            setOptions: async ({ path }) => void calls.push(`setOptions ${path}`),
            open: (target) => open(`open ${JSON.stringify(target)}`),
          },
        }),
  };
  return { platform, calls };
}

describe('openSidePanel', () => {
  it('Chrome: sets the deep link and opens in the same synchronous turn, then tells an open panel', async () => {
    const { platform, calls } = recordingPlatform();
    const pending = createSidePanelOpener(platform)({ documentId: 'kst-34352-349', question: '3' }, TAB);
    expect(calls).toEqual(['setOptions sidepanel.html#/doc/kst-34352-349?q=3', 'open {"windowId":3}']);
    expect(await pending).toEqual({ ok: true, value: { shown: true } });
    expect(calls.at(-1)).toBe(
      'notify {"type":"showDocument","payload":{"documentId":"kst-34352-349","question":"3"}}',
    );
  });

  it('Chrome: a refused open (no user gesture) is a Result, not a throw', async () => {
    const { platform } = recordingPlatform({
      refuseOpen: 'sidePanel.open() may only be called in response to a user gesture.',
    });
    const answer = await createSidePanelOpener(platform)({ documentId: 'kst-34352-349' }, TAB);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toMatch(/user gesture/);
  });

  it('Chrome: needs a window to open in', async () => {
    const { platform, calls } = recordingPlatform();
    const answer = await createSidePanelOpener(platform)(
      { documentId: 'kst-34352-349' },
      { kind: 'extension-page', tabId: null, windowId: null },
    );
    expect(answer.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('Firefox: sets the sidebar page with an absolute URL and opens it', async () => {
    const { platform, calls } = recordingPlatform({ firefox: true });
    const answer = await createSidePanelOpener(platform)({ documentId: 'ah-tk-20242025-520' }, TAB);
    expect(answer).toEqual({ ok: true, value: { shown: true } });
    expect(calls.slice(0, 2)).toEqual([
      'setPanel moz-extension://uuid/sidepanel.html#/doc/ah-tk-20242025-520',
      'sidebar open',
    ]);
  });

  it('Firefox: refused for want of user input, with no sidebar open: the page is set and the answer names the shortcut', async () => {
    const { platform, calls } = recordingPlatform({
      firefox: true,
      refuseOpen: 'sidebarAction.open may only be called from a user input handler',
    });
    platform.notifyPanel = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    platform.sidebarShortcut = async () => 'Alt+Shift+K';
    const answer = await createSidePanelOpener(platform)({ documentId: 'kst-34352-349' }, TAB);
    expect(answer).toEqual({ ok: true, value: { shown: false, shortcut: 'Alt+Shift+K' } });
    expect(calls[0]).toBe('setPanel moz-extension://uuid/sidepanel.html#/doc/kst-34352-349');
  });

  it('Firefox: refused for want of user input, but an open sidebar moved to the document', async () => {
    const { platform } = recordingPlatform({
      firefox: true,
      refuseOpen: 'sidebarAction.open may only be called from a user input handler',
    });
    platform.notifyPanel = async () => ({ ok: true, value: null });
    platform.sidebarShortcut = async () => 'Alt+Shift+K';
    const answer = await createSidePanelOpener(platform)({ documentId: 'kst-34352-349' }, TAB);
    expect(answer).toEqual({ ok: true, value: { shown: true } });
  });

  it('Firefox: any other refusal is an error, not a silent success', async () => {
    const { platform } = recordingPlatform({ firefox: true, refuseOpen: 'sidebar is disabled' });
    const answer = await createSidePanelOpener(platform)({ documentId: 'kst-34352-349' }, TAB);
    expect(answer).toEqual({ ok: false, error: 'side panel not opened: sidebar is disabled' });
  });

  it('no panel API at all', async () => {
    const answer = await createSidePanelOpener({ extensionUrl: (p) => p, notifyPanel: async () => null })(
      { documentId: 'x' },
      TAB,
    );
    expect(answer).toEqual({ ok: false, error: 'side panel not opened: this browser has no side panel API' });
  });
});
