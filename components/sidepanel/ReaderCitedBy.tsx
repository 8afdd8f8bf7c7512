import type { CitedByRecord } from '../../data/dataset/types';
import { formatDate } from '../shared/display-text';
import { usePanel } from './panel-context';
import { documentHash } from './routes';

/** The documents (and questions) in the dataset that cite this one, with the citing sentence. */
export function CitedByList({ citedBy }: { citedBy: readonly CitedByRecord[] }) {
  const { state, t, locale } = usePanel();
  if (citedBy.length === 0) return null;
  return (
    <section class="cited-by" aria-labelledby="cited-by-heading">
      <h2 id="cited-by-heading">{t('sidepanel_citedBy_heading', String(citedBy.length))}</h2>
      <ul>
        {citedBy.map((place, i) => {
          const citing = state.resolve(place.documentId);
          const target = place.qa ? ({ kind: 'question', number: place.qa } as const) : null;
          const title = citing?.title ?? place.documentId;
          return (
            <li key={i}>
              <a href={documentHash(citing?.id ?? place.documentId, target)}>
                {title}
                {place.qa ? `, ${t('sidepanel_where_question', place.qa).toLowerCase()}` : ''}
              </a>
              {citing?.date ? <span class="muted"> · {formatDate(citing.date, locale)}</span> : null}
              <blockquote>{place.context}</blockquote>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
