import { formatId, officialUrl } from '../../data/citations/index';
import type { DocumentRecord } from '../../data/dataset/types';
import { dossierKeyOf } from '../../data/search/catalog';
import { kindLabel } from './labels';
import { usePanel } from './panel-context';
import { CitedByList } from './ReaderCitedBy';

function OfficialLink({ url }: { url: string | null }) {
  const { t } = usePanel();
  if (!url) return null;
  return (
    <p>
      <a href={url} target="_blank" rel="noopener noreferrer">
        {t('sidepanel_openOfficial')}
      </a>
    </p>
  );
}

/** A cited document the dataset does not hold: what it is, the official link, where it is cited. */
export function StubCard({ doc }: { doc: DocumentRecord }) {
  const { state, t } = usePanel();
  const dossierKey = dossierKeyOf(doc);
  const dossierTitle = (dossierKey ? state.dossierTitle(dossierKey) : undefined) ?? doc.dossierTitle;
  return (
    <article class="reader stub" aria-labelledby="doc-title">
      <p class="kind-badge">{kindLabel(t, doc.type)}</p>
      <h1 id="doc-title" tabIndex={-1}>
        {doc.title ?? doc.citation ?? formatId(doc.id) ?? doc.id}
      </h1>
      <p class="notice">{t('sidepanel_stub_notice')}</p>
      <dl class="facts">
        <dt>{t('sidepanel_meta_ids')}</dt>
        <dd>{doc.ids.join(', ')}</dd>
        {dossierKey ? (
          <>
            <dt>{t('sidepanel_meta_dossier')}</dt>
            <dd>{dossierTitle ? `${dossierKey} — ${dossierTitle}` : dossierKey}</dd>
          </>
        ) : null}
      </dl>
      <OfficialLink url={doc.officialUrl ?? officialUrl(doc.id)} />
      <CitedByList citedBy={doc.citedBy} />
    </article>
  );
}

/** An id the dataset knows nothing about. */
export function NotInDataset({ id }: { id: string }) {
  const { t } = usePanel();
  return (
    <article class="reader stub" aria-labelledby="doc-title">
      <h1 id="doc-title" tabIndex={-1}>
        {formatId(id) ?? id}
      </h1>
      <p class="notice">{t('sidepanel_notFound_notice')}</p>
      <p class="muted mono">{id}</p>
      <OfficialLink url={officialUrl(id)} />
      <p>
        <a href="#/">{t('sidepanel_backToLibrary')}</a>
      </p>
    </article>
  );
}
