/**
 * Styles of the notes views in the side panel (rendered by `AnnotationsProvider` as one style
 * element). They use the panel's own custom properties (entrypoints/sidepanel/style.css) with
 * fallbacks, so light and dark follow the panel; buttons are at least 24 px high (WCAG 2.5.8).
 */
export const PANEL_NOTES_CSS = `
.ka-notes, .ka-notes-for-document { display: grid; gap: 12px; }
.ka-notes h1 { margin: 0; font-size: 1.25em; }
.ka-subheading { margin: 8px 0 4px; font-size: 1.05em; }
.ka-scope { display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; border: 0; }
.ka-button {
  min-height: 28px; padding: 3px 10px; border-radius: 6px; border: 1px solid var(--line, #c9ccd3);
  background: var(--surface, #f4f6f8); color: var(--fg, #1b1b1b); font: inherit; cursor: pointer;
}
.ka-button[aria-pressed="true"], .ka-button.ka-primary { background: var(--accent-bg, #e8f0fe); color: var(--accent-fg, #174ea6); border-color: var(--accent-fg, #174ea6); font-weight: 600; }
.ka-button:disabled { opacity: 0.55; cursor: default; }
.ka-filters { display: grid; gap: 6px; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); margin: 0; padding: 0; border: 0; }
.ka-field { display: grid; gap: 2px; margin: 0 0 8px; }
.ka-label { font-size: 0.85em; font-weight: 600; color: var(--muted, #545454); }
.ka-input, .ka-textarea { width: 100%; min-height: 28px; padding: 3px 6px; border: 1px solid var(--line, #c9ccd3); border-radius: 6px; background: var(--bg, #fff); color: var(--fg, #1b1b1b); font: inherit; }
.ka-textarea { min-height: 90px; resize: vertical; }
.ka-cards { display: grid; gap: 10px; margin: 0; padding: 0; list-style: none; }
.ka-card { padding: 10px 12px; border: 1px solid var(--line, #c9ccd3); border-radius: 8px; background: var(--bg, #fff); }
.ka-quote { margin: 0 0 6px; padding: 4px 10px; border-left: 3px solid var(--mark-bg, #fde68a); background: var(--surface, #f4f6f8); border-radius: 4px; }
.ka-note-text { margin: 0 0 6px; white-space: pre-wrap; }
.ka-tags, .ka-meta, .ka-hint { margin: 0 0 4px; color: var(--muted, #545454); font-size: 0.9em; }
.ka-linked { margin: 0 0 6px; padding-left: 18px; }
.ka-badge { display: inline-block; margin: 0 0 6px; padding: 1px 8px; border-radius: 10px; background: var(--warn-bg, #fff4e5); font-size: 0.85em; font-weight: 600; }
.ka-actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0 0; }
.ka-start { justify-content: flex-start; }
.ka-error { margin: 0; padding: 6px 10px; border-radius: 6px; background: var(--error-bg, #fdecea); color: var(--error-fg, #8c1d18); }
.ka-undo { margin: 0; padding: 6px 10px; border-radius: 6px; background: var(--surface, #f4f6f8); }
.ka-chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.ka-chip { display: inline-flex; align-items: center; gap: 4px; padding: 0 2px 0 8px; border: 1px solid var(--line, #c9ccd3); border-radius: 12px; }
.ka-chip button { min-width: 24px; min-height: 24px; border: 0; background: transparent; color: inherit; cursor: pointer; }
.ka-listbox { margin: 2px 0 0; padding: 2px; list-style: none; border: 1px solid var(--line, #c9ccd3); border-radius: 6px; max-height: 200px; overflow: auto; }
.ka-listbox[hidden] { display: none; }
.ka-option { padding: 3px 6px; border-radius: 4px; cursor: pointer; }
.ka-option[aria-selected="true"] { background: var(--accent-bg, #e8f0fe); color: var(--accent-fg, #174ea6); }
.ka-option small { display: block; }
.ka-panel .ka-heading { margin: 0 0 6px; font-size: 1em; }
.ka-export { border-top: 1px solid var(--line, #c9ccd3); padding-top: 8px; }
`;
