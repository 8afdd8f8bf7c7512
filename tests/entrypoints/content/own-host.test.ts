import { afterEach, describe, expect, it } from 'vitest';
import {
  createOwnHost,
  hostStamp,
  removeLeftoverHosts,
  stampHostsWith,
} from '../../../entrypoints/content/own-host';

const URL_A = 'moz-extension://4b6f1c2e-9d3a-4e5b-8f70-1a2b3c4d5e6f/';
const URL_B = 'moz-extension://0f6f1c2e-9d3a-4e5b-8f70-1a2b3c4d5e6f/';

/** Gives `host` Firefox's `openOrClosedShadowRoot` (happy-dom has none), for a closed `root`. */
function asFirefoxSees(host: Element, root: ShadowRoot): void {
  Object.defineProperty(host, 'openOrClosedShadowRoot', { value: root, configurable: true });
}

/** A host as an older copy of the script (another module instance, now dead) left it. */
function leftover(stamp: string, mode: ShadowRootMode = 'closed'): HTMLDivElement {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode });
  const style = document.createElement('style');
  if (stamp) style.setAttribute('data-stamp', stamp);
  root.append(style, document.createElement('div'));
  asFirefoxSees(host, root);
  document.body.append(host);
  return host;
}

/** Firefox's `openOrClosedShadowRoot` is null on an element without a root (Chromium has none). */
function inFirefox(): void {
  Object.defineProperty(document.documentElement, 'openOrClosedShadowRoot', {
    value: null,
    configurable: true,
  });
}

afterEach(() => {
  delete (document.documentElement as { openOrClosedShadowRoot?: unknown }).openOrClosedShadowRoot;
  stampHostsWith('');
  document.body.innerHTML = '';
});

describe('hostStamp', () => {
  it('is the same for one installation, differs between two, and shows no part of the URL', () => {
    expect(hostStamp(URL_A)).toBe(hostStamp(URL_A));
    expect(hostStamp(URL_A)).not.toBe(hostStamp(URL_B));
    expect(hostStamp(URL_A)).toMatch(/^[0-9a-f]{16}$/);
    expect(URL_A).not.toContain(hostStamp(URL_A).slice(0, 8));
  });
});

describe('removeLeftoverHosts', () => {
  it("removes an older copy's hosts with this installation's stamp, and only those", () => {
    inFirefox();
    const stamp = hostStamp(URL_A);
    const old = leftover(stamp);
    const oldOpen = leftover(stamp, 'open');
    const otherInstall = leftover(hostStamp(URL_B));
    const unstamped = leftover('');
    const plain = document.body.appendChild(document.createElement('div'));
    expect(removeLeftoverHosts(document, stamp)).toBe(2);
    expect(old.isConnected).toBe(false);
    expect(oldOpen.isConnected).toBe(false);
    expect(otherInstall.isConnected).toBe(true);
    expect(unstamped.isConnected).toBe(true);
    expect(plain.isConnected).toBe(true);
  });

  it('keeps the hosts of this copy, which carry the stamp too', () => {
    inFirefox();
    const stamp = hostStamp(URL_A);
    stampHostsWith(stamp);
    const mine = createOwnHost(document, { mode: 'open', css: '', signal: new AbortController().signal });
    expect(mine.shadow.firstElementChild?.getAttribute('data-stamp')).toBe(stamp);
    asFirefoxSees(mine.shadowHost, mine.shadow);
    expect(removeLeftoverHosts(document, stamp)).toBe(0);
    expect(mine.shadowHost.isConnected).toBe(true);
  });

  it('looks at nothing where the browser shows no closed root to extension code (Chromium)', () => {
    const stamp = hostStamp(URL_A);
    const host = leftover(stamp);
    expect(removeLeftoverHosts(document, stamp)).toBe(0);
    expect(host.isConnected).toBe(true);
  });

  it('removes nothing without a stamp', () => {
    inFirefox();
    leftover('');
    expect(removeLeftoverHosts(document, '')).toBe(0);
    expect(document.body.children).toHaveLength(1);
  });
});
