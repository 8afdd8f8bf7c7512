/**
 * The note frame page (annotate-frame.html#<nonce>), framed into web pages by the content script: an
 * extension page, so the page's scripts can neither read its DOM nor receive its keystrokes. It asks
 * the background for its session's view and sends events back the same way (no postMessage).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ANNOTATE_CSS, NOTE_FRAME_CSS } from '../../components/annotations/annotate-styles';
import { createLinkedNames } from '../../components/annotations/linked-names';
import { NoteFrameApp, type NoteFrameChannel } from '../../components/annotations/NoteFrameApp';
import { createBrowserI18n } from '../../components/i18n';
import { I18nContext } from '../../components/i18n-context';
import { callBackground as call } from '../../data/messaging';

const nonce = location.hash.slice(1);
const names = createLinkedNames((ids) => call('lookup', { ids }));
const channel: NoteFrameChannel = {
  view: () => call('noteFrameView', { nonce }),
  send: (event) => call('noteFrameEvent', { nonce, event }),
  search: async (query) => {
    const answer = await call('searchDocuments', { query });
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  },
  names: (ids) => names.resolve(ids),
};

const i18n = createBrowserI18n(browser.i18n.getMessage, 'annotate_locale');
document.documentElement.lang = i18n.locale;
const style = document.createElement('style');
style.textContent = ANNOTATE_CSS + NOTE_FRAME_CSS;
document.head.append(style);
render(
  <I18nContext.Provider value={i18n}>
    <NoteFrameApp channel={channel} />
  </I18nContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
