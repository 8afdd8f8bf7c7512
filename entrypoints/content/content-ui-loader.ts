/** Loads the content script's UI part on first use (see content-ui-parts.ts). */
import { type ContentUiParts, providedContentUi } from '../../components/content-ui-parts';
import { callBackground } from '../../data/messaging';

let loading: Promise<ContentUiParts> | null = null;

/** Loads the UI part once (later calls share the first); rejects with the reason when it cannot. */
export function loadContentUi(): Promise<ContentUiParts> {
  loading ??= (async () => {
    const present = providedContentUi();
    if (present) return present;
    const answer = await callBackground('loadContentUi', {});
    const parts = providedContentUi();
    if (!answer.ok) throw new Error(`Kamerlens could not load its card UI: ${answer.error}`);
    if (!parts) throw new Error('Kamerlens could not load its card UI: the script ran but left no API');
    return parts;
  })();
  // A failed load may be retried at the next contact (the worker may have been restarting).
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
