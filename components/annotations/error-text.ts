/** Error texts of the annotation views (the side panel's lists and the note frame), reader-facing. */
import type { Translate } from '../i18n';

/**
 * The reader-facing text of an error from the background: storage failures are explained (they
 * must never pass silently), anything else is shown with a general lead-in.
 */
export function errorText(t: Translate, error: string): string {
  if (error.startsWith('storage-full:')) return t('annotate_error_storageFull', error.slice(13).trim());
  if (error.startsWith('storage:')) return t('annotate_error_storage', error.slice(8).trim());
  return t('annotate_error_other', error);
}
