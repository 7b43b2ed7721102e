import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { CONTENT_SECURITY_POLICY, HOST_CONTENT_SECURITY_POLICY } from '../../../../main/security/contentSecurityPolicy'

describe('Content-Security-Policy', () => {
  it('is the same in renderer/index.html as in main (the meta tag is what guards file:// pages)', () => {
    const html = readFileSync(new URL('../../../../renderer/index.html', import.meta.url), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
  })

  it('allows no inline or eval code, and the host forbids framing', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/)
    expect(HOST_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
  })
})
