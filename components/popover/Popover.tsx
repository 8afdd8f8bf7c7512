import { useI18n } from '../i18n-context';
import type { PopoverActions, PopoverContent, PopoverMode } from './card-model';
import { POPOVER_TITLE_ID } from './card-model';
import { ReferenceCard } from './ReferenceCard';
import { useSidePanelNotice } from './side-panel-notice';

interface Props {
  content: PopoverContent;
  mode: PopoverMode;
  actions: PopoverActions;
  /** Shown on keyboard-opened tooltips: how to reach the card's actions. */
  keyboardHint: boolean;
}

/** The popover frame: a non-modal tooltip while hovered, a labelled dialog when pinned. */
export function Popover({ content, mode, actions, keyboardHint }: Props) {
  const { t } = useI18n();
  const panel = useSidePanelNotice(actions);
  const dialog = mode === 'dialog';
  const ready = content.status === 'ready';
  const body = (
    <>
      {/* Always laid out (hidden in tooltips), so pinning with a pointer press shifts nothing under it. */}
      <button
        type="button"
        class="kl-close"
        aria-label={t('popover_close')}
        hidden={!dialog}
        onClick={() => actions.close()}
      >
        <span aria-hidden="true">×</span>
      </button>
      {ready ? (
        <>
          <ReferenceCard card={content.card} actions={panel.actions} />
          {panel.status}
        </>
      ) : (
        <p class="kl-loading" role="status">
          {t('popover_loading')}
        </p>
      )}
      {keyboardHint && !dialog && <p class="kl-hint">{t('popover_keyboardHint')}</p>}
    </>
  );
  // Same element type in both branches: Preact updates it in place, so positioning keeps tracking it.
  const frame = dialog ? (
    <div
      class="kl-popover"
      data-mode={mode}
      data-status={content.status}
      role="dialog"
      aria-labelledby={ready ? POPOVER_TITLE_ID : undefined}
      aria-label={ready ? undefined : t('popover_dialogLabel')}
      tabIndex={-1}
    >
      {body}
    </div>
  ) : (
    <div class="kl-popover" data-mode={mode} data-status={content.status} role="tooltip" tabIndex={-1}>
      {body}
    </div>
  );
  // A labelled landmark around the card: it sits outside the page's own landmarks (axe `region`).
  return (
    <aside class="kl-region" aria-label={t('popover_regionLabel')}>
      {frame}
    </aside>
  );
}
