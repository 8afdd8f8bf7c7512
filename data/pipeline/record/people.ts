/**
 * Ministers, state secretaries and members as the documents name them:
 * `minister Aartsen (Werk en Participatie)`, `de Minister van Sociale Zaken en Werkgelegenheid`,
 * `De Staatssecretaris Participatie en Integratie`, `het lid De Kort (VVD)`.
 */
import type { Person } from '../../dataset/types';

const OFFICE = /^(?:de\s+)?(minister|staatssecretaris|minister-president)\b\s*(.*)$/i;

/** One office holder: role, name when printed, portfolio from brackets or `van …`/`voor …`. */
export function parseOfficeHolder(text: string): Person | null {
  const t = text.trim().replace(/,$/, '');
  const match = OFFICE.exec(t);
  if (!match) return null;
  const role = (match[1] as string).toLowerCase();
  const rest = (match[2] as string).trim();
  const named =
    /^(\p{Lu}[\p{L}'’.-]*(?:\s+(?:van|de|der|den|ter|ten|\p{Lu}[\p{L}'’.-]*))*)\s*\(([^)]+)\)$/u.exec(rest);
  if (named) return { name: named[1] as string, role, portfolio: (named[2] as string).trim(), party: null };
  const office = /^(?:van|voor)\s+(.+)$/i.exec(rest) ?? /^(\p{Lu}.*)$/u.exec(rest);
  // No name printed: the office itself is how the document names its author.
  const portfolio = office ? (office[1] as string).trim() : null;
  return { name: t.replace(/^de\s+/i, ''), role, portfolio, party: null };
}

/** Several office holders: `X (…) en de minister van …`, `X (…), mede namens de Minister van …`. */
export function parseOfficeHolders(text: string): Person[] {
  return splitTopLevel(text, /\s*(?:,\s*mede namens|\ben)\s+(?=(?:de\s+)?(?:minister|staatssecretaris)\b)/i)
    .map(parseOfficeHolder)
    .filter((person): person is Person => person !== null);
}

/** Members who asked: `De Kort (VVD)`, `De Kort (VVD) en Pouw-Verweij (JA21)`. */
export function parseMembers(text: string): Person[] {
  return splitTopLevel(text, /\s*(?:,|\ben\b)\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^(.+?)\s*\(([^)]+)\)$/.exec(part);
      return match
        ? {
            name: (match[1] as string).trim(),
            role: 'lid',
            portfolio: null,
            party: (match[2] as string).trim(),
          }
        : { name: part, role: 'lid', portfolio: null, party: null };
    });
}

// Split on `separator` outside brackets, so "(Werk en Participatie)" stays whole.
function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  const global = new RegExp(separator.source, `${separator.flags.replace('g', '')}g`);
  for (const match of text.matchAll(global)) {
    depth = countDepth(text.slice(0, match.index));
    if (depth > 0 || match[0] === '') continue;
    parts.push(text.slice(from, match.index));
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return parts.filter((part) => part.trim() !== '');
}

function countDepth(text: string): number {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
  }
  return depth;
}
