/**
 * The renderer's Content-Security-Policy, sent as a header wherever it is served: by the desktop shell's
 * app:// protocol and by the headless web bridge. Each fetch directive is spelled out rather than left to
 * default-src, so a later loosening of one of them is a visible change. No 'unsafe-inline' anywhere: the
 * built renderer has no inline script or style (React sets style properties through the CSSOM, which CSP
 * does not govern). frame-ancestors only works as a header; renderer/index.html repeats the rest as a
 * <meta> for the dev server. Workers fall back to script-src: the PDF viewer's pdf.js worker is a bundled
 * file of the app, so 'self' covers it, and no 'wasm-unsafe-eval' is needed (the viewer turns wasm off).
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
