import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['*://*.tweedekamer.nl/*'],
  main() {},
});
