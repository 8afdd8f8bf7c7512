import { type FacetCount, hasFilters } from './facets';
import { kindLabel } from './labels';
import { usePanel } from './panel-context';

/** The listed values, plus the chosen one when no document of the current results has it. */
function options(counts: FacetCount[], chosen: string | null): FacetCount[] {
  return chosen && !counts.some((c) => c.value === chosen)
    ? [...counts, { value: chosen, count: 0 }]
    : counts;
}

/** Filters by kind, date range, author and dossier, each value with how many documents it gives. */
export function FilterPanel() {
  const { state, t } = usePanel();
  const filters = state.filters.value;
  const { facets } = state.library.value;
  const activeCount = [
    filters.kinds.length > 0,
    filters.from || filters.to,
    filters.author,
    filters.dossier,
  ].filter(Boolean).length;
  const toggleKind = (kind: string, on: boolean) =>
    state.setFilters({ kinds: on ? [...filters.kinds, kind] : filters.kinds.filter((k) => k !== kind) });
  return (
    <details class="filters" open>
      <summary>
        {activeCount > 0 ? t('sidepanel_filters_active', String(activeCount)) : t('sidepanel_filters')}
      </summary>
      <fieldset>
        <legend>{t('sidepanel_filter_kind')}</legend>
        {facets.kind.map(({ value, count }) => (
          <label key={value} class="check">
            <input
              type="checkbox"
              checked={filters.kinds.includes(value)}
              onChange={(e) => toggleKind(value, e.currentTarget.checked)}
            />
            {kindLabel(t, value)} <span class="count">({count})</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('sidepanel_filter_date')}</legend>
        <div class="date-range">
          <label>
            {t('sidepanel_filter_from')}
            <input
              type="date"
              value={filters.from ?? ''}
              onChange={(e) => state.setFilters({ from: e.currentTarget.value || null })}
            />
          </label>
          <label>
            {t('sidepanel_filter_to')}
            <input
              type="date"
              value={filters.to ?? ''}
              onChange={(e) => state.setFilters({ to: e.currentTarget.value || null })}
            />
          </label>
        </div>
        <ul class="years" aria-label={t('sidepanel_filter_years')}>
          {facets.year.map(({ value, count }) => (
            <li key={value}>
              <button
                type="button"
                class="chip"
                aria-pressed={filters.from === `${value}-01-01` && filters.to === `${value}-12-31`}
                onClick={() => state.setFilters({ from: `${value}-01-01`, to: `${value}-12-31` })}
              >
                {value} <span class="count">({count})</span>
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <label class="field">
        {t('sidepanel_filter_author')}
        <select
          value={filters.author ?? ''}
          onChange={(e) => state.setFilters({ author: e.currentTarget.value || null })}
        >
          <option value="">{t('sidepanel_filter_any')}</option>
          {options(facets.author, filters.author).map(({ value, count }) => (
            <option key={value} value={value}>
              {value} ({count})
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        {t('sidepanel_filter_dossier')}
        <select
          value={filters.dossier ?? ''}
          onChange={(e) => state.setFilters({ dossier: e.currentTarget.value || null })}
        >
          <option value="">{t('sidepanel_filter_any')}</option>
          {options(facets.dossier, filters.dossier).map(({ value, count }) => {
            const title = state.dossierTitle(value);
            return (
              <option key={value} value={value}>
                {title ? `${value} — ${title}` : value} ({count})
              </option>
            );
          })}
        </select>
      </label>
      {hasFilters(filters) ? (
        <button type="button" class="secondary" onClick={() => state.clearFilters()}>
          {t('sidepanel_filters_clear')}
        </button>
      ) : null}
    </details>
  );
}
