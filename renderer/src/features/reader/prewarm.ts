/**
 * Once the app has started and is idle, load the reader's code and start pdf.js's worker, so the
 * first document a member opens does not wait for them: fetching and compiling the worker's
 * script alone takes about 250 ms on the committee's two-core laptops (docs/adr/0004). The worker
 * then serves every document opened in the session.
 *
 * Returns a function that cancels the warm-up if it has not started yet.
 */
export function prewarmReader(): () => void {
  const run = () => {
    void Promise.all([import('./ReaderPage.tsx'), import('./pdfjs.ts')])
      .then(([, pdfjs]) => pdfjs.warmUp())
      // A warm-up that fails costs nothing: the reader loads the same code when it opens.
      .catch(() => {});
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(run, 1000);
  return () => clearTimeout(timer);
}
