/**
 * The page's Content-Security-Policy: our own scripts, styles and connections only. The same
 * text is in renderer/index.html's meta tag (test/unit/main/security checks they agree), which
 * is what covers file:// pages in Electron; the host also sends it as a header, adding
 * `frame-ancestors`, which only a header can carry.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

export const HOST_CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`
