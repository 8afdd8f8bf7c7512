/** The background's handler table: one entry per `BackgroundProtocol` call, assembled from the feature modules. */
import { ANNOTATION_HANDLERS } from './annotations-handlers';
import { CONTENT_SCRIPT_HANDLERS } from './content-script-handlers';
import { DATASET_HANDLERS } from './dataset-handlers';
import type { HandlerTable } from './handler-spec';
import { NOTE_FRAME_HANDLERS } from './note-frame-handlers';
import { PACK_HANDLERS } from './pack-handlers';
import { SITE_ACCESS_HANDLERS } from './site-access-handlers';

/** The background's handlers. */
export const HANDLERS: HandlerTable = {
  ...DATASET_HANDLERS,
  ...CONTENT_SCRIPT_HANDLERS,
  ...SITE_ACCESS_HANDLERS,
  ...ANNOTATION_HANDLERS,
  ...NOTE_FRAME_HANDLERS,
  ...PACK_HANDLERS,
};
