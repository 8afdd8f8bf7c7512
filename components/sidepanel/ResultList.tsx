import { formatDate } from '../shared/display-text';
import { Highlighted } from './Highlighted';
import { kindLabel, whereLabel } from './labels';
import type { LibraryItem, ReferenceHit } from './library-model';
import { usePanel } from './panel-context';
import { documentHash } from './routes';

function ResultEntry({ item }: { item: LibraryItem }) {
  const { t, locale } = usePanel();
  const { doc } = item;
  const title = doc.title ?? t('sidepanel_untitled');
  const authors = doc.authors.map((a) => a.name).join(', ');
  return (
    <li class="result">
      <h2 class="result-title">
        <a href={documentHash(doc.id)}>
          {item.titleSegments.length > 0 ? <Highlighted segments={item.titleSegments} /> : title}
        </a>
      </h2>
      <p class="result-meta">
        <span class="kind-badge">{kindLabel(t, doc.type)}</span>
        {doc.date ? <time dateTime={doc.date}>{formatDate(doc.date, locale)}</time> : null}
        {authors ? <span>{authors}</span> : null}
      </p>
      {item.hits.map((hit, i) => (
        <p key={i} class="hit">
          <a class="hit-where" data-where={hit.where.kind} href={documentHash(doc.id, hit.target)}>
            {whereLabel(t, hit.where)}
          </a>{' '}
          <span class="snippet">
            <Highlighted segments={hit.segments} />
          </span>
        </p>
      ))}
    </li>
  );
}

/** Documents named by a reference typed into the search box, shown first. */
export function ReferenceHits({ hits }: { hits: ReferenceHit[] }) {
  const { t } = usePanel();
  if (hits.length === 0) return null;
  return (
    <section class="reference-hits" aria-label={t('sidepanel_referenceHits')}>
      <ul>
        {hits.map(({ id, doc }) => (
          <li key={id}>
            <a class="reference-hit" href={documentHash(doc?.id ?? id)}>
              <span class="kind-badge">
                {doc ? kindLabel(t, doc.type) : t('sidepanel_reference_notInDataset')}
              </span>{' '}
              {doc?.title ?? doc?.citation ?? id}
            </a>
            {doc?.stub ? <span class="muted"> — {t('sidepanel_reference_notInDataset')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The library's documents or search results. */
export function ResultList({ items }: { items: LibraryItem[] }) {
  return (
    <ol class="results">
      {items.map((item) => (
        <ResultEntry key={item.doc.id} item={item} />
      ))}
    </ol>
  );
}
