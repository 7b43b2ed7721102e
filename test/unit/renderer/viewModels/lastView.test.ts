import { describe, expect, it } from 'vitest'
import {
  DEFAULT_VIEW,
  isRestorableView,
  LAST_VIEW_KEY,
  lastView,
  rememberView,
  type ViewStorage,
} from '../../../../renderer/src/viewModels/lastView'

function memoryStorage(initial: Record<string, string> = {}): ViewStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial))
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  }
}

const refusing: ViewStorage = {
  getItem: () => {
    throw new Error('SecurityError')
  },
  setItem: () => {
    throw new Error('QuotaExceededError')
  },
}

describe('the last view', () => {
  it.each([
    ['/scenarios', true],
    ['/runs?tag=paper&page=2', true],
    ['/runs/42', true],
    ['/compare?runs=1,2', true],
    ['/paper', true],
    ['/validation', true],
    ['/sweeps/3', true],
    ['/', false],
    ['/paperwork', false],
    ['/elsewhere', false],
  ])('%s is restorable: %s', (path, restorable) => {
    expect(isRestorableView(path)).toBe(restorable)
  })

  it('remembers a view with its query and opens it at `/`', () => {
    const storage = memoryStorage()
    rememberView(storage, '/runs?tag=paper')
    expect(storage.data.get(LAST_VIEW_KEY)).toBe('/runs?tag=paper')
    expect(lastView(storage)).toBe('/runs?tag=paper')
  })

  it('opens the scenarios with nothing, or nothing usable, remembered', () => {
    expect(lastView(memoryStorage())).toBe(DEFAULT_VIEW)
    expect(lastView(memoryStorage({ [LAST_VIEW_KEY]: '/' }))).toBe(DEFAULT_VIEW)
    expect(lastView(undefined)).toBe(DEFAULT_VIEW)
  })

  it('does not remember `/` or unknown paths', () => {
    const storage = memoryStorage({ [LAST_VIEW_KEY]: '/paper' })
    rememberView(storage, '/')
    rememberView(storage, '/nowhere')
    expect(lastView(storage)).toBe('/paper')
  })

  it('works on when storage refuses', () => {
    expect(() => rememberView(refusing, '/paper')).not.toThrow()
    expect(lastView(refusing)).toBe(DEFAULT_VIEW)
  })
})
