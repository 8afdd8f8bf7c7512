/** Match patterns (`*://*.example.org/*`) as browsers read them, to tell whether a URL is covered. */

const PATTERN = /^(\*|https?|file|ftp):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/;

/** True when `url` is matched by `pattern` (ports are ignored, as in Firefox and Chrome without a port). */
export function matchesPattern(url: string, pattern: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (pattern === '<all_urls>') return ['http', 'https', 'file', 'ftp'].includes(scheme);
  const match = PATTERN.exec(pattern);
  if (!match) return false;
  const [, patternScheme, patternHost, patternPath] = match as unknown as [string, string, string, string];
  if (patternScheme === '*' ? scheme !== 'http' && scheme !== 'https' : patternScheme !== scheme)
    return false;
  if (!hostMatches(parsed.hostname, patternHost)) return false;
  return globToRegExp(patternPath).test(parsed.pathname + parsed.search);
}

function hostMatches(host: string, patternHost: string): boolean {
  if (patternHost === '*') return true;
  if (patternHost.startsWith('*.')) {
    const base = patternHost.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === patternHost;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}
