import { useState } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import type { PopoverActions } from './card-model';

interface Props {
  actions: PopoverActions;
  /** Document to open in the side panel; omitted when the dataset has no record. */
  sidePanelId?: string | null;
  officialUrl: string | null;
  /** Official-style citation to copy; omitted for per-paper rows of a multi-paper card. */
  copyText?: string | null;
  /** Names the paper in the buttons' accessible names when a card has one bar per paper. */
  subject?: string;
}

/** Open in side panel, official source, copy citation. */
export function PopoverActionBar({ actions, sidePanelId, officialUrl, copyText, subject }: Props) {
  const { t } = useI18n();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const named = (label: string) => (subject ? `${label}: ${subject}` : undefined);
  const copy = async () => {
    if (!copyText) return;
    setCopyState((await actions.copyText(copyText)) ? 'copied' : 'failed');
  };
  return (
    <div class="kl-actions">
      {sidePanelId && (
        <button
          type="button"
          class="kl-button"
          aria-label={named(t('popover_action_sidePanel'))}
          onClick={() => actions.openSidePanel(sidePanelId)}
        >
          {t('popover_action_sidePanel')}
        </button>
      )}
      {officialUrl && (
        <a
          class="kl-button kl-link"
          href={officialUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={named(t('popover_action_officialNewTab')) ?? t('popover_action_officialNewTab')}
        >
          {t('popover_action_official')}
        </a>
      )}
      {copyText && (
        <button type="button" class="kl-button" onClick={copy}>
          {t('popover_action_copy')}
        </button>
      )}
      {copyText && (
        <span class="kl-copy-status" role="status">
          {copyState === 'copied'
            ? t('popover_copied')
            : copyState === 'failed'
              ? t('popover_copyFailed')
              : ''}
        </span>
      )}
    </div>
  );
}
