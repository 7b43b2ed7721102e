// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WorkbenchError } from '../../../../contract/channels'
import { createHttpApi } from '../../../../renderer/src/api/httpClient'
import { summary } from '../fixtures'

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

describe('createHttpApi calls', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('POSTs the input as JSON to /api/<channel> and returns the envelope value', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ ok: true, value: summary(4) }))
    vi.stubGlobal('fetch', fetchMock)
    const api = createHttpApi()
    const run = await api.runsCancel({ runId: 4 })
    expect(run.id).toBe(4)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/wb:runs.cancel')
    expect(init.method).toBe('POST')
    expect(init.headers).toEqual({ 'content-type': 'application/json' })
    expect(JSON.parse(init.body as string)).toEqual({ runId: 4 })
  })

  it('sends {} when a call has no input', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ ok: true, value: [] }))
    vi.stubGlobal('fetch', fetchMock)
    await createHttpApi().runsList(undefined as never)
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/wb:runs.list')
    expect(init.body).toBe('{}')
  })

  it('throws a WorkbenchError carrying the message of an {ok:false} envelope', async () => {
    const message = 'scenario.workload.batch: Too small: expected number to be >=1'
    vi.stubGlobal('fetch', async () => jsonResponse({ ok: false, error: { code: 'invalid_input', message } }, 400))
    const failure = await createHttpApi()
      .runsStart({ scenario: {} as never })
      .catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(WorkbenchError)
    expect((failure as WorkbenchError).message).toBe(message)
    expect((failure as WorkbenchError).code).toBe('invalid_input')
  })

  it('throws an internal WorkbenchError when the answer is not JSON', async () => {
    vi.stubGlobal('fetch', async () => new Response('Bad gateway', { status: 502 }))
    await expect(createHttpApi().presetsList({})).rejects.toMatchObject({ code: 'internal', name: 'WorkbenchError' })
  })
})

/** A stand-in for the browser WebSocket that the test drives by hand. */
class FakeSocket extends EventTarget {
  constructor(readonly url: string) {
    super()
  }
  receive(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(data) }))
  }
  close(): void {
    this.dispatchEvent(new Event('close'))
  }
}

describe('createHttpApi events', () => {
  afterEach(() => vi.useRealTimers())

  it('opens one socket lazily, dispatches by event name and reconnects after a close', () => {
    vi.useFakeTimers()
    const sockets: FakeSocket[] = []
    const createSocket = (url: string) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket as unknown as WebSocket
    }
    const api = createHttpApi({ fetch: vi.fn(), createSocket, backoffMs: () => 100 })
    expect(sockets).toHaveLength(0)

    const first = vi.fn()
    const second = vi.fn()
    const unsubscribe = api.onRunUpdated(first)
    api.onRunUpdated(second)
    expect(sockets).toHaveLength(1)
    expect(sockets[0]!.url).toBe(`ws://${location.host}/api/events`)

    sockets[0]!.receive({ event: 'wb:event.runUpdated', payload: summary(1) })
    sockets[0]!.receive({ event: 'wb:event.somethingElse', payload: summary(2) })
    expect(first).toHaveBeenCalledTimes(1)
    expect(first).toHaveBeenCalledWith(summary(1))

    unsubscribe()
    sockets[0]!.close()
    vi.advanceTimersByTime(99)
    expect(sockets).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(sockets).toHaveLength(2)

    sockets[1]!.receive({ event: 'wb:event.runUpdated', payload: summary(3) })
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(2)
    expect(second).toHaveBeenLastCalledWith(summary(3))
  })
})
