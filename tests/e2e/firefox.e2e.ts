/**
 * The shared end-to-end scenarios (cross-browser-suite.ts, packs-suite.ts, hostile-names-suite.ts)
 * in Firefox ESR, over WebDriver BiDi, and Firefox's own (firefox-import-idle.ts).
 */
import { crossBrowserSuite } from './cross-browser-suite';
import { importWithNoPageOpenSuite } from './firefox-import-idle';
import { FIREFOX_BUILD_DIR, launchFirefox } from './harness-firefox';
import { hostileNamesSuite } from './hostile-names-suite';
import { packsSuite } from './packs-suite';
import { reloadSuite } from './reload-suite';

crossBrowserSuite('Firefox', (options) => launchFirefox(options));
packsSuite('Firefox', FIREFOX_BUILD_DIR, (options) => launchFirefox(options));
importWithNoPageOpenSuite();
hostileNamesSuite('Firefox', (options) => launchFirefox(options));
reloadSuite('Firefox', (options) => launchFirefox(options));
