/** What the note editor opens with: where it shows, its draft, and the target its Save writes. */
import { referencedDocuments } from '../../../components/annotations/linked-names';
import type { ViewportRect } from '../../../components/annotations/overlay-state';
import type { LinkedDocument } from '../../../data/annotations/linked-documents';
import type { AnnotationRecord } from '../../../data/annotations/model';
import type { NoteDraft, NoteFrameTarget } from '../../../data/annotations/note-frame';
import type { CapturedSelection } from './selection';
import { viewportRectOf } from './selection';

/** An editor to open. */
export interface EditorView {
  rect: ViewportRect;
  draft: NoteDraft;
  target: NoteFrameTarget;
}

/** A new note on `selection` of the page `source` (its normalized URL) titled `title`. */
export function newNoteEditor(selection: CapturedSelection, source: string, title: string): EditorView {
  return {
    rect: selection.rect,
    draft: {
      mode: 'new',
      quote: selection.quote.exact,
      note: '',
      tags: [],
      linked: referencedDocuments(selection.quote.exact),
    },
    target: { kind: 'new', source, title, quote: selection.quote, position: selection.position },
  };
}

/** An edit of `record`, next to its highlight `range` (top left when it is gone). */
export function editNoteEditor(
  record: AnnotationRecord,
  range: Range | undefined,
  linked: LinkedDocument[],
): EditorView {
  return {
    rect: range ? viewportRectOf(range) : { left: 16, top: 16, width: 0, height: 0 },
    draft: {
      mode: 'edit',
      quote: record.target.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '',
      note: record.body.note,
      tags: record.body.tags,
      linked,
    },
    target: { kind: 'edit', record },
  };
}
