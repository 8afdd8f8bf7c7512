import { useEffect, useMemo } from 'preact/hooks';
import type { AnnotationRecord } from '../../data/annotations/model';
import { useI18n } from '../i18n-context';
import { AnnotationCard, type CardActions } from './AnnotationCard';
import { AnnotationFilters } from './AnnotationFilters';
import { useAnnotationSources } from './AnnotationsProvider';
import { type AnnotationsState, createAnnotationsState } from './annotations-state';
import { ExportMenu } from './ExportMenu';
import { errorText } from './error-text';

/** The notes view of the side panel: this page or all pages, filters, edit, delete with undo, export. */
export function AnnotationsView({ state: injected }: { state?: AnnotationsState }) {
  const sources = useAnnotationSources();
  const { t } = useI18n();
  const state = useMemo(
    () => injected ?? (sources ? createAnnotationsState(sources, t) : null),
    [injected, sources, t],
  );
  useEffect(() => state?.start(), [state]);
  if (!state || !sources) return null;

  const scope = state.scope.value;
  const orphaned = state.orphaned.value;
  const shown = state.shown.value;
  const placed = scope === 'page' ? shown.filter((r) => !orphaned.has(r.id)) : shown;
  const lost = scope === 'page' ? shown.filter((r) => orphaned.has(r.id)) : [];
  const actionsFor = (record: AnnotationRecord): CardActions => ({
    reveal: scope === 'page' ? () => state.reveal(record) : undefined,
    save: (values) => state.saveEdit(record, values),
    remove: () => void state.remove(record),
    search: sources.search,
  });
  const card = (record: AnnotationRecord, orphan: boolean) => (
    <AnnotationCard
      key={record.id}
      record={record}
      linkedOf={state.linkedOf}
      showPage={scope === 'all'}
      orphan={orphan}
      actions={actionsFor(record)}
    />
  );
  const status = state.status.value;

  return (
    <section class="ka-notes" aria-labelledby="view-heading">
      <h1 id="view-heading" tabIndex={-1}>
        {t('annotate_panel_heading')}
      </h1>
      {state.error.value !== null && (
        <p class="ka-error" role="alert">
          {errorText(t, state.error.value)}
        </p>
      )}
      <fieldset class="ka-scope">
        <legend class="visually-hidden">{t('annotate_scope_label')}</legend>
        <button
          type="button"
          class="ka-button"
          aria-pressed={scope === 'page'}
          onClick={() => (state.scope.value = 'page')}
        >
          {t('annotate_scope_page', String(state.pageRecords.value.length))}
        </button>
        <button
          type="button"
          class="ka-button"
          aria-pressed={scope === 'all'}
          onClick={() => (state.scope.value = 'all')}
        >
          {t('annotate_scope_all', String(state.records.value.length))}
        </button>
      </fieldset>
      {scope === 'page' && (
        <p class="ka-hint">
          {state.page.value ? state.page.value.title || state.page.value.url : t('annotate_noPage')}
          {status?.pending ? ` — ${t('annotate_pending')}` : ''}
        </p>
      )}
      <AnnotationFilters
        filter={state.filter.value}
        facets={state.facets.value}
        showSites={scope === 'all'}
        linkedOf={state.linkedOf}
        onChange={(filter) => (state.filter.value = filter)}
      />
      {state.deleted.value && (
        <p class="ka-undo" role="status">
          {t('annotate_deleted')}{' '}
          <button type="button" class="ka-button" onClick={() => void state.undoDelete()}>
            {t('annotate_undo')}
          </button>
        </p>
      )}
      {state.loaded.value && placed.length === 0 && lost.length === 0 && (
        <p class="ka-hint">
          {state.filter.value.text ||
          state.filter.value.tag ||
          state.filter.value.documentId ||
          state.filter.value.site
            ? t('annotate_noMatch')
            : t(scope === 'page' ? 'annotate_empty_page' : 'annotate_empty_all')}
        </p>
      )}
      {placed.length > 0 && (
        <ul class="ka-cards" aria-label={t('annotate_listLabel')}>
          {placed.map((record) => card(record, false))}
        </ul>
      )}
      {lost.length > 0 && (
        <section aria-labelledby="ka-orphans-heading">
          <h2 id="ka-orphans-heading" class="ka-subheading">
            {t('annotate_notFound_heading')}
          </h2>
          <p class="ka-hint">{t('annotate_notFound_hint')}</p>
          <ul class="ka-cards">{lost.map((record) => card(record, true))}</ul>
        </section>
      )}
      <ExportMenu state={state} />
      <p class="visually-hidden" role="status" aria-live="polite">
        {state.announcement.value}
      </p>
    </section>
  );
}
