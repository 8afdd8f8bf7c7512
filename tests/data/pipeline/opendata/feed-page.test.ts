// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FeedPageError } from '../../../../data/pipeline/opendata/feed-page';
import { parseFeedPage } from '../../../fixtures/opendata/fixture-store';

const URL_ = 'http://127.0.0.1:9/SyncFeed/2.0/Feed?category=Zaak';
const ENTITY = `<zaak xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0" id="2aa00000-0000-4000-8000-000000015690" tk:bijgewerkt="2024-11-12T06:10:44" tk:verwijderd="false"><nummer>2024Z15690</nummer></zaak>`;
const entry = (content: string) =>
  `<entry><link rel="next" href="Feed?category=Zaak&amp;skiptoken=99"/><content type="application/xml">${content}</content></entry>`;
const feed = (body: string, links = '<link rel="next" href="Feed?category=Zaak&amp;skiptoken=7"/>') =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="x"/>${links}${body}</feed>`;

describe('parseFeedPage', () => {
  it("reads the feed's own next link (not an entry's), resolved against the page URL", () => {
    const page = parseFeedPage(feed(entry(ENTITY)), URL_);
    expect(page.next).toBe('http://127.0.0.1:9/SyncFeed/2.0/Feed?category=Zaak&skiptoken=7');
    expect(page.resume).toBeNull();
    expect(page.entities).toEqual([
      {
        element: 'zaak',
        id: '2aa00000-0000-4000-8000-000000015690',
        updated: '2024-11-12T06:10:44',
        deleted: false,
        fields: { nummer: '2024Z15690' },
        refs: {},
      },
    ]);
  });

  it('reads a deletion: a bare element with tk:verwijderd="true"', () => {
    const bare = ENTITY.replace('"false">', '"true"/>').replace(/<nummer>.*$/, '');
    const page = parseFeedPage(feed(entry(bare), '<link rel="resume" href="Feed?skiptoken=8"/>'), URL_);
    expect(page.entities[0]).toMatchObject({ deleted: true, fields: {} });
    expect(page.resume).toBe('http://127.0.0.1:9/SyncFeed/2.0/Feed?skiptoken=8');
  });

  it.each([
    ['a page cut short', feed(entry(ENTITY)).slice(0, 300), 'not well-formed XML'],
    ['a root that is not an Atom feed', '<rss><channel/></rss>', 'not an Atom feed'],
    ['an entry with two entities', feed(entry(ENTITY + ENTITY)), 'holds 2 entities'],
    ['an entry without an entity', feed(entry('')), 'holds 0 entities'],
    ['an entity without a valid id', feed(entry(ENTITY.replace('2aa00000', 'XYZ'))), 'has no valid id'],
    [
      'an entity without tk:verwijderd',
      feed(entry(ENTITY.replace(' tk:verwijderd="false"', ''))),
      'tk:verwijderd',
    ],
    [
      'a reference that is not a GUID',
      feed(entry(ENTITY.replace('<nummer>', '<kamerstukdossier ref="1"/><nummer>'))),
      'is not a GUID',
    ],
    ['a feed with neither next nor resume', feed(entry(ENTITY), ''), 'neither a next nor a resume link'],
  ])('refuses %s', (_, xml, problem) => {
    expect(() => parseFeedPage(xml, URL_)).toThrow(FeedPageError);
    expect(() => parseFeedPage(xml, URL_)).toThrow(problem);
  });
});
