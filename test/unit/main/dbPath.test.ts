import { describe, expect, it } from 'vitest'
import { homedir } from 'node:os'
import { defaultUserDataDir, resolveDbPath } from '../../../main/dbPath'

describe('resolveDbPath', () => {
  it('prefers --db, then MEMWALL_DB, then the user-data folder', () => {
    expect(resolveDbPath('/a.db', { MEMWALL_DB: '/b.db' }, '/data')).toBe('/a.db')
    expect(resolveDbPath(undefined, { MEMWALL_DB: '/b.db' }, '/data')).toBe('/b.db')
    expect(resolveDbPath(undefined, {}, '/data')).toBe('/data/memwall.db')
  })
})

describe('defaultUserDataDir', () => {
  it('matches where Electron keeps userData on each platform', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg/memwall-workbench')
    expect(defaultUserDataDir({}, 'linux')).toBe(`${homedir()}/.config/memwall-workbench`)
    expect(defaultUserDataDir({}, 'darwin')).toBe(`${homedir()}/Library/Application Support/memwall-workbench`)
  })
})
