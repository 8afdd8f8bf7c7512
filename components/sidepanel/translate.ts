/**
 * The panel's translator: `t(key, ...substitutions)` with browser.i18n semantics. In the extension
 * it is `browser.i18n.getMessage`; tests build one over a messages.json with `translatorFor`.
 */

/** Looks up a message with positional substitutions. */
export type Translate = (key: string, ...substitutions: string[]) => string;

/** The shape of a `_locales/<lang>/messages.json` entry. */
export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * A translator over a messages.json object, resolving named placeholders (`$COUNT$` → `$1`) and
 * positional substitutions as Chrome and Firefox do. A missing key returns the key, so it shows.
 */
export function translatorFor(messages: Record<string, MessageEntry>): Translate {
  return (key, ...substitutions) => {
    const entry = messages[key];
    if (!entry) return key;
    const positional = (text: string) =>
      text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? positional(placeholder.content) : whole;
    });
  };
}
