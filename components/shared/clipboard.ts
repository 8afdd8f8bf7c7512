/**
 * Copies text: the async Clipboard API first (a page without user activation, or a Firefox sidebar,
 * may refuse it), then `execCommand('copy')` on a hidden textarea placed inside `container` (in a
 * page: our shadow root, so the page's DOM is never touched; in the side panel: its body), with
 * focus put back where it was. False when both fail.
 */
export async function copyText(text: string, container: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Insecure context, denied permission, or no user activation: try the old way.
  }
  if (!container) return false;
  const owner = container.ownerDocument;
  const root = container.getRootNode() as Document | ShadowRoot;
  const previous = root.activeElement as HTMLElement | null;
  const area = owner.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  container.append(area);
  try {
    area.select();
    return owner.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus({ preventScroll: true });
  }
}
