import { useEffect } from 'preact/hooks';
import { formatBytes } from '../shared/display-text';
import { usePanel } from './panel-context';

/** "About the data": storage used, and a request to keep the data when the disk fills up. */
export function StorageSection() {
  const { state, t, locale } = usePanel();
  useEffect(() => {
    void state.loadStorage();
  }, [state]);
  const figures = state.storage.value;
  return (
    <section class="storage" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('sidepanel_about_storage_heading')}</h2>
      {figures === 'unknown' ? (
        <p>{t('sidepanel_about_storage_unknown')}</p>
      ) : figures ? (
        <>
          <p class="storage-used">
            {t(
              'sidepanel_about_storage_used',
              formatBytes(figures.usage, locale),
              formatBytes(figures.quota, locale),
            )}
          </p>
          <p class="storage-persisted">
            {t(
              figures.persisted
                ? 'sidepanel_about_storage_persisted'
                : 'sidepanel_about_storage_notPersisted',
            )}
          </p>
          {figures.persisted ? null : (
            <button type="button" onClick={() => void state.persistStorage()}>
              {t('sidepanel_about_storage_persist')}
            </button>
          )}
        </>
      ) : null}
      <p role="status" class="storage-refused">
        {state.persistRefused.value ? t('sidepanel_about_storage_refused') : ''}
      </p>
    </section>
  );
}
