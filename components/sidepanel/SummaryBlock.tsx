import type { DocumentRecord } from '../../data/dataset/types';
import { usePanel } from './panel-context';

/** The summary with where it comes from (written by the editors, or extracted automatically). */
export function SummaryBlock({ doc }: { doc: DocumentRecord }) {
  const { t } = usePanel();
  if (!doc.summary && doc.keyPoints.length === 0) return null;
  return (
    <section class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('sidepanel_summary_heading')}</h2>
      {doc.summarySource ? (
        <p class="provenance">{t(`sidepanel_summary_source_${doc.summarySource}`)}</p>
      ) : null}
      {doc.summary ? <p>{doc.summary}</p> : null}
      {doc.keyPoints.length > 0 ? (
        <ul class="key-points" aria-label={t('sidepanel_summary_keyPoints')}>
          {doc.keyPoints.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
