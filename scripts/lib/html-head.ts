// The head tags every page of the app shares (index.html and presenter.html): charset, the strict
// Content-Security-Policy (issue 14), viewport and icon. A Vite plugin writes them into each page, in
// dev and in the build, so the two pages cannot drift apart; each page keeps only its own description
// and title. The CSP must match public/_headers (which adds frame-ancestors, a header-only directive).
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** Only this origin's scripts, workers, data and styles; no plugins, no <base>. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";

const SHARED_HEAD: HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'UTF-8' }, injectTo: 'head-prepend' },
  { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
  { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' }, injectTo: 'head-prepend' },
  { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }, injectTo: 'head-prepend' },
];

/** Prepends the shared head tags to every HTML page Vite serves or builds. */
export function sharedHead(): Plugin {
  // 'pre': before Vite's own HTML processing, so the icon's URL is made relative to base like any other.
  return { name: 'pathways-shared-head', transformIndexHtml: { order: 'pre', handler: () => SHARED_HEAD } };
}
