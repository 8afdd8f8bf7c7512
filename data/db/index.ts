/** The database API used by the background and by extension pages (side panel). */

export { dossierKeysOfId, isWellFormedId, MAX_ID_LENGTH } from '../citations/ids';
export { type CitingPlace, citedBy } from './cited-by';
export { type DatasetInfo, datasetInfo } from './dataset-info';
export {
  dossierTitle,
  getDocument,
  type ListDocumentsOptions,
  listDocuments,
  listDossiers,
} from './documents';
export { type ImportOptions, type ImportOutcome, importDataset } from './import-dataset';
export {
  BUNDLED_TABLES,
  DATABASE_NAME,
  KamerlensDB,
  openKamerlensDB,
  SCHEMA_VERSION,
  sharedDB,
  USER_TABLES,
} from './kamerlens-db';
export { cardOf, lookupCards } from './lookup-cards';
export { type DocumentLookup, dossierTitles, lookupDocuments } from './lookup-documents';
export type * from './records';
export { getSetting, putSetting } from './settings';
