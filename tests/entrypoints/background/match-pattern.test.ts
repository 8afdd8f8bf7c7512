import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../../entrypoints/background/match-pattern';

describe('matchesPattern', () => {
  it.each([
    ['https://www.tweedekamer.nl/x', '*://*.tweedekamer.nl/*', true],
    ['http://tweedekamer.nl/', '*://*.tweedekamer.nl/*', true],
    ['https://tweedekamer.nl.evil.com/', '*://*.tweedekamer.nl/*', false],
    ['https://eviltweedekamer.nl/', '*://*.tweedekamer.nl/*', false],
    ['ftp://www.tweedekamer.nl/', '*://*.tweedekamer.nl/*', false],
    ['http://127.0.0.1:40123/page.html', 'http://127.0.0.1/*', true],
    ['https://127.0.0.1/page.html', 'http://127.0.0.1/*', false],
    ['https://example.org/a/b?c', 'https://example.org/a/*', true],
    ['https://example.org/b', 'https://example.org/a/*', false],
    ['https://example.org/', '<all_urls>', true],
    ['chrome://settings/', '<all_urls>', false],
    ['not a url', '<all_urls>', false],
    ['https://example.org/', 'garbage', false],
  ])('%s vs %s → %s', (url, pattern, expected) => {
    expect(matchesPattern(url, pattern)).toBe(expected);
  });
});
