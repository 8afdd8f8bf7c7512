import { usePanel } from './panel-context';

/**
 * Whether Kamerlens runs on the active tab's site, with a switch for that site and one for every
 * site (each asks for its permission on click; turning off gives the permission back).
 */
export function SiteControl() {
  const { state, t } = usePanel();
  const site = state.site.value;
  if (!site) return null;
  const host = (() => {
    try {
      return new URL(site.url).hostname;
    } catch {
      return site.url;
    }
  })();
  const status = site.enabled
    ? t(
        site.via === 'default'
          ? 'sidepanel_site_onDefault'
          : site.via === 'all'
            ? 'sidepanel_site_onAll'
            : 'sidepanel_site_on',
        host,
      )
    : t('sidepanel_site_off', host);
  return (
    <div class="site-control">
      <p>{status}</p>
      {!site.enabled ? (
        <button type="button" onClick={() => void state.setSiteEnabled(true)}>
          {t('sidepanel_site_enable', host)}
        </button>
      ) : null}
      {site.enabled && site.via === 'site' ? (
        <button type="button" class="secondary" onClick={() => void state.setSiteEnabled(false)}>
          {t('sidepanel_site_disable', host)}
        </button>
      ) : null}
      <button
        type="button"
        class="secondary all-sites"
        onClick={() => void state.setAllSitesEnabled(!site.allSites)}
      >
        {t(site.allSites ? 'sidepanel_site_disableAll' : 'sidepanel_site_enableAll')}
      </button>
    </div>
  );
}
