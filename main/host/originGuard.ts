/**
 * The host answers only its own pages. A `Host` other than its loopback name and port is a
 * DNS-rebinding attempt; an `Origin` other than its own is another site calling in.
 */
export function isOwnRequest(
  headers: { host?: string | undefined; origin?: string | undefined },
  port: number,
): boolean {
  const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!headers.host || !ownHosts.includes(headers.host)) return false
  return headers.origin === undefined || ownHosts.some((host) => headers.origin === `http://${host}`)
}
