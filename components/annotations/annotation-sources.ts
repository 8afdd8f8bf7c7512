/**
 * What the annotation views need from the extension, as one injectable interface (tests pass
 * fakes). `createAnnotationSources` builds the real one from the typed calls of
 * data/messaging.ts — every note operation goes through the background, the one writer — plus two web
 * APIs: a BroadcastChannel for change notices and a Blob download for exports.
 */

import { ANNOTATIONS_CHANNEL } from '../../data/annotations/channel';
import type { KnownDocument } from '../../data/annotations/linked-documents';
import type { AnnotationRecord } from '../../data/annotations/model';
import type { Citation } from '../../data/citations/types';
import type { ImportReport } from '../../data/db/annotations';
import type { DocumentSuggestion } from '../../data/db/document-suggestions';
import { type AnnotationPageStatus, MAX_LOOKUP_IDS } from '../../data/messages';
import type { CallBackground, CallTab } from '../../data/messaging';
import type { Result } from '../../data/result';

/** The page in the active tab. */
export interface ActivePage {
  tabId: number;
  url: string;
  title: string;
}

/** Everything the annotation views read or do outside their own DOM. */
export interface AnnotationSources {
  listAll(): Promise<Result<AnnotationRecord[]>>;
  forDocuments(ids: string[]): Promise<Result<AnnotationRecord[]>>;
  save(record: AnnotationRecord): Promise<Result<AnnotationRecord>>;
  remove(id: string): Promise<Result<AnnotationRecord | null>>;
  restore(record: AnnotationRecord): Promise<Result<AnnotationRecord>>;
  importFile(text: string): Promise<Result<ImportReport>>;
  search(query: string): Promise<DocumentSuggestion[]>;
  /** What the dataset says about ids (citation, title); unknown ids are absent. */
  describe(ids: string[]): Promise<Map<string, KnownDocument>>;
  activePage(): Promise<ActivePage | null>;
  /** The content script's anchoring status, or null when no content script answers in that tab. */
  pageStatus(tabId: number): Promise<AnnotationPageStatus | null>;
  /** The references the scanner marked in that tab, or null without a content script. */
  pageCitations(tabId: number): Promise<Citation[] | null>;
  reveal(tabId: number, id: string): Promise<boolean>;
  /** Calls `listener` when notes change anywhere or the active tab changes; returns the stop function. */
  onChanged(listener: () => void): () => void;
  download(filename: string, mediaType: string, text: string): void;
}

/** Download `text` as a file through a temporary object URL (works in extension pages). */
function downloadText(filename: string, mediaType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Sources over the calls of data/messaging.ts and the panel's view of the active tab. */
export function createAnnotationSources(parts: {
  callBackground: CallBackground;
  callTab: CallTab;
  targetTab: () => Promise<{ id?: number; url?: string; title?: string } | null>;
  watchActiveTab: (onChange: () => void) => () => void;
}): AnnotationSources {
  const { callBackground, callTab } = parts;
  return {
    listAll: () => callBackground('listAnnotations', {}),
    forDocuments: (ids) => callBackground('annotationsForDocuments', { ids }),
    save: (annotation) => callBackground('saveAnnotation', { annotation }),
    remove: (id) => callBackground('deleteAnnotation', { id }),
    restore: (annotation) => callBackground('restoreAnnotation', { annotation }),
    importFile: (json) => callBackground('importAnnotations', { json }),
    async search(query) {
      const answer = await callBackground('searchDocuments', { query });
      if (!answer.ok) throw new Error(answer.error);
      return answer.value;
    },
    async describe(ids) {
      const known = new Map<string, KnownDocument>();
      for (let i = 0; i < ids.length; i += MAX_LOOKUP_IDS) {
        const answer = await callBackground('lookup', { ids: ids.slice(i, i + MAX_LOOKUP_IDS) });
        if (!answer.ok) continue;
        for (const entry of answer.value) {
          if (entry.document)
            known.set(entry.id, { citation: entry.document.citation, title: entry.document.title });
        }
      }
      return known;
    },
    async activePage() {
      const tab = await parts.targetTab();
      if (tab?.id === undefined || !tab.url) return null;
      return { tabId: tab.id, url: tab.url, title: tab.title ?? '' };
    },
    async pageStatus(tabId) {
      const answer = await callTab(tabId, 'annotationStatus', {});
      return answer.ok ? answer.value : null;
    },
    async pageCitations(tabId) {
      const answer = await callTab(tabId, 'pageReferences', {});
      return answer.ok ? answer.value.map((reference) => reference.citation) : null;
    },
    async reveal(tabId, id) {
      const answer = await callTab(tabId, 'revealAnnotation', { id });
      return answer.ok && answer.value;
    },
    onChanged(listener) {
      const stopTabs = parts.watchActiveTab(listener);
      let channel: BroadcastChannel | null = null;
      try {
        channel = new BroadcastChannel(ANNOTATIONS_CHANNEL);
        channel.onmessage = () => listener();
      } catch {
        // No BroadcastChannel: the view still refreshes after its own actions and on focus.
      }
      const onFocus = () => listener();
      window.addEventListener('focus', onFocus);
      return () => {
        stopTabs();
        channel?.close();
        window.removeEventListener('focus', onFocus);
      };
    },
    download: downloadText,
  };
}
