/**
 * Parsing one SyncFeed page (an Atom `<feed>`) with a streaming XML parser: the page's own
 * `next`/`resume` links and, per `<entry>`, the tkData entity inside `<content>`. Anything that
 * is not a well-formed, complete feed of valid entities throws, so a page is used whole or not
 * at all.
 */
import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes';
import { ATOM_NS, TK_NS, XSI_NS } from './categories';
import { isGuid, type RawEntity } from './entity';

/** A parsed page: its entities in feed order and the links to go on from. */
export interface FeedPage {
  entities: RawEntity[];
  /** `rel="next"` of the feed itself (entries carry their own, which are not this). */
  next: string | null;
  /** `rel="resume"`: where to continue once the feed has caught up. */
  resume: string | null;
}

/** A page that cannot be used: names the URL and the first problem. */
export class FeedPageError extends Error {
  constructor(
    readonly url: string,
    readonly problem: string,
  ) {
    super(`${url}: ${problem}`);
    this.name = 'FeedPageError';
  }
}

/** A parser fed chunk by chunk as the page arrives; `close()` returns the page or throws. */
export interface FeedPageParser {
  write(chunk: string): void;
  close(): FeedPage;
}

/** Start parsing the page fetched from `url`. */
export function createFeedPageParser(url: string): FeedPageParser {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const page: FeedPage = { entities: [], next: null, resume: null };
  const stack: SaxesTagNS[] = [];
  let entity: RawEntity | null = null;
  let entryEntities = 0;
  let field: { name: string; text: string; nil: boolean } | null = null;
  const fail = (problem: string): never => {
    throw new FeedPageError(url, `line ${parser.line}: ${problem}`);
  };
  parser.on('opentag', (tag) => {
    const depth = stack.length;
    stack.push(tag);
    if (depth === 0 && (tag.uri !== ATOM_NS || tag.local !== 'feed'))
      fail(`root is <${tag.name}>, not an Atom feed`);
    const parent = stack[depth - 1];
    if (depth === 1 && tag.uri === ATOM_NS && tag.local === 'link') {
      const rel = attr(tag, '', 'rel');
      const href = attr(tag, '', 'href');
      if ((rel === 'next' || rel === 'resume') && href !== undefined) page[rel] = new URL(href, url).href;
    } else if (depth === 1 && tag.uri === ATOM_NS && tag.local === 'entry') {
      entryEntities = 0;
    } else if (depth === 3 && parent?.local === 'content' && stack[1]?.local === 'entry') {
      if (tag.uri !== TK_NS) fail(`<${tag.name}> in an entry is not a tkData entity`);
      entity = openEntity(tag, fail);
      entryEntities += 1;
    } else if (depth === 4 && entity) {
      const ref = attr(tag, '', 'ref');
      if (ref !== undefined) {
        if (!isGuid(ref)) fail(`<${tag.local} ref="${ref}"> is not a GUID`);
        entity.refs[tag.local] = [...(entity.refs[tag.local] ?? []), ref];
      } else field = { name: tag.local, text: '', nil: attr(tag, XSI_NS, 'nil') === 'true' };
    }
  });
  parser.on('text', (text) => {
    if (field && stack.length === 5) field.text += text;
  });
  parser.on('closetag', () => {
    const depth = stack.length - 1;
    const tag = stack.pop();
    if (depth === 4 && field && entity) {
      entity.fields[field.name] = field.nil ? null : field.text;
      field = null;
    } else if (depth === 3 && entity) {
      page.entities.push(entity);
      entity = null;
    } else if (depth === 1 && tag?.local === 'entry' && entryEntities !== 1) {
      fail(`an entry holds ${entryEntities} entities instead of one`);
    }
  });
  return {
    write(chunk) {
      try {
        parser.write(chunk);
      } catch (error) {
        throw asPageError(url, error);
      }
    },
    close() {
      try {
        parser.close();
      } catch (error) {
        throw asPageError(url, error);
      }
      if (stack.length > 0) fail('the page ends before the feed does');
      if (page.next === null && page.resume === null) fail('the feed has neither a next nor a resume link');
      return page;
    },
  };
}

function openEntity(tag: SaxesTagNS, fail: (problem: string) => never): RawEntity {
  const id = attr(tag, '', 'id') ?? '';
  if (!isGuid(id)) fail(`<${tag.local}> has no valid id (${JSON.stringify(id)})`);
  const updated = attr(tag, TK_NS, 'bijgewerkt');
  if (updated === undefined || updated === '') fail(`<${tag.local} id="${id}"> has no tk:bijgewerkt`);
  const deleted = attr(tag, TK_NS, 'verwijderd');
  if (deleted !== 'true' && deleted !== 'false' && deleted !== '1' && deleted !== '0')
    fail(`<${tag.local} id="${id}"> has no valid tk:verwijderd`);
  return {
    element: tag.local,
    id,
    updated: updated as string,
    deleted: deleted === 'true' || deleted === '1',
    fields: {},
    refs: {},
  };
}

function attr(tag: SaxesTagNS, uri: string, local: string): string | undefined {
  for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) {
    if (a.local === local && a.uri === uri) return a.value;
  }
  return undefined;
}

function asPageError(url: string, error: unknown): FeedPageError {
  if (error instanceof FeedPageError) return error;
  return new FeedPageError(
    url,
    `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`,
  );
}
