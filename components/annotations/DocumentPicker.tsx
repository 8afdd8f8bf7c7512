import { useEffect, useRef, useState } from 'preact/hooks';
import type { LinkedDocument } from '../../data/annotations/linked-documents';
import type { DocumentSuggestion } from '../../data/db/document-suggestions';
import { useI18n } from '../i18n-context';

/** Search the dataset for documents to link (the background's `searchDocuments`). */
export type SearchDocuments = (query: string) => Promise<DocumentSuggestion[]>;

/** A linked document chosen from a suggestion. */
function linkedFromSuggestion(s: DocumentSuggestion): LinkedDocument {
  return { id: s.id, citation: s.citation ?? s.id, title: s.title };
}

const SEARCH_DELAY_MS = 120;

/**
 * Linked documents as removable chips, plus a search-as-you-type combobox (WAI-ARIA combobox with
 * a listbox popup: arrows move, Enter links, Escape closes the list).
 */
export function DocumentPicker({
  linked,
  onChange,
  search,
  idPrefix,
}: {
  linked: LinkedDocument[];
  onChange: (linked: LinkedDocument[]) => void;
  search: SearchDocuments;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<DocumentSuggestion[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const request = useRef(0);

  useEffect(() => {
    const ticket = ++request.current;
    if (query.trim().length < 2) {
      setSuggestions([]);
      return;
    }
    const timer = setTimeout(() => {
      search(query)
        .then((found) => {
          if (ticket !== request.current) return; // a later keystroke owns the list
          setFailed(false);
          setSuggestions(found.filter((s) => !linked.some((l) => l.id === s.id)));
          setActive(0);
          setOpen(true);
        })
        .catch(() => ticket === request.current && setFailed(true));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, search, linked]);

  const choose = (s: DocumentSuggestion) => {
    onChange([...linked, linkedFromSuggestion(s)]);
    setQuery('');
    setSuggestions([]);
    setOpen(false);
  };
  const listId = `${idPrefix}-suggestions`;
  const shown = open && suggestions.length > 0;

  return (
    <div class="ka-field">
      <label class="ka-label" for={`${idPrefix}-doc`}>
        {t('annotate_linkLabel')}
      </label>
      {linked.length > 0 && (
        <ul class="ka-chips" aria-label={t('annotate_linkedLabel')}>
          {linked.map((doc) => (
            <li class="ka-chip" key={doc.id}>
              <span title={doc.title ?? undefined}>{doc.citation}</span>
              <button
                type="button"
                aria-label={t('annotate_unlink', doc.citation)}
                onClick={() => onChange(linked.filter((l) => l.id !== doc.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={`${idPrefix}-doc`}
        class="ka-input"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown ? `${listId}-${active}` : undefined}
        placeholder={t('annotate_linkPlaceholder')}
        value={query}
        onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && suggestions.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((i) => (i + 1) % suggestions.length);
          } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
            event.preventDefault();
            setActive((i) => (i - 1 + suggestions.length) % suggestions.length);
          } else if (event.key === 'Enter' && shown) {
            event.preventDefault();
            const chosen = suggestions[active];
            if (chosen) choose(chosen);
          } else if (event.key === 'Escape' && shown) {
            event.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {/* The combobox's listbox popup (WAI-ARIA APG pattern): a native <select> cannot be one. */}
      <div
        id={listId}
        class="ka-listbox"
        role="listbox"
        aria-label={t('annotate_suggestionsLabel')}
        hidden={!shown}
      >
        {suggestions.map((s, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard (aria-activedescendant).
          <div
            id={`${listId}-${i}`}
            key={s.id}
            class="ka-option"
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(s)}
          >
            {s.citation ?? s.id}
            {s.title && <small>{s.title}</small>}
          </div>
        ))}
      </div>
      {failed && <p class="ka-hint">{t('annotate_searchFailed')}</p>}
      {query.trim().length >= 2 && open && suggestions.length === 0 && (
        <p class="ka-hint">{t('annotate_noSuggestions')}</p>
      )}
    </div>
  );
}
