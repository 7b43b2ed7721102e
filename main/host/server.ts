import Fastify, { type FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import fastifyWebsocket from '@fastify/websocket'
import type { AddressInfo } from 'node:net'
import { EVENT_METHODS, EVENTS, type Envelope, type ErrorCode } from '../../preload/channels'
import type { Container } from '../container'
import type { Dispatch } from '../dispatch'
import { isOwnRequest } from './originGuard'

export interface HostOptions {
  container: Container
  dispatch: Dispatch
  rendererDir: string
  /** 0 picks a free port. */
  port: number
}

export interface RunningHost {
  url: string
  port: number
  close(): Promise<void>
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  unknown_channel: 404,
  conflict: 409,
  forbidden: 403,
  internal: 500,
}

function registerEvents(app: FastifyInstance, container: Container): void {
  app.get('/api/events', { websocket: true }, (socket) => {
    const unsubscribers = EVENT_METHODS.map((method) => {
      const listener = (payload: unknown): void => socket.send(JSON.stringify({ event: EVENTS[method], payload }))
      container.events.on(method, listener)
      return () => container.events.off(method, listener)
    })
    socket.on('close', () => unsubscribers.forEach((unsubscribe) => unsubscribe()))
  })
}

/**
 * Serves the built renderer and the same dispatch the Electron window uses: `POST /api/<channel>`
 * with a JSON body answers an Envelope; `/api/events` is one WebSocket of events. Loopback only.
 */
export async function startHost({ container, dispatch, rendererDir, port }: HostOptions): Promise<RunningHost> {
  // forceCloseConnections: a client that keeps a socket open must not hold up shutdown.
  const app = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024, forceCloseConnections: true })
  // The websocket plugin's own hooks must run first, so a refused upgrade socket is closed too.
  await app.register(fastifyWebsocket)
  app.addHook('onRequest', async (request, reply) => {
    const ownPort = (app.server.address() as AddressInfo).port
    if (!isOwnRequest({ host: request.headers.host, origin: request.headers.origin }, ownPort)) {
      await reply
        .code(403)
        .send({ ok: false, error: { code: 'forbidden', message: 'this host serves only its own pages' } })
    }
  })
  await app.register(fastifyStatic, { root: rendererDir })
  registerEvents(app, container)
  app.post<{ Params: { channel: string } }>('/api/:channel', async (request, reply) => {
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return reply
        .code(415)
        .send({ ok: false, error: { code: 'invalid_input', message: 'send JSON (content-type: application/json)' } })
    }
    const envelope: Envelope<unknown> = await dispatch(request.params.channel, request.body)
    return reply.code(envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code]).send(envelope)
  })
  await app.listen({ host: '127.0.0.1', port })
  const actualPort = (app.server.address() as AddressInfo).port
  return { url: `http://127.0.0.1:${actualPort}/`, port: actualPort, close: () => app.close() }
}
