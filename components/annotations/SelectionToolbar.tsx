import { useI18n } from '../i18n-context';

/** The small toolbar shown over a text selection: one action, "note", with its shortcut. */
export function SelectionToolbar({
  onAnnotate,
  onDismiss,
}: {
  onAnnotate: () => void;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  return (
    <div
      class="ka-toolbar"
      // Keep the page selection: pressing the button must not collapse it before it is read.
      onMouseDown={(event) => event.preventDefault()}
      role="toolbar"
      aria-label={t('annotate_toolbarLabel')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDismiss();
      }}
    >
      <button
        type="button"
        class="ka-button ka-primary"
        onClick={onAnnotate}
        title={t('annotate_shortcutHint')}
      >
        {t('annotate_addNote')}{' '}
        <span class="ka-kbd" aria-hidden="true">
          Alt+Shift+N
        </span>
      </button>
    </div>
  );
}
