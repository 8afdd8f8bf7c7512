import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoteFrameTarget, NoteFrameView } from '../../data/annotations/note-frame';
import { useI18n } from '../i18n-context';
import type { Watched } from '../shared/watched';
import type { OverlayView } from './overlay-state';

/** What the overlay needs to show a view in the note frame (the content script implements it). */
export interface NoteFrameHost {
  /**
   * Open a session for `view` (an editor with the `target` its Save writes); the frame page's URL,
   * or null when it cannot be shown.
   */
  open(view: NoteFrameView, target?: NoteFrameTarget): Promise<string | null>;
  /** The frame content's size, as the frame reports it (null until then). */
  size: Watched<{ width: number; height: number } | null>;
  /** Stop acting on the current session's events (its frame was navigated away). */
  abandon(): void;
}

type FramedView = Extract<OverlayView, { kind: 'editor' } | { kind: 'card' }>;

/** Open the session of an overlay view. */
function openFor(host: NoteFrameHost, view: FramedView): Promise<string | null> {
  return view.kind === 'editor'
    ? host.open({ kind: 'editor', draft: view.draft }, view.target)
    : host.open({ kind: 'card', record: view.record, linked: view.linked, focus: view.focus });
}

/**
 * The note editor or card inside the extension's frame page: the page cannot read a cross-origin
 * frame's DOM nor receive its keystrokes. A new session opens per editor and per note shown.
 */
export function NoteFrame({ view, host }: { view: FramedView; host: NoteFrameHost }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  /** The URL whose frame has loaded once: a second load means the frame was navigated or reloaded. */
  const loaded = useRef<string | null>(null);
  const session = view.kind === 'editor' ? `editor:${view.key}` : `card:${view.record.id}`;
  const wantsFocus = view.kind === 'editor' || view.focus;
  // One session per editor or note (`session`), not per update of the view.
  useEffect(() => {
    let live = true;
    setUrl(null);
    void openFor(host, view).then((next) => {
      if (live) setUrl(next);
    });
    return () => {
      live = false;
    };
  }, [session]);
  useEffect(() => {
    if (wantsFocus && url) frame.current?.focus();
  }, [wantsFocus, url]);
  useEffect(() => {
    // Anyone but us changing where the frame points is taken as an attack: the frame goes, at once.
    const element = frame.current;
    if (!element || url === null) return;
    const observer = new MutationObserver(() => {
      host.abandon();
      setUrl(null);
    });
    observer.observe(element, { attributes: true, attributeFilter: ['src', 'srcdoc'] });
    return () => observer.disconnect();
  }, [url]);
  const size = host.size.value;
  if (url === null) return null;
  return (
    <iframe
      // A new element per session, so each frame loads exactly once.
      key={url}
      ref={frame}
      class="ka-frame"
      title={t(view.kind === 'editor' ? 'annotate_editorFrame' : 'annotate_cardFrame')}
      src={url}
      style={{ height: `${Math.ceil(size?.height ?? 0)}px`, opacity: size ? 1 : 0 }}
      onLoad={() => {
        // Whatever loads second in this frame is not our page with this session: take the frame down.
        if (loaded.current === url) {
          host.abandon();
          setUrl(null);
          return;
        }
        loaded.current = url;
        if (wantsFocus) frame.current?.focus();
      }}
    />
  );
}
