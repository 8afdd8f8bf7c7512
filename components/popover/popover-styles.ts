/**
 * The popover's stylesheet, injected into its shadow root (so page CSS cannot reach in and ours cannot
 * leak out). Pixel units on purpose: `rem` would scale with the host page's root font size.
 */
export const POPOVER_CSS = `
:host { all: initial; }
.kl-popover {
  --kl-bg: #ffffff; --kl-fg: #1b1b1f; --kl-muted: #50535c; --kl-border: #c9ccd3;
  --kl-accent: #154273; --kl-accent-fg: #ffffff; --kl-quote: #f1f3f6; --kl-focus: #0b5fff;
  --kl-danger: #b42318;
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  box-sizing: border-box; width: max-content; max-width: min(420px, calc(100vw - 16px));
  max-height: min(70vh, 560px); overflow: auto;
  padding: 14px 16px; border: 1px solid var(--kl-border); border-radius: 8px;
  background: var(--kl-bg); color: var(--kl-fg);
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left; white-space: normal; overflow-wrap: anywhere;
}
@media (prefers-color-scheme: dark) {
  .kl-popover {
    --kl-bg: #1f2127; --kl-fg: #eceef2; --kl-muted: #b4b8c2; --kl-border: #4a4e58;
    --kl-accent: #9cc3ff; --kl-accent-fg: #10131a; --kl-quote: #2a2d35; --kl-focus: #9cc3ff;
    --kl-danger: #ffb4ab;
    box-shadow: 0 6px 24px rgba(0, 0, 0, 0.6);
  }
}
.kl-popover:focus { outline: none; }
.kl-popover:focus-visible { outline: 2px solid var(--kl-focus); outline-offset: 2px; }
.kl-popover * { box-sizing: border-box; }
.kl-close {
  float: right; margin: -2px -6px 4px 8px; width: 32px; height: 32px; padding: 0;
  border: 1px solid transparent; border-radius: 6px; background: transparent; color: var(--kl-fg);
  font: 22px/1 system-ui, sans-serif; cursor: pointer;
}
.kl-close:hover { border-color: var(--kl-border); }
.kl-close[hidden] { display: block; visibility: hidden; }
.kl-card { margin: 0; }
.kl-kicker { margin: 0 0 2px; color: var(--kl-muted); font-size: 12.5px; }
.kl-title { margin: 0 0 8px; font-size: 16px; line-height: 1.3; font-weight: 650; }
.kl-note { margin: 0 0 8px; color: var(--kl-muted); }
.kl-facts { margin: 0 0 8px; display: grid; gap: 2px; }
.kl-fact { display: grid; grid-template-columns: 96px 1fr; gap: 8px; }
.kl-fact dt { color: var(--kl-muted); }
.kl-fact dd { margin: 0; }
.kl-fact a { color: var(--kl-accent); }
.kl-section { margin: 10px 0 0; }
.kl-section-title { margin: 0 0 4px; font-size: 13px; font-weight: 650; }
.kl-provenance { margin: 0 0 2px; color: var(--kl-muted); font-size: 12.5px; font-style: italic; }
.kl-summary-text { margin: 0; }
.kl-list { margin: 0; padding: 0; list-style: none; display: grid; gap: 4px; }
.kl-numbered li { display: grid; grid-template-columns: 22px 1fr; }
.kl-qnum { color: var(--kl-muted); }
.kl-quote { display: block; margin: 2px 0 0; padding: 4px 8px; background: var(--kl-quote); border-radius: 4px; font-size: 13px; quotes: "“" "”"; }
.kl-more, .kl-hint, .kl-paper-details { margin: 4px 0 0; color: var(--kl-muted); font-size: 12.5px; }
.kl-papers { gap: 10px; }
.kl-paper-title { margin: 0; }
.kl-paper-number { font-weight: 650; }
.kl-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 12px 0 0; }
.kl-paper .kl-actions { margin-top: 4px; }
.kl-button {
  display: inline-block; padding: 5px 10px; min-height: 28px; border-radius: 6px;
  border: 1px solid var(--kl-accent); background: transparent; color: var(--kl-accent);
  font: inherit; font-size: 13px; text-decoration: none; cursor: pointer;
}
.kl-button:first-child { background: var(--kl-accent); color: var(--kl-accent-fg); }
.kl-text-button {
  padding: 0; border: 0; background: none; color: var(--kl-accent); font: inherit; text-align: left;
  text-decoration: underline; text-underline-offset: 2px; cursor: pointer;
}
.kl-copy-status { color: var(--kl-muted); font-size: 12.5px; }
.kl-panel-status { margin: 8px 0 0; font-size: 12.5px; }
.kl-panel-status[data-kind="failed"] { color: var(--kl-danger); }
.kl-loading { margin: 0; color: var(--kl-muted); }
.kl-popover button:focus-visible, .kl-popover a:focus-visible {
  outline: 2px solid var(--kl-focus); outline-offset: 2px;
}
@media (prefers-reduced-motion: no-preference) {
  .kl-popover { animation: kl-appear 90ms ease-out; }
  @keyframes kl-appear { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
}
`;
