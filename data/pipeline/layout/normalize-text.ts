/** Character-level normalization shared by every stage that compares or shows text. */

/** Unify spaces and hyphens that extraction tools vary on; drop soft hyphens and zero-width characters. */
export function normalizeChars(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00ad|\u200b|\u200c|\u200d|\u2060/g, '')
    .replace(/[\u00a0\u2007\u2009\u202f]/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\t/g, ' ');
}

/** Collapse runs of spaces and trim: the form paragraphs are stored in. */
export function tidySpaces(text: string): string {
  return text.replace(/ {2,}/g, ' ').trim();
}
