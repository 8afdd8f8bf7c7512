/**
 * One SyncFeed entity as sent: its id, update time, deletion flag, every simple field (text, or
 * null for `xsi:nil`) and every reference (`<zaak ref="…"/>`). Nothing is mapped or dropped here;
 * mapping to dataset records happens at build time.
 */

/** A synced entity, stored as sent. */
export interface RawEntity {
  /** Element name: `document`, `zaak`, `kamerstukdossier`, … */
  element: string;
  /** The entity's GUID. */
  id: string;
  /** `tk:bijgewerkt`: when the Kamer last changed it. */
  updated: string;
  /** `tk:verwijderd="true"`: the entity was removed. */
  deleted: boolean;
  /** Simple fields by element name; null where the feed sent `xsi:nil="true"`. */
  fields: Record<string, string | null>;
  /** References by element name (a field may repeat: a document can belong to several zaken). */
  refs: Record<string, string[]>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when `value` is a GUID in the form the schemas require (lower-case hex). */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}
