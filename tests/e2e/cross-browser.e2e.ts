/** The shared end-to-end scenarios (cross-browser-suite.ts, packs-suite.ts) in Chromium. */
import { crossBrowserSuite } from './cross-browser-suite';
import { launchChromium } from './driver-chromium';
import { extensionDir } from './harness';
import { packsSuite } from './packs-suite';
import { reloadSuite } from './reload-suite';

crossBrowserSuite('Chromium', (options) => launchChromium(options));
packsSuite('Chromium', extensionDir(), (options) => launchChromium(options));
reloadSuite('Chromium', (options) => launchChromium(options));
