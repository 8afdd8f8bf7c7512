/**
 * The news article written questions are about: "het bericht ‘Zorg als kabinet …’ uit Trouw van
 * 4 februari 2026". Its link, when a footnote of the document gives one, comes from that footnote.
 */

import type { NewsArticle } from '../../dataset/types';
import { toIsoDate } from './dutch-dates';

const ARTICLE =
  /\b(?:bericht|artikel|nieuwsbericht|interview|opiniestuk)\s+[‘'"“«]([^’'"”»]{3,200})[’'"”»]\s+(?:uit|in|op|van)\s+(?:het\s+|de\s+)?(\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*)*)(?:\s+van\s+(?:\p{L}+dag\s+)?(\d{1,2})\s+(\p{L}+)\s+(\d{4}))?/u;

/** The article the first question that names one is about, or null. */
export function findNewsArticle(questions: string[], footnoteTexts: string[]): NewsArticle | null {
  for (const question of questions) {
    const match = ARTICLE.exec(question);
    if (!match) continue;
    const title = (match[1] as string).trim();
    const date = match[3] ? toIsoDate(match[3], match[4] as string, match[5] as string) : null;
    return { title, outlet: match[2] ?? null, date, url: linkFor(title, footnoteTexts) };
  }
  return null;
}

function linkFor(title: string, footnoteTexts: string[]): string | null {
  const key = squash(title).slice(0, 30);
  for (const text of footnoteTexts) {
    if (!squash(text).includes(key)) continue;
    const url = /https?:\/\/[^\s)]+/.exec(text)?.[0];
    if (url) return url.replace(/[.,]$/, '');
  }
  return null;
}

function squash(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}
