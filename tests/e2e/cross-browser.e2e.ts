/** The shared end-to-end scenarios (cross-browser-suite.ts) in Chromium. */
import { crossBrowserSuite } from './cross-browser-suite';
import { launchChromium } from './driver-chromium';

crossBrowserSuite('Chromium', (options) => launchChromium(options));
