import { describe, expect, it, vi } from 'vitest'
import type { IpcMain } from 'electron'
import { CHANNELS } from '../../../contract/channels'
import { isTrustedSender, registerIpc } from '../../../main/ipc'

vi.mock('electron', () => ({}))

const PAGE = 'file:///app/out/renderer/index.html'
const LOCATION = { url: PAGE, kind: 'file' as const }
const mainFrame = { url: `${PAGE}#/runs` }
const event = (senderFrame: { url: string } | null) => ({ senderFrame, sender: { mainFrame } })
/** A main frame that sends from `url`. */
const sameFrame = (url: string) => {
  const frame = { url }
  return { senderFrame: frame, sender: { mainFrame: frame } }
}

describe('isTrustedSender', () => {
  it.each([
    ['our page in the main frame', event(mainFrame), true],
    ['our page, but in a frame that is not the main frame', event({ url: `${PAGE}#/runs` }), false],
    [
      'another page in the main frame',
      { senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: null } },
      false,
    ],
    ['a frame that is gone', event(null), false],
  ])('%s → %s', (_label, sender, trusted) => {
    expect(isTrustedSender(sender as never, LOCATION)).toBe(trusted)
  })
})

describe('registerIpc', () => {
  it('registers every channel, dispatches trusted calls and refuses the rest', async () => {
    const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>()
    const ipcMain = {
      handle: (channel: string, handler: (...args: unknown[]) => Promise<unknown>) => handlers.set(channel, handler),
    }
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 42 }))
    registerIpc(ipcMain as unknown as IpcMain, dispatch, LOCATION)
    expect([...handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort())

    const handler = handlers.get(CHANNELS.runsList)!
    await expect(handler(event(mainFrame), { limit: 5 })).resolves.toEqual({ ok: true, value: 42 })
    expect(dispatch).toHaveBeenCalledWith(CHANNELS.runsList, { limit: 5 })

    const refused = await handler(sameFrame('https://evil.example/'), {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).toHaveBeenCalledTimes(1)
  })
})
