import type { ComponentChildren } from 'preact';
import type { DocumentRecord } from '../../data/dataset/types';
import { dossierKeyOf } from '../../data/search/catalog';
import { formatDate, formatPerson } from '../shared/display-text';
import { usePanel } from './panel-context';

/** One row of the metadata list; nothing when there is no value. */
function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Who wrote it, who asked, when, the news article, dossier and identifiers. */
export function DocumentMeta({ doc }: { doc: DocumentRecord }) {
  const { state, t, locale } = usePanel();
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : null);
  const dossierKey = dossierKeyOf(doc);
  const dossierTitle = (dossierKey ? state.dossierTitle(dossierKey) : undefined) ?? doc.dossierTitle;
  const isAnswer = doc.type === 'antwoord';
  const article = doc.newsArticle;
  return (
    <dl class="facts">
      <Fact label={t('sidepanel_meta_askedBy')}>{doc.askedBy.map(formatPerson).join('; ') || null}</Fact>
      <Fact label={t('sidepanel_meta_submitted')}>{date(doc.submitted)}</Fact>
      <Fact label={isAnswer ? t('sidepanel_meta_answeredBy') : t('sidepanel_meta_author')}>
        {doc.authors.map(formatPerson).join('; ') || null}
      </Fact>
      <Fact label={isAnswer ? t('sidepanel_meta_answered') : t('sidepanel_meta_date')}>{date(doc.date)}</Fact>
      <Fact label={t('sidepanel_meta_newsArticle')}>
        {article
          ? [`‘${article.title}’`, article.outlet, article.date ? formatDate(article.date, locale) : null]
              .filter(Boolean)
              .join(', ')
          : null}
      </Fact>
      <Fact label={t('sidepanel_meta_dossier')}>
        {dossierKey ? (dossierTitle ? `${dossierKey} — ${dossierTitle}` : dossierKey) : null}
      </Fact>
      <Fact label={t('sidepanel_meta_citation')}>{doc.citation}</Fact>
      <Fact label={t('sidepanel_meta_ids')}>{doc.ids.join(', ')}</Fact>
    </dl>
  );
}
