/**
 * The calls a content script makes about its own page: open the side panel at a document, announce
 * that the page's references changed, load the card UI into its frame. The tab and frame always come
 * from the sender, never from the payload, so a page can only ever act on its own tab.
 */
import { CONTENT_UI_FILE } from '../../components/content-ui-parts';
import type { Handlers } from './handler-spec';
import { emptyPayload, openSidePanelPayload } from './validate-payload';

/** The handlers. */
export const CONTENT_SCRIPT_HANDLERS: Handlers<'openSidePanel' | 'pageReferencesChanged' | 'loadContentUi'> =
  {
    openSidePanel: {
      from: 'any',
      validate: openSidePanelPayload,
      handle: (request, sender, services) => services.openSidePanel(request, sender),
    },
    pageReferencesChanged: {
      from: 'any',
      validate: emptyPayload,
      handle: (_payload, sender, { notifyExtensionPages }) => {
        if (sender.kind !== 'content-script' || sender.tabId === null) {
          return {
            ok: false,
            error: 'pageReferencesChanged is only accepted from a content script in a tab',
          };
        }
        // Passed on to the open side panel; no panel open: nobody to tell, and nothing to wait for.
        notifyExtensionPages({ type: 'tabReferencesChanged', payload: { tabId: sender.tabId } }).catch(
          () => undefined,
        );
        return { ok: true, value: null };
      },
    },
    loadContentUi: {
      from: 'any',
      validate: emptyPayload,
      handle: async (_payload, { kind, tabId, frameId }, { injectScript }) => {
        if (kind !== 'content-script' || tabId === null || typeof frameId !== 'number') {
          return { ok: false, error: 'loadContentUi is only accepted from content scripts' };
        }
        await injectScript(tabId, frameId, CONTENT_UI_FILE);
        return { ok: true, value: null };
      },
    },
  };
