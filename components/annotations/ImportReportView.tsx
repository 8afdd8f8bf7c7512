import type { ImportIssue } from '../../data/annotations/jsonld';
import type { ImportReport } from '../../data/db/annotations';
import type { Translate } from '../i18n';
import { useI18n } from '../i18n-context';

/** Most refused items listed one by one; the rest are counted. */
const MAX_LISTED = 20;

/** One refused item in words: which item (number and id), which field, why. */
function issueText(t: Translate, issue: ImportIssue): string {
  const reason = t(`annotate_reason_${issue.reason}`);
  if (issue.index < 0) return t('annotate_import_fileIssue', reason);
  return t('annotate_import_issue', String(issue.index + 1), issue.id ?? '—', issue.field || '—', reason);
}

/** What an import did, or the list of refused items when it did nothing. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  if (report.status === 'imported') {
    return (
      <p class="ka-hint" role="status">
        {t('annotate_import_done', String(report.added), String(report.updated), String(report.unchanged))}
      </p>
    );
  }
  const rest = report.issues.length - MAX_LISTED;
  return (
    <div class="ka-error" role="alert">
      <p>{t('annotate_import_rejected', String(report.issues.length))}</p>
      <ul>
        {report.issues.slice(0, MAX_LISTED).map((issue) => (
          <li key={`${issue.index}:${issue.field}`}>{issueText(t, issue)}</li>
        ))}
      </ul>
      {rest > 0 && <p>{t('annotate_import_more', String(rest))}</p>}
    </div>
  );
}
