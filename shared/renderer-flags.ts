/**
 * V8 flags for the window's renderer, set by Electron's main process and given to Chromium the
 * same way by the browser-host tests and the bench, so they measure the engine the app ships.
 *
 * `--optimize-for-size`: reading a long document makes garbage at a steady rate (every page's
 * canvases, text layer and operator list), and with V8's default heap sizing the renderer's heaps
 * kept growing through a 500-page report although what they held after a collection stayed flat
 * (docs/adr/0004). Sized for memory, the heaps are collected before they grow: the peak stays
 * near what the first pages need. The committee's laptops have less memory than CPU to spare.
 */
export const RENDERER_JS_FLAGS: readonly string[] = ['--optimize-for-size'];

/** The same flags as one Chromium command-line switch. */
export const RENDERER_JS_FLAGS_SWITCH = `--js-flags=${RENDERER_JS_FLAGS.join(' ')}`;
