import { describe, expect, it } from 'vitest'
import { isOwnRequest } from '../../../../main/host/originGuard'

describe('isOwnRequest (port 4318)', () => {
  it.each([
    ['our host, no origin (curl, page loads)', { host: '127.0.0.1:4318' }, true],
    ['localhost alias with our origin', { host: 'localhost:4318', origin: 'http://localhost:4318' }, true],
    ['our host with our origin', { host: '127.0.0.1:4318', origin: 'http://127.0.0.1:4318' }, true],
    ['a rebound DNS name', { host: 'evil.example:4318' }, false],
    ['our address on another port', { host: '127.0.0.1:9999' }, false],
    ['no Host header', {}, false],
    ['another site calling in', { host: '127.0.0.1:4318', origin: 'https://evil.example' }, false],
    [
      'an https origin of ours (we serve http only)',
      { host: '127.0.0.1:4318', origin: 'https://127.0.0.1:4318' },
      false,
    ],
    ['the literal "null" origin of a sandboxed frame', { host: '127.0.0.1:4318', origin: 'null' }, false],
  ])('%s → %s', (_label, headers, allowed) => {
    expect(isOwnRequest(headers, 4318)).toBe(allowed)
  })
})
