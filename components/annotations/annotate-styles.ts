/**
 * Stylesheet of the in-page annotation UI (toolbar, editor, note card), injected into the
 * annotation host's closed shadow root: page CSS cannot reach in, ours cannot leak out. Pixel units:
 * `rem` would follow the host page's root font size.
 */
export const ANNOTATE_CSS = `
:host { all: initial; }
.ka-layer {
  --ka-bg: #ffffff; --ka-fg: #1b1b1f; --ka-muted: #50535c; --ka-border: #c9ccd3; --ka-accent: #154273;
  --ka-accent-fg: #ffffff; --ka-quote: #fff4cc; --ka-focus: #0b5fff; --ka-error: #a4000f; --ka-field: #ffffff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ka-fg);
}
@media (prefers-color-scheme: dark) {
  .ka-layer {
    --ka-bg: #1f2127; --ka-fg: #eceef2; --ka-muted: #b4b8c2; --ka-border: #4a4e58; --ka-accent: #9cc3ff;
    --ka-accent-fg: #10131a; --ka-quote: #3a3320; --ka-focus: #9cc3ff; --ka-error: #ff9a9a; --ka-field: #15171c;
  }
}
.ka-layer * { box-sizing: border-box; }
.ka-float {
  position: fixed; top: 0; left: 0; z-index: 2147483647; background: var(--ka-bg); color: var(--ka-fg);
  border: 1px solid var(--ka-border); border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.2);
  text-align: left; white-space: normal; overflow-wrap: anywhere;
}
.ka-frame { display: block; border: 0; border-radius: 8px; width: min(400px, calc(100vw - 16px)); max-height: min(80vh, 620px); background: var(--ka-bg); color-scheme: light dark; }
.ka-toolbar { display: flex; gap: 4px; padding: 4px; }
.ka-panel { width: min(400px, calc(100vw - 16px)); max-height: min(80vh, 620px); overflow: auto; padding: 12px 14px; }
.ka-heading { margin: 0 0 8px; font-size: 15px; font-weight: 650; }
.ka-quote { margin: 0 0 10px; padding: 6px 10px; border-left: 3px solid #d9a400; background: var(--ka-quote); border-radius: 4px; font-size: 13px; max-height: 120px; overflow: auto; }
.ka-field { display: grid; gap: 4px; margin: 0 0 10px; }
.ka-label { font-size: 12.5px; font-weight: 600; color: var(--ka-muted); }
.ka-input, .ka-textarea {
  width: 100%; padding: 6px 8px; border: 1px solid var(--ka-border); border-radius: 6px;
  background: var(--ka-field); color: var(--ka-fg); font: inherit;
}
.ka-textarea { min-height: 90px; resize: vertical; }
.ka-hint { margin: 0; font-size: 12px; color: var(--ka-muted); }
.ka-chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.ka-chip { display: inline-flex; align-items: center; gap: 4px; padding: 2px 4px 2px 8px; border: 1px solid var(--ka-border); border-radius: 12px; font-size: 12.5px; }
.ka-chip button { border: 0; background: transparent; color: var(--ka-fg); font: 16px/1 system-ui, sans-serif; width: 24px; height: 24px; border-radius: 50%; cursor: pointer; }
.ka-listbox { margin: 4px 0 0; padding: 2px; list-style: none; border: 1px solid var(--ka-border); border-radius: 6px; max-height: 180px; overflow: auto; }
.ka-option { padding: 4px 6px; border-radius: 4px; cursor: pointer; font-size: 13px; }
.ka-option[aria-selected="true"] { background: var(--ka-accent); color: var(--ka-accent-fg); }
.ka-option small { display: block; opacity: 0.85; }
.ka-actions { display: flex; flex-wrap: wrap; gap: 6px; justify-content: flex-end; margin: 8px 0 0; }
.ka-button {
  display: inline-flex; align-items: center; gap: 4px; min-height: 30px; padding: 4px 10px; border-radius: 6px;
  border: 1px solid var(--ka-accent); background: transparent; color: var(--ka-accent); font: inherit; cursor: pointer;
}
.ka-button.ka-primary { background: var(--ka-accent); color: var(--ka-accent-fg); }
.ka-button:hover { filter: brightness(1.1); }
.ka-button:focus-visible, .ka-input:focus-visible, .ka-textarea:focus-visible, .ka-chip button:focus-visible, .ka-panel:focus-visible {
  outline: 2px solid var(--ka-focus); outline-offset: 2px;
}
.ka-error { margin: 8px 0 0; color: var(--ka-error); font-weight: 600; }
.ka-note-text { margin: 0 0 8px; white-space: pre-wrap; }
.ka-tags { margin: 0 0 8px; color: var(--ka-muted); font-size: 12.5px; }
.ka-linked { margin: 0 0 4px; padding: 0; list-style: none; font-size: 13px; }
.ka-meta { margin: 6px 0 0; color: var(--ka-muted); font-size: 12px; }
.ka-kbd { font: 12px ui-monospace, monospace; opacity: 0.8; }
`;

/**
 * The note frame page's additions: the frame is sized to its content by the host page, so the panel
 * fills the frame's width and is not capped by the frame's own viewport height (which follows it).
 */
export const NOTE_FRAME_CSS = `
html, body { margin: 0; padding: 0; background: transparent; color-scheme: light dark; }
.ka-layer { background: var(--ka-bg); }
.ka-layer .ka-panel { width: 100%; max-height: none; overflow: visible; }
`;
