/**
 * The page identity of an annotation: its URL without tracking parameters and fragment, so a note
 * made on a link from a newsletter (`?utm_source=…`) is found again from a search result.
 */

/** Query parameters that only track where a visit came from; they never select content. */
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'li_fat_id',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'rb_clickid',
  's_cid',
  'sc_cid',
  'cmpid',
  'ocid',
  'xtor',
  'ref_src',
]);

/** Prefixes of tracking parameter families (Google Analytics, Mailchimp, AT Internet, Piwik/Matomo). */
const TRACKING_PREFIXES = ['utm_', 'mc_', 'at_', 'pk_', 'mtm_', 'hsa_'];

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Whether `href` is an http(s) address: the only pages a note may target or link to. */
export function isWebAddress(href: string): boolean {
  try {
    const { protocol } = new URL(href);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The URL an annotation targets: tracking parameters and fragment removed; null when not an
 * http(s) URL (a `javascript:`, `data:`, `file:` or extension address is never a note's page).
 */
export function normalizeSourceUrl(href: string): string | null {
  if (!isWebAddress(href)) return null;
  const url = new URL(href);
  url.hash = '';
  // Filter the raw `name=value` segments rather than re-serializing `searchParams`, which would
  // re-encode the parameters that stay (`%20` → `+`) and so change the identity of untracked URLs.
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((segment) => segment !== '' && !isTrackingParameter(parameterName(segment)));
  url.search = kept.length === 0 ? '' : `?${kept.join('&')}`;
  return url.href;
}

function parameterName(segment: string): string {
  const name = segment.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** The site of a page for filtering: host name without a leading `www.`; '' for URLs without a host. */
export function siteOf(source: string): string {
  try {
    return new URL(source).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
