import { describe, expect, it } from 'vitest'
import { isTrustedPageUrl } from '../../../../main/security/trustedPage'

const built = { url: 'file:///opt/memwall/out/renderer/index.html', kind: 'file' as const }
const dev = { url: 'http://localhost:5173/', kind: 'origin' as const }

describe('isTrustedPageUrl', () => {
  it.each([
    [built, 'file:///opt/memwall/out/renderer/index.html', true],
    [built, 'file:///opt/memwall/out/renderer/index.html#/runs/4', true],
    [built, 'file:///opt/memwall/out/renderer/index.html.evil.html', false],
    [built, 'file:///opt/memwall/out/renderer/other.html', false],
    [built, 'https://evil.example/opt/memwall/out/renderer/index.html', false],
    [built, 'not a url', false],
    [dev, 'http://localhost:5173/#/compare', true],
    [dev, 'http://localhost:5174/', false],
    [dev, 'http://localhost.evil.example:5173/', false],
  ])('%o admits %s: %s', (location, url, trusted) => {
    expect(isTrustedPageUrl(url, location)).toBe(trusted)
  })
})
