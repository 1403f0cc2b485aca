/** A post may be edited by its author for 30 minutes after it was written; edits show as "edited". */
export const EDIT_WINDOW_MINUTES = 30;
export const EDIT_WINDOW_MS = EDIT_WINDOW_MINUTES * 60 * 1000;
