import { useMemo, useState } from 'preact/hooks';
import type { SidePanelOutcome } from '../../data/messages';
import type { Result } from '../../data/result';
import { useI18n } from '../i18n-context';
import type { PopoverActions } from './card-model';

type Notice =
  | { kind: 'none' }
  | { kind: 'openSidebar'; shortcut: string | null }
  | { kind: 'failed'; error: string };

/**
 * Wraps the card's actions so every "open in side panel" (action bar, questions, citing places)
 * reports its outcome: nothing when the panel shows the document, how to open the sidebar when
 * Firefox refused to open it, and what went wrong when it failed. Returns the wrapped actions and
 * the status line to render in the card.
 */
export function useSidePanelNotice(actions: PopoverActions) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const wrapped = useMemo<PopoverActions>(
    () => ({
      ...actions,
      openSidePanel: (...request: Parameters<PopoverActions['openSidePanel']>) => {
        setNotice({ kind: 'none' });
        const pending = actions.openSidePanel(...request);
        void pending.then(
          (answer) => setNotice(noticeFor(answer)),
          (error: unknown) => setNotice({ kind: 'failed', error: String(error) }),
        );
        return pending;
      },
    }),
    [actions],
  );
  const text =
    notice.kind === 'openSidebar'
      ? notice.shortcut
        ? t('popover_sidePanel_openSidebar', notice.shortcut)
        : t('popover_sidePanel_openSidebarNoShortcut')
      : notice.kind === 'failed'
        ? t('popover_sidePanel_failed', notice.error)
        : '';
  // Always rendered, so screen readers announce the text when it appears.
  const status = (
    <p class="kl-panel-status" role="status" data-kind={notice.kind} hidden={!text}>
      {text}
    </p>
  );
  return { actions: wrapped, status };
}

function noticeFor(answer: Result<SidePanelOutcome>): Notice {
  if (!answer.ok) return { kind: 'failed', error: answer.error };
  return answer.value.shown ? { kind: 'none' } : { kind: 'openSidebar', shortcut: answer.value.shortcut };
}
