/** Keyboard commands the manifest declares (`wxt.config.ts`) and the background reads back. */

/** Firefox's built-in command that opens the sidebar (its shortcut is declared in the manifest). */
export const SIDEBAR_COMMAND = '_execute_sidebar_action';

/** The sidebar shortcut the manifest suggests; readers may change it in Firefox's add-on settings. */
export const SIDEBAR_SHORTCUT = 'Alt+Shift+K';
