/**
 * State of the side panel's notes view, as signals: every note, the page in the active tab and
 * where its notes stand (anchored or not found), filters, and the last deletion (for undo).
 */
import { computed, signal } from '@preact/signals';
import { exportNotesCsv } from '../../data/annotations/export-csv';
import { exportMarkdown } from '../../data/annotations/export-markdown';
import { type AnnotationFilter, facetsOf, matchesFilter, NO_FILTER } from '../../data/annotations/filter';
import { exportJsonLd, JSONLD_MEDIA_TYPE } from '../../data/annotations/jsonld';
import {
  describeLinkedDocument,
  type KnownDocument,
  type LinkedDocument,
} from '../../data/annotations/linked-documents';
import type { AnnotationRecord } from '../../data/annotations/model';
import { editAnnotation } from '../../data/annotations/model';
import type { NoteValues } from '../../data/annotations/note-frame';
import {
  referenceList,
  referenceListCsv,
  referenceListMarkdown,
} from '../../data/annotations/reference-list';
import { normalizeSourceUrl } from '../../data/annotations/url';
import type { ImportReport } from '../../data/db/annotations';
import type { AnnotationPageStatus } from '../../data/messages';
import type { Translate } from '../i18n';
import type { ActivePage, AnnotationSources } from './annotation-sources';

/** Which notes the list shows. */
export type Scope = 'page' | 'all';

/** Poll the page's anchoring status while it is pending, this often, at most this many times. */
const STATUS_POLL_MS = 400;
const STATUS_POLLS = 25;

function stamp(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Create the state; `start()` loads and subscribes, returning the stop function. */
export function createAnnotationsState(sources: AnnotationSources, t: Translate) {
  const records = signal<AnnotationRecord[]>([]);
  const page = signal<ActivePage | null>(null);
  const status = signal<AnnotationPageStatus | null>(null);
  const scope = signal<Scope>('page');
  const filter = signal<AnnotationFilter>(NO_FILTER);
  const known = signal<Map<string, KnownDocument>>(new Map());
  const loaded = signal(false);
  /** The last failure from the background (raw; the view translates it). */
  const error = signal<string | null>(null);
  const deleted = signal<AnnotationRecord | null>(null);
  const importReport = signal<ImportReport | null>(null);
  const announcement = signal('');

  const pageSource = computed(() => (page.value ? normalizeSourceUrl(page.value.url) : null));
  const pageRecords = computed(() => records.value.filter((r) => r.target.source === pageSource.value));
  const inScope = computed(() => (scope.value === 'page' ? pageRecords.value : records.value));
  const shown = computed(() => inScope.value.filter((r) => matchesFilter(r, filter.value)));
  const facets = computed(() => facetsOf(inScope.value));
  const orphaned = computed(
    () => new Set(status.value?.source === pageSource.value ? status.value?.orphaned : []),
  );

  const linkedOf = (id: string): LinkedDocument => describeLinkedDocument(id, known.value.get(id));

  let polls = 0;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  const pollStatus = async () => {
    pollTimer = undefined;
    const current = page.value;
    status.value = current ? await sources.pageStatus(current.tabId) : null;
    if (status.value?.pending && polls++ < STATUS_POLLS)
      pollTimer = setTimeout(() => void pollStatus(), STATUS_POLL_MS);
  };

  const refresh = async () => {
    const [all, active] = await Promise.all([sources.listAll(), sources.activePage()]);
    page.value = active;
    if (all.ok) {
      records.value = all.value;
      error.value = null;
      // A deleted note that is back (undone elsewhere, or imported) no longer needs its undo.
      const gone = deleted.value;
      if (gone && all.value.some((r) => r.id === gone.id)) deleted.value = null;
    } else {
      error.value = all.error;
    }
    loaded.value = true;
    polls = 0;
    if (pollTimer !== undefined) clearTimeout(pollTimer);
    await pollStatus();
    const ids = [...new Set(records.value.flatMap((r) => r.body.linkedDocumentIds))].filter(
      (id) => !known.value.has(id),
    );
    if (ids.length > 0) known.value = new Map([...known.value, ...(await sources.describe(ids))]);
  };

  const download = (name: string, mediaType: string, text: string) => {
    sources.download(name, mediaType, text);
    announcement.value = t('annotate_exported', name);
  };

  return {
    records,
    page,
    status,
    scope,
    filter,
    known,
    loaded,
    error,
    deleted,
    importReport,
    announcement,
    pageSource,
    pageRecords,
    shown,
    facets,
    orphaned,
    linkedOf,
    refresh,
    start(): () => void {
      void refresh();
      const stop = sources.onChanged(() => void refresh());
      return () => {
        stop();
        if (pollTimer !== undefined) clearTimeout(pollTimer);
      };
    },
    async remove(record: AnnotationRecord) {
      const answer = await sources.remove(record.id);
      if (!answer.ok) {
        error.value = answer.error;
        return;
      }
      deleted.value = answer.value ?? record;
      announcement.value = t('annotate_deleted');
      await refresh();
    },
    async undoDelete() {
      const record = deleted.value;
      if (!record) return;
      const answer = await sources.restore(record);
      if (!answer.ok) {
        error.value = answer.error;
        return;
      }
      deleted.value = null;
      announcement.value = t('annotate_restored');
      await refresh();
    },
    /** Save an edit; resolves to the raw error, or null. */
    async saveEdit(record: AnnotationRecord, values: NoteValues): Promise<string | null> {
      const edited = editAnnotation(record, {
        note: values.note,
        tags: values.tags,
        linkedDocumentIds: values.linked.map((d) => d.id),
      });
      const answer = await sources.save(edited);
      if (!answer.ok) return answer.error;
      announcement.value = t('annotate_saved');
      await refresh();
      return null;
    },
    async importFile(text: string) {
      importReport.value = null;
      const answer = await sources.importFile(text);
      if (!answer.ok) {
        error.value = answer.error;
        return;
      }
      importReport.value = answer.value;
      if (answer.value.status === 'imported') await refresh();
    },
    exportNotes(format: 'jsonld' | 'markdown' | 'csv') {
      const list = shown.value;
      const name = `kamerlens-notities-${stamp(new Date())}`;
      if (format === 'jsonld') download(`${name}.jsonld`, JSONLD_MEDIA_TYPE, exportJsonLd(list));
      else if (format === 'csv') download(`${name}.csv`, 'text/csv', exportNotesCsv(list, linkedOf));
      else
        download(
          `${name}.md`,
          'text/markdown',
          exportMarkdown(
            list,
            {
              title: t('annotate_markdown_title'),
              tags: t('annotate_markdown_tags'),
              linked: t('annotate_markdown_linked'),
            },
            linkedOf,
          ),
        );
    },
    /** Export the active page's reference list; false when the page has no content script. */
    async exportReferences(format: 'markdown' | 'csv'): Promise<boolean> {
      const current = page.value;
      const citations = current ? await sources.pageCitations(current.tabId) : null;
      if (!current || citations === null) return false;
      const ids = [...new Set(citations.flatMap((c) => c.ids))];
      const titles = await sources.describe(ids);
      const entries = referenceList(citations, (id) => titles.get(id)?.title ?? null);
      const name = `kamerlens-verwijzingen-${stamp(new Date())}`;
      if (format === 'csv') download(`${name}.csv`, 'text/csv', referenceListCsv(entries));
      else
        download(
          `${name}.md`,
          'text/markdown',
          referenceListMarkdown({ url: current.url, title: current.title || null }, entries, {
            heading: t('annotate_references_heading'),
            times: (n) => t('annotate_references_times', String(n)),
          }),
        );
      return true;
    },
    async reveal(record: AnnotationRecord): Promise<boolean> {
      const current = page.value;
      return current !== null && (await sources.reveal(current.tabId, record.id));
    },
  };
}

/** The state's type. */
export type AnnotationsState = ReturnType<typeof createAnnotationsState>;
