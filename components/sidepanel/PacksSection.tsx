import { useEffect, useRef, useState } from 'preact/hooks';
import type { PackRefusal, PackRefusalCode } from '../../data/dataset/read-pack';
import type { Translate } from '../i18n';
import { formatBytes, formatDate } from '../shared/display-text';
import type { PackOutcome } from './packs-state';
import { usePanel } from './panel-context';

/** The live region's text for how the last pack action ended. */
function outcomeText(outcome: PackOutcome, t: Translate): string {
  switch (outcome.kind) {
    case 'added':
      return t('sidepanel_packs_added', outcome.packId, outcome.version);
    case 'updated':
      return t('sidepanel_packs_updated', outcome.packId, outcome.from, outcome.to);
    case 'removed':
      return t('sidepanel_packs_removed', outcome.packId);
    case 'failed':
      return t(
        'sidepanel_packs_failed',
        outcome.fileName,
        outcome.refusal ? refusalText(outcome.refusal, t) : outcome.error,
      );
  }
}

/** The message of each refusal code (browser.i18n keys allow no hyphens). */
const REFUSAL_KEYS: Record<PackRefusalCode, string> = {
  'not-gzip': 'sidepanel_packs_refusal_notGzip',
  'not-json': 'sidepanel_packs_refusal_notJson',
  'not-a-pack': 'sidepanel_packs_refusal_notAPack',
  format: 'sidepanel_packs_refusal_format',
  schema: 'sidepanel_packs_refusal_schema',
  'bad-id': 'sidepanel_packs_refusal_badId',
  'missing-records': 'sidepanel_packs_refusal_missingRecords',
  counts: 'sidepanel_packs_refusal_counts',
  tampered: 'sidepanel_packs_refusal_tampered',
  version: 'sidepanel_packs_refusal_version',
  'invalid-records': 'sidepanel_packs_refusal_invalidRecords',
  'import-failed': 'sidepanel_packs_refusal_importFailed',
};

/** Why a file was refused, in the reader's language (the detail, a version or a record's problem, as is). */
function refusalText(refusal: PackRefusal, t: Translate): string {
  return t(REFUSAL_KEYS[refusal.code], refusal.detail);
}

/**
 * "About the data": the packs the reader added, each with version, counts, size and date; adding a
 * pack from a file (the same pack id again updates it), removing one after a confirmation, and the
 * import's progress and outcome in live regions.
 */
export function PacksSection() {
  const { state, t, locale } = usePanel();
  const packs = state.packs;
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const stop = new AbortController();
    void packs.load();
    void packs.watch(stop.signal);
    return () => stop.abort();
  }, [packs]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const list = packs.packs.value;
  const progress = packs.progress.value;
  const outcome = packs.outcome.value;
  const busy = packs.busy.value;
  const percent = Math.round((progress?.fraction ?? 0) * 100);
  return (
    <section class="packs" aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('sidepanel_packs_heading')}</h2>
      <p>{t('sidepanel_packs_intro')}</p>
      {list === null ? null : list.length === 0 ? (
        <p class="packs-none">{t('sidepanel_packs_none')}</p>
      ) : (
        <ul class="pack-list">
          {list.map((pack) => (
            <li key={pack.id} class="pack">
              <span class="pack-name mono">{pack.id}</span>{' '}
              <span class="pack-facts">
                {t(
                  'sidepanel_packs_facts',
                  pack.version,
                  String(pack.counts.documents),
                  String(pack.counts.dossiers),
                  formatBytes(pack.bytes, locale),
                  formatDate(pack.importedAt.slice(0, 10), locale),
                )}
              </span>
              {confirming === pack.id ? (
                <fieldset class="pack-confirm">
                  <legend>{t('sidepanel_packs_confirm', pack.id)}</legend>
                  <button
                    type="button"
                    ref={confirmButton}
                    disabled={busy}
                    onClick={() => {
                      setConfirming(null);
                      void packs.remove(pack.id);
                    }}
                  >
                    {t('sidepanel_packs_confirmRemove')}
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('sidepanel_packs_cancel')}
                  </button>
                </fieldset>
              ) : (
                <button
                  type="button"
                  class="pack-remove"
                  disabled={busy}
                  aria-label={t('sidepanel_packs_removeLabel', pack.id)}
                  onClick={() => setConfirming(pack.id)}
                >
                  {t('sidepanel_packs_remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="pack-add">
        <label for="pack-file">{t('sidepanel_packs_add')}</label>{' '}
        <input
          id="pack-file"
          type="file"
          accept=".gz,application/gzip"
          disabled={busy}
          aria-describedby="pack-add-hint"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) void packs.add(file);
          }}
        />
      </p>
      <p id="pack-add-hint" class="muted">
        {t('sidepanel_packs_updateHint')}
      </p>
      {progress ? (
        <progress
          class="pack-progress"
          max={100}
          value={percent}
          aria-label={t('sidepanel_packs_progressLabel')}
        />
      ) : null}
      <p role="status" class="pack-status">
        {progress
          ? t('sidepanel_packs_progress', progress.fileName ?? '', String(percent))
          : outcome && outcome.kind !== 'failed'
            ? outcomeText(outcome, t)
            : ''}
      </p>
      <p role="alert" class="pack-error">
        {outcome?.kind === 'failed' ? outcomeText(outcome, t) : ''}
      </p>
    </section>
  );
}
