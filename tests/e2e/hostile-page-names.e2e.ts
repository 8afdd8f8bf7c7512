/** A page that names elements after the globals our content script reads (hostile-names-suite.ts), in Chromium. */
import { launchChromium } from './driver-chromium';
import { hostileNamesSuite } from './hostile-names-suite';

hostileNamesSuite('Chromium', (options) => launchChromium(options));
