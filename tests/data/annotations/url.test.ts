import { describe, expect, it } from 'vitest';
import { normalizeSourceUrl, siteOf } from '../../../data/annotations/url';

describe('normalizeSourceUrl', () => {
  it.each([
    ['https://www.nu.nl/a?utm_source=nb&utm_medium=mail', 'https://www.nu.nl/a'],
    ['https://www.nu.nl/a?id=5&fbclid=xyz#reacties', 'https://www.nu.nl/a?id=5'],
    ['https://nos.nl/l/1?gclid=1&mc_cid=2&mc_eid=3&page=2', 'https://nos.nl/l/1?page=2'],
    ['https://x.nl/p?q=a%20b&UTM_Campaign=z', 'https://x.nl/p?q=a%20b'],
    ['https://x.nl/p?at_medium=rss&xtor=AD-1&_ga=1&msclkid=2', 'https://x.nl/p'],
    ['https://x.nl/p#fragment', 'https://x.nl/p'],
    ['https://x.nl/p?', 'https://x.nl/p'],
    ['HTTPS://WWW.X.NL:443/p', 'https://www.x.nl/p'],
    ['https://x.nl/search?query=utm_source', 'https://x.nl/search?query=utm_source'],
    ['http://127.0.0.1:8123/news.html?fbclid=1', 'http://127.0.0.1:8123/news.html'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSourceUrl(input)).toBe(expected);
  });

  it('returns null for text that is not a URL', () => {
    expect(normalizeSourceUrl('geen url')).toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'chrome-extension://abcdefghijklmnop/sidepanel.html',
    'moz-extension://1234/sidebar.html',
    'about:blank',
    'ftp://example.org/a',
  ])('returns null for %s: only http(s) pages are note targets', (href) => {
    expect(normalizeSourceUrl(href)).toBeNull();
  });
});

describe('siteOf', () => {
  it.each([
    ['https://www.nu.nl/a', 'nu.nl'],
    ['https://nos.nl/a', 'nos.nl'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
    ['nonsense', ''],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});
