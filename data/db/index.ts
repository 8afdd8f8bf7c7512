/** The database API used by the background and by extension pages (side panel). */

export { datasetInfo } from './dataset-info';
export { KamerlensDB, sharedDB } from './kamerlens-db';
export type * from './records';
