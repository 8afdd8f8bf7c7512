import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring grows in issue 4 (dataset import, lookups).
});
