/** Names used by every layer. */
export const APP_ID = 'vn.gov.nghisu';
export const APP_NAME = 'Nghị Sự';
/** The custom protocol the Electron renderer is served from (never file://). */
export const APP_PROTOCOL = 'app';
export const APP_HOST = 'nghisu';
export const APP_ORIGIN = `${APP_PROTOCOL}://${APP_HOST}`;
