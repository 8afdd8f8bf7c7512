import { formatDate } from '../shared/display-text';
import { PacksSection } from './PacksSection';
import { usePanel } from './panel-context';
import { StorageSection } from './StorageSection';

/** About the data: which dataset is loaded, when, what it holds and where it comes from. */
export function AboutView() {
  const { state, t, locale } = usePanel();
  const dataset = state.info.value?.dataset ?? null;
  return (
    <section class="about" aria-labelledby="view-heading">
      <h1 id="view-heading" tabIndex={-1}>
        {t('sidepanel_about_heading')}
      </h1>
      <p>{t('sidepanel_about_intro')}</p>
      {dataset ? (
        <>
          <dl class="facts">
            <dt>{t('sidepanel_about_version')}</dt>
            <dd>{dataset.datasetVersion}</dd>
            <dt>{t('sidepanel_about_imported')}</dt>
            <dd>{formatDate(dataset.importedAt.slice(0, 10), locale)}</dd>
            <dt>{t('sidepanel_about_documents')}</dt>
            <dd>{dataset.counts.documents}</dd>
            <dt>{t('sidepanel_about_stubs')}</dt>
            <dd>{dataset.counts.stubs}</dd>
            <dt>{t('sidepanel_about_references')}</dt>
            <dd>{dataset.counts.references}</dd>
            <dt>{t('sidepanel_about_dossiers')}</dt>
            <dd>{dataset.counts.dossiers}</dd>
            <dt>{t('sidepanel_about_schema')}</dt>
            <dd>{dataset.schemaVersion}</dd>
            <dt>{t('sidepanel_about_hash')}</dt>
            <dd class="mono">{dataset.contentHash}</dd>
          </dl>
          <h2>{t('sidepanel_about_sources', String(dataset.sources.length))}</h2>
          <ul class="sources">
            {dataset.sources.map((source) => (
              <li key={source.file}>
                <span class="mono">{source.file}</span>{' '}
                <span class="muted mono" title={source.sha256}>
                  sha256 {source.sha256.slice(0, 12)}…
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="notice">{t('sidepanel_about_noData')}</p>
      )}
      <PacksSection />
      <StorageSection />
    </section>
  );
}
