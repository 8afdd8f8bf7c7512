/**
 * The names Kamerlens' own elements and attributes carry in a page. Every one starts with
 * `OWN_PREFIX`: the scanner leaves elements named so unscanned, and the page-text model leaves out
 * all of them but the marks (which only wrap the page's own text).
 */

/** Prefix of our element names, ids and `data-` attributes. */
export const OWN_PREFIX = 'kamerlens-';

/** The element that wraps a marked reference. Custom element names render inline by default. */
export const MARK_TAG = 'kamerlens-ref';

/** A mark's attributes: the reference's canonical ids, its citation kind, and its group number. */
export const MARK_IDS_ATTRIBUTE = 'data-kamerlens-ref';
export const MARK_KIND_ATTRIBUTE = 'data-kamerlens-kind';
export const MARK_GROUP_ATTRIBUTE = 'data-kamerlens-group';

/** Id of the `<style>` element that carries the marks' look where constructed sheets are missing. */
export const MARK_STYLE_ID = 'kamerlens-mark-style';

/** Prefix of the popover host's id; a random part per page load keeps pages from predicting it. */
export const POPOVER_HOST_ID_PREFIX = 'kamerlens-popover-';

/**
 * Set by a page on `<html>` to opt into Kamerlens' `performance.measure` entries (the benchmarks'
 * pages do), so ordinary pages' timelines never fill up with them.
 */
export const MEASURE_ATTRIBUTE = 'data-kamerlens-measure';

/**
 * Whether `doc` opted into the measures; never in a release build (mode `production`). The page
 * shares the timeline, and the attribute's name is predictable: measured against the release build
 * (hostile-page.e2e.ts), a page that set it was given the time of every card lookup and scanner
 * slice. The benchmarks run the test build.
 */
export function measuresRequested(doc: Document): boolean {
  return import.meta.env.MODE !== 'production' && doc.documentElement.hasAttribute(MEASURE_ATTRIBUTE);
}
