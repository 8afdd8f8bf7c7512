/** The shared end-to-end scenarios (cross-browser-suite.ts) in Firefox ESR, over WebDriver BiDi. */
import { crossBrowserSuite } from './cross-browser-suite';
import { launchFirefox } from './harness-firefox';

crossBrowserSuite('Firefox', (options) => launchFirefox(options));
