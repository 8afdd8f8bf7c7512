/**
 * The page-side probe of the startup benchmark, for Firefox, which has no CDP metrics. A page
 * script at the top of `<head>` keeps a chain of MessageChannel tasks running; whenever the main thread is taken by something else (parsing, layout, the
 * content script) the next task comes late. The probe sums the gaps longer than GAP_MS: the
 * main-thread time the page could not use. Content scripts run on the page's main thread, so the difference with and without the extension is what the extension costs the page.
 * The page also opts into the scanner's `kamerlens:slice` measures (`data-kamerlens-measure`).
 */

/** Gaps up to this long are the probe's own task rhythm, not someone else's work. */
const GAP_MS = 1;

const PROBE_SCRIPT = `<script>(() => {
  let last = performance.now(), busy = 0, running = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    if (now - last > ${GAP_MS}) busy += now - last;
    last = now;
    if (running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  window.__startupProbe = () => { running = false; return busy; };
})();</script>`;

/** The probe's reading: blocked main-thread time and the scanner's own slice time, in ms. */
export interface ProbeReading {
  busyMs: number;
  sliceMs: number;
}

/** Returns `html` with the probe first in `<head>` and the scanner's measures switched on. */
export function withProbe(html: string): string {
  if (!/<head>/i.test(html) || !/<html\b/i.test(html))
    throw new Error('withProbe: the page needs an <html> and a <head> tag');
  return html.replace(/<html\b/i, '<html data-kamerlens-measure').replace(/<head>/i, `<head>${PROBE_SCRIPT}`);
}

/**
 * Runs in the page (serialized: no outside names): stops the probe and returns its ProbeReading.
 */
export function readProbe(): ProbeReading {
  const probe = (window as unknown as { __startupProbe?: () => number }).__startupProbe;
  return {
    busyMs: probe ? probe() : Number.NaN,
    sliceMs: performance.getEntriesByName('kamerlens:slice').reduce((sum, e) => sum + e.duration, 0),
  };
}
