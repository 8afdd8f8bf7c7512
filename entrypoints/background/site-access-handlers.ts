/** The site access calls (extension pages only): whether Kamerlens runs on a site, and turning it on or off. */
import type { Handlers } from './handler-spec';
import { emptyPayload, urlPayload } from './validate-payload';

/** The handlers, over `services.siteAccess` (site-access.ts). */
export const SITE_ACCESS_HANDLERS: Handlers<
  'getSiteStatus' | 'enableSite' | 'disableSite' | 'enableAllSites' | 'disableAllSites'
> = {
  getSiteStatus: {
    from: 'extension-page',
    validate: urlPayload,
    handle: async ({ url }, _sender, { siteAccess }) => ({ ok: true, value: await siteAccess.status(url) }),
  },
  enableSite: {
    from: 'extension-page',
    validate: urlPayload,
    handle: ({ url }, _sender, { siteAccess }) => siteAccess.enable(url),
  },
  disableSite: {
    from: 'extension-page',
    validate: urlPayload,
    handle: ({ url }, _sender, { siteAccess }) => siteAccess.disable(url),
  },
  enableAllSites: {
    from: 'extension-page',
    validate: emptyPayload,
    handle: (_payload, _sender, { siteAccess }) => siteAccess.enableAll(),
  },
  disableAllSites: {
    from: 'extension-page',
    validate: emptyPayload,
    handle: (_payload, _sender, { siteAccess }) => siteAccess.disableAll(),
  },
};
