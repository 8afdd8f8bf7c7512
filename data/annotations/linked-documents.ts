/** How exports name a linked document: its official citation and title where the dataset knows them. */
import { formatId } from '../citations';

/** A linked document as exports show it. */
export interface LinkedDocument {
  id: string;
  /** Official citation (Aanwijzingen 3.43), or the id itself when none can be formed. */
  citation: string;
  title: string | null;
}

/** What the dataset says about an id, when it has a record for it. */
export interface KnownDocument {
  citation: string | null;
  title: string | null;
}

/** Names for linked ids: the dataset's citation, else the recognizer's `formatId`, else the id. */
export function describeLinkedDocument(id: string, known: KnownDocument | undefined): LinkedDocument {
  return { id, citation: known?.citation ?? formatId(id) ?? id, title: known?.title ?? null };
}
