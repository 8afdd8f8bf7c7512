/** The panel's route lives in `location.hash` (deep links: see components/sidepanel/routes.ts). */
import type { HashPort } from '../../components/sidepanel/panel-state';

/** A hash port over `window.location`, listening for back/forward and typed links. */
export function windowHash(): HashPort {
  return {
    current: () => window.location.hash || '#/',
    push(hash) {
      window.location.hash = hash;
    },
    listen(onChange) {
      const handler = () => onChange(window.location.hash || '#/');
      window.addEventListener('hashchange', handler);
      return () => window.removeEventListener('hashchange', handler);
    },
  };
}
