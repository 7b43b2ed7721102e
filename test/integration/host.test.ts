import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { createDispatch } from '../../main/dispatch'
import { startHost, type RunningHost } from '../../main/host/server'
import { CHANNELS, EVENTS } from '../../contract/channels'
import { rawRequest, type RawAnswer } from './helpers/rawHttp'
import { tempContainer } from './helpers/tempContainer'

const container = tempContainer()
let host: RunningHost

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'memwall-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Memwall Workbench</title>')
  host = await startHost({ container, dispatch: createDispatch(container, () => {}), rendererDir, port: 0 })
})
afterAll(async () => {
  await host.close()
  await container.dispose()
})

function call(path: string, options: Parameters<typeof rawRequest>[2] = {}): Promise<RawAnswer> {
  return rawRequest(host.port, path, options)
}

const json = { 'content-type': 'application/json' }
const scenario = {
  name: 'over http',
  systems: ['sn40l-node'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 32, outputTokens: 8 },
}

describe('the browser host', () => {
  it('binds to loopback and serves the renderer', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`)
    const page = await call('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('Memwall Workbench')
  })

  it('answers POST /api/<channel> with the dispatch envelope', async () => {
    const answer = await call(`/api/${CHANNELS.presetsList}`, { method: 'POST', headers: json, body: '{}' })
    expect(answer.status).toBe(200)
    const body = JSON.parse(answer.body)
    expect(body.ok).toBe(true)
    expect(body.value.systems.map((s: { id: string }) => s.id)).toContain('sn40l-node')
  })

  it.each([
    ['invalid input', CHANNELS.runsGet, '{"runId":0}', 400, 'invalid_input'],
    ['a missing run', CHANNELS.runsGet, '{"runId":123456}', 404, 'not_found'],
    ['an unknown channel', 'wb:nope', '{}', 404, 'unknown_channel'],
  ])('maps %s to HTTP %s', async (_label, channel, body, status, code) => {
    const answer = await call(`/api/${channel}`, { method: 'POST', headers: json, body })
    expect(answer.status).toBe(status)
    expect(JSON.parse(answer.body).error.code).toBe(code)
  })

  it.each([
    ['a foreign Host (DNS rebinding)', { host: `evil.example:4318` }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
  ])('refuses %s', async (_label, headers) => {
    const answer = await call(`/api/${CHANNELS.runsList}`, {
      method: 'POST',
      headers: { ...json, ...headers },
      body: '{}',
    })
    expect(answer.status).toBe(403)
    const page = await call('/', { headers })
    expect(page.status).toBe(403)
  })

  it('answers its own errors as envelopes too: broken JSON, a missing route', async () => {
    const broken = await call(`/api/${CHANNELS.runsList}`, { method: 'POST', headers: json, body: '{"limit": ' })
    expect(broken.status).toBe(400)
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const missing = await call('/no/such/page')
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('sends its Content-Security-Policy, forbidding framing', async () => {
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
        res.resume()
        resolve(res.headers)
      })
        .on('error', reject)
        .end()
    })
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['content-security-policy']).toContain("script-src 'self'")
  })

  it('refuses a body that is not JSON', async () => {
    const answer = await call(`/api/${CHANNELS.runsList}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    })
    expect(answer.status).toBe(415)
  })

  it('streams run updates over the WebSocket until the run finishes', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`)
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    const finished = new Promise<{ event: string; payload: { status: string; id: number } }>((resolve) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data))
        if (message.payload.status === 'finished') resolve(message)
      })
    })
    const started = JSON.parse(
      (await call(`/api/${CHANNELS.runsStart}`, { method: 'POST', headers: json, body: JSON.stringify({ scenario }) }))
        .body,
    )
    const message = await finished
    expect(message.event).toBe(EVENTS.onRunUpdated)
    expect(message.payload.id).toBe(started.value.id)
    socket.close()
  })

  it('refuses a WebSocket from a foreign origin', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, {
      headers: { origin: 'https://evil.example' },
    })
    const outcome = await new Promise<string>((resolve) => {
      socket.once('open', () => resolve('open'))
      socket.once('unexpected-response', (req, res) => {
        req.destroy()
        resolve(`HTTP ${res.statusCode}`)
      })
      socket.once('error', () => resolve('error'))
    })
    expect(outcome).toBe('HTTP 403')
  })
})
