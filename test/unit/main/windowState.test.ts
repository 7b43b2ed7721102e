import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readWindowState, writeWindowState } from '../../../main/windowState'

const file = (): string => join(mkdtempSync(join(tmpdir(), 'memwall-state-')), 'nested', 'window-state.json')

describe('window state', () => {
  it('writes and reads back the size, place and maximised flag', () => {
    const path = file()
    writeWindowState(path, { width: 1200, height: 800, x: -5, y: 30, maximized: true })
    expect(readWindowState(path)).toEqual({ width: 1200, height: 800, x: -5, y: 30, maximized: true })
  })

  it.each([
    ['no file', null],
    ['not JSON', '{oops'],
    ['a size below the minimum', JSON.stringify({ width: 10, height: 800 })],
    ['a fractional width', JSON.stringify({ width: 1000.5, height: 800 })],
  ])('gives null for %s, so the window opens at its default size', (_label, content) => {
    const path = file()
    if (content !== null) {
      writeWindowState(path, { width: 1000, height: 800, maximized: false })
      writeFileSync(path, content)
    }
    expect(readWindowState(path)).toBeNull()
  })

  it('refuses to write a state that does not validate, leaving the old one', () => {
    const path = file()
    writeWindowState(path, { width: 1000, height: 800, maximized: false })
    expect(() => writeWindowState(path, { width: 1, height: 800, maximized: false })).toThrow(/width/)
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ width: 1000 })
  })
})
