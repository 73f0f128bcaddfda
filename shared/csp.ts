/**
 * The Content-Security-Policy of the renderer, sent as a response header wherever it is served: by the
 * desktop shell's app:// protocol and by the headless web bridge. Only the app's own files run; no
 * plugins, no <base> rewrites, no form posts, no framing.
 */
export const RENDERER_CSP =
  "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
