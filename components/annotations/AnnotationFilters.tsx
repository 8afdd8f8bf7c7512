import type { AnnotationFilter, FacetValue } from '../../data/annotations/filter';
import type { LinkedDocument } from '../../data/annotations/linked-documents';
import { useI18n } from '../i18n-context';

function FacetSelect({
  id,
  label,
  value,
  values,
  name,
  onChange,
}: {
  id: string;
  label: string;
  value: string | null;
  values: FacetValue[];
  name: (value: string) => string;
  onChange: (value: string | null) => void;
}) {
  const { t } = useI18n();
  return (
    <div class="ka-field">
      <label class="ka-label" for={id}>
        {label}
      </label>
      <select
        id={id}
        class="ka-input"
        value={value ?? ''}
        onChange={(event) => onChange((event.target as HTMLSelectElement).value || null)}
      >
        <option value="">{t('annotate_filter_any')}</option>
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {name(v.value)} ({v.count})
          </option>
        ))}
      </select>
    </div>
  );
}

/** Filters of the notes list: words, tag, linked document and site (with counts per value). */
export function AnnotationFilters({
  filter,
  facets,
  showSites,
  linkedOf,
  onChange,
}: {
  filter: AnnotationFilter;
  facets: { tags: FacetValue[]; documents: FacetValue[]; sites: FacetValue[] };
  showSites: boolean;
  linkedOf: (id: string) => LinkedDocument;
  onChange: (filter: AnnotationFilter) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="ka-filters">
      <legend class="visually-hidden">{t('annotate_filters')}</legend>
      <div class="ka-field">
        <label class="ka-label" for="ka-filter-text">
          {t('annotate_filter_text')}
        </label>
        <input
          id="ka-filter-text"
          class="ka-input"
          type="search"
          value={filter.text}
          onInput={(event) => onChange({ ...filter, text: (event.target as HTMLInputElement).value })}
        />
      </div>
      <FacetSelect
        id="ka-filter-tag"
        label={t('annotate_filter_tag')}
        value={filter.tag}
        values={facets.tags}
        name={(tag) => `#${tag}`}
        onChange={(tag) => onChange({ ...filter, tag })}
      />
      <FacetSelect
        id="ka-filter-document"
        label={t('annotate_filter_document')}
        value={filter.documentId}
        values={facets.documents}
        name={(id) => linkedOf(id).citation}
        onChange={(documentId) => onChange({ ...filter, documentId })}
      />
      {showSites && (
        <FacetSelect
          id="ka-filter-site"
          label={t('annotate_filter_site')}
          value={filter.site}
          values={facets.sites}
          name={(site) => site}
          onChange={(site) => onChange({ ...filter, site })}
        />
      )}
    </fieldset>
  );
}
