/**
 * Side panel routes, kept in the URL hash so every view can be linked to and survives a reload.
 *
 *   sidepanel.html#/                     library (search and filters)
 *   sidepanel.html#/doc/<id>             reader at a document (canonical id or any alias; stubs too)
 *   sidepanel.html#/doc/<id>/q/<n>       … at question n
 *   sidepanel.html#/doc/<id>/a/<n>       … at the answer to question n
 *   sidepanel.html#/doc/<id>/s/<i>       … at section i (0-based) of a letter
 *   sidepanel.html#/doc/<id>?q=<n>       same as /q/<n> (the form `sidePanelPath` in data/messages.ts writes)
 *   sidepanel.html#/page                 references on the page in the active tab
 *   sidepanel.html#/about                about the data (and the first-run import progress)
 *   sidepanel.html#/notes                the reader's notes (annotations: this page and all pages)
 *
 * Path parts are URI-encoded. Anything else is the library.
 */

/** Where in a document the reader opens. */
export type ReaderTarget =
  | { kind: 'question' | 'answer'; number: string }
  | { kind: 'section'; index: number };

/** One view of the panel. */
export type Route =
  | { name: 'library' }
  | { name: 'doc'; id: string; target: ReaderTarget | null }
  | { name: 'page' }
  | { name: 'about' }
  | { name: 'notes' };

const TARGET_KINDS: Record<string, 'question' | 'answer' | 'section'> = {
  q: 'question',
  a: 'answer',
  s: 'section',
};

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

function targetOf(kind: string | undefined, value: string | undefined): ReaderTarget | null {
  const name = kind === undefined ? undefined : TARGET_KINDS[kind];
  const decoded = value === undefined ? null : decode(value);
  if (!name || decoded === null || decoded === '') return null;
  if (name !== 'section') return { kind: name, number: decoded };
  const index = Number(decoded);
  return Number.isInteger(index) && index >= 0 ? { kind: 'section', index } : null;
}

/** The route a location hash stands for (`#/doc/kst-34352-349/q/2`). */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'page' && parts.length === 1) return { name: 'page' };
  if (parts[0] === 'about' && parts.length === 1) return { name: 'about' };
  if (parts[0] === 'notes' && parts.length === 1) return { name: 'notes' };
  if (parts[0] === 'doc' && parts[1]) {
    const id = decode(parts[1]);
    if (!id) return { name: 'library' };
    const question = new URLSearchParams(search).get('q');
    const target = parts[2] ? targetOf(parts[2], parts[3]) : question ? targetOf('q', question) : null;
    return { name: 'doc', id, target };
  }
  return { name: 'library' };
}

/** The hash for a route (`#/doc/kst-34352-349/a/3`). */
export function routeHash(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'page':
      return '#/page';
    case 'about':
      return '#/about';
    case 'notes':
      return '#/notes';
    case 'doc': {
      const base = `#/doc/${encodeURIComponent(route.id)}`;
      const target = route.target;
      if (!target) return base;
      if (target.kind === 'section') return `${base}/s/${target.index}`;
      return `${base}/${target.kind === 'question' ? 'q' : 'a'}/${encodeURIComponent(target.number)}`;
    }
  }
}

/** The hash of the reader at a document, optionally at one of its questions or answers. */
export function documentHash(id: string, target: ReaderTarget | null = null): string {
  return routeHash({ name: 'doc', id, target });
}
