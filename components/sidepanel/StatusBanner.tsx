import { usePanel } from './panel-context';

/** First-run import progress, or what went wrong with the dataset. */
export function StatusBanner() {
  const { state, t } = usePanel();
  const status = state.status.value;
  const error = state.error.value;
  if (status === 'importing') {
    const fraction = state.progress.value?.fraction ?? 0;
    const percent = String(Math.round(fraction * 100));
    return (
      <div class="banner" role="status">
        <p id="import-label">{t('sidepanel_import_running', percent)}</p>
        <progress aria-labelledby="import-label" max={1} value={fraction} />
      </div>
    );
  }
  if (status === 'failed') {
    return (
      <div class="banner error" role="alert">
        <p>{t('sidepanel_import_failed', error ?? '')}</p>
      </div>
    );
  }
  if (error && status === 'ready') {
    return (
      <div class="banner warning" role="status">
        <p>{t('sidepanel_import_failedKeptOld', error)}</p>
      </div>
    );
  }
  return null;
}
