/**
 * The SyncFeed categories Kamerlens reads, the entity element each one carries, and the XML
 * namespaces of the feed (Atom) and of its entities (tkData).
 */

/** Atom 1.0, the namespace of the feed, its entries and links. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** The Tweede Kamer's entity namespace (`tk:` on attributes). */
export const TK_NS = 'http://www.tweedekamer.nl/xsd/tkData/v1-0';
/** XML Schema instance namespace (`xsi:nil`). */
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** The official SyncFeed base URL. */
export const DEFAULT_FEED_URL = 'https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0';

/** Category name (as in `Feed?category=`) → entity element name. */
export const CATEGORY_ELEMENTS = {
  Kamerstukdossier: 'kamerstukdossier',
  Document: 'document',
  DocumentActor: 'documentActor',
  DocumentVersie: 'documentVersie',
  Zaak: 'zaak',
  ZaakActor: 'zaakActor',
} as const;

/** A category this client knows. */
export type Category = keyof typeof CATEGORY_ELEMENTS;

/** What `data:sync` reads when `--categories` is not given. */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  'Kamerstukdossier',
  'Document',
  'DocumentActor',
  'Zaak',
  'ZaakActor',
];

/** True when `name` is a category this client knows. */
export function isCategory(name: string): name is Category {
  return Object.hasOwn(CATEGORY_ELEMENTS, name);
}
