import { useState } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import type { AnnotationsState } from './annotations-state';
import { ImportReportView } from './ImportReportView';

/** Export of the listed notes (JSON-LD, Markdown, CSV), the page's reference list, and import. */
export function ExportMenu({ state }: { state: AnnotationsState }) {
  const { t } = useI18n();
  const [referencesMissing, setReferencesMissing] = useState(false);
  const count = state.shown.value.length;
  const report = state.importReport.value;
  const references = async (format: 'markdown' | 'csv') =>
    setReferencesMissing(!(await state.exportReferences(format)));
  return (
    <section class="ka-export" aria-labelledby="ka-export-heading">
      <h2 id="ka-export-heading" class="ka-subheading">
        {t('annotate_export_heading')}
      </h2>
      <p class="ka-hint">{t('annotate_export_scope', String(count))}</p>
      <div class="ka-actions ka-start">
        <button
          type="button"
          class="ka-button"
          disabled={count === 0}
          onClick={() => state.exportNotes('jsonld')}
        >
          {t('annotate_export_jsonld')}
        </button>
        <button
          type="button"
          class="ka-button"
          disabled={count === 0}
          onClick={() => state.exportNotes('markdown')}
        >
          {t('annotate_export_markdown')}
        </button>
        <button
          type="button"
          class="ka-button"
          disabled={count === 0}
          onClick={() => state.exportNotes('csv')}
        >
          {t('annotate_export_csv')}
        </button>
      </div>
      {state.page.value && (
        <>
          <h3 class="ka-subheading">{t('annotate_references_heading')}</h3>
          <div class="ka-actions ka-start">
            <button type="button" class="ka-button" onClick={() => void references('markdown')}>
              {t('annotate_references_markdown')}
            </button>
            <button type="button" class="ka-button" onClick={() => void references('csv')}>
              {t('annotate_references_csv')}
            </button>
          </div>
          {referencesMissing && (
            <p class="ka-hint" role="status">
              {t('annotate_references_unavailable')}
            </p>
          )}
        </>
      )}
      <h2 class="ka-subheading">{t('annotate_import_heading')}</h2>
      <div class="ka-field">
        <label class="ka-label" for="ka-import-file">
          {t('annotate_import_label')}
        </label>
        <input
          id="ka-import-file"
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          onChange={async (event) => {
            const input = event.target as HTMLInputElement;
            const file = input.files?.[0];
            if (!file) return;
            await state.importFile(await file.text());
            input.value = '';
          }}
        />
      </div>
      {report && <ImportReportView report={report} />}
    </section>
  );
}
