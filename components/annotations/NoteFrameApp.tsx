import { useEffect, useRef, useState } from 'preact/hooks';
import type { LinkedDocument } from '../../data/annotations/linked-documents';
import type { NoteFrameEvent, NoteFrameView } from '../../data/annotations/note-frame';
import type { Result } from '../../data/result';
import { useI18n } from '../i18n-context';
import type { SearchDocuments } from './DocumentPicker';
import { errorText } from './error-text';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';

/** How often an open frame renews its session (far below the session's idle expiry). */
export const KEEP_ALIVE_MS = 20_000;

/** What the frame page needs from the extension (wired to `runtime.sendMessage` by the entrypoint). */
export interface NoteFrameChannel {
  view(): Promise<Result<NoteFrameView>>;
  send(event: NoteFrameEvent): Promise<Result<null>>;
  search: SearchDocuments;
  /** Names of linked documents from the dataset (citation and title). */
  names(ids: readonly string[]): Promise<LinkedDocument[]>;
}

/**
 * The note frame page: renders the session's editor or card, reports its height to the host page
 * (the only thing the page can observe), saves through the background, and tells the content
 * script, through the background too, about cancel and edit.
 */
export function NoteFrameApp({ channel }: { channel: NoteFrameChannel }) {
  const { t } = useI18n();
  const [view, setView] = useState<NoteFrameView | null>(null);
  const [linked, setLinked] = useState<LinkedDocument[]>([]);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void channel.view().then((answer) => {
      if (!answer.ok) return;
      setView(answer.value);
      if (answer.value.kind === 'card') {
        setLinked(answer.value.linked);
        void channel.names(answer.value.record.body.linkedDocumentIds).then(setLinked);
      }
    });
  }, [channel]);

  useEffect(() => {
    const element = root.current;
    if (!element || !view) return;
    const report = () => {
      const box = element.getBoundingClientRect();
      void channel.send({ type: 'size', width: box.width, height: box.height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    return () => observer.disconnect();
  }, [channel, view]);

  useEffect(() => {
    // A session expires after a long idle time; asking for the view again while the frame is open
    // renews it, so a reader who takes an hour over a note can still save it. The answer is not needed.
    if (!view) return;
    const timer = setInterval(() => void channel.view(), KEEP_ALIVE_MS);
    return () => clearInterval(timer);
  }, [channel, view]);

  const focusCard = view?.kind === 'card' && view.focus;
  useEffect(() => {
    if (focusCard) root.current?.querySelector<HTMLElement>('[role="dialog"]')?.focus();
  }, [focusCard]);

  useEffect(() => {
    // Alt+Shift+N edits the shown note; Escape anywhere in the frame closes it (the card and editor
    // handle their own Escape first).
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        void channel.send({ type: 'cancel' });
      } else if (view?.kind === 'card' && event.altKey && event.shiftKey && event.code === 'KeyN') {
        event.preventDefault();
        void channel.send({ type: 'edit' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [channel, view]);

  const cancel = () => void channel.send({ type: 'cancel' });
  return (
    <div class="ka-layer" ref={root}>
      {view?.kind === 'editor' && (
        <NoteEditor
          draft={view.draft}
          search={channel.search}
          onCancel={cancel}
          onSave={async (values) => {
            const answer = await channel.send({ type: 'save', values });
            return answer.ok ? null : errorText(t, answer.error);
          }}
        />
      )}
      {view?.kind === 'card' && (
        <NoteCard
          record={view.record}
          linked={linked}
          onEdit={() => void channel.send({ type: 'edit' })}
          onClose={cancel}
        />
      )}
    </div>
  );
}
