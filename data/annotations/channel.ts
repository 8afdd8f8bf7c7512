/** The BroadcastChannel on which the background announces note changes to extension pages: `{ source: string | null }`. */
export const ANNOTATIONS_CHANNEL = 'kamerlens-annotations';
