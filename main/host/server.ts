import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import fastifyWebsocket from '@fastify/websocket'
import type { AddressInfo } from 'node:net'
import type { WebSocket } from 'ws'
import { EVENT_METHODS, EVENTS, type Envelope, type ErrorCode } from '../../contract/channels'
import type { Container } from '../container'
import type { Dispatch } from '../dispatch'
import { HOST_CONTENT_SECURITY_POLICY } from '../security/contentSecurityPolicy'
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
  forbidden: 403,
  not_found: 404,
  unknown_channel: 404,
  conflict: 409,
  internal: 500,
}

function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } }
}

/** One listener per event for all sockets, however many tabs are open. */
function registerEvents(app: FastifyInstance, container: Container): () => void {
  const sockets = new Set<WebSocket>()
  const unsubscribers = EVENT_METHODS.map((method) => {
    const listener = (payload: unknown): void => {
      const message = JSON.stringify({ event: EVENTS[method], payload })
      for (const socket of sockets) socket.send(message)
    }
    container.events.on(method, listener)
    return () => container.events.off(method, listener)
  })
  app.get('/api/events', { websocket: true }, (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe())
}

/** Every answer under /api is an Envelope, including fastify's own errors (bad JSON, too large). */
function registerErrorAnswers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500
    const code: ErrorCode = status === 500 ? 'internal' : 'invalid_input'
    return reply.code(status).send(failure(code, error.message))
  })
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(failure('not_found', `nothing at ${request.method} ${request.url}`)),
  )
}

/**
 * Serves the built renderer and the same dispatch the Electron window uses: `POST /api/<channel>`
 * with a JSON body answers an Envelope; `/api/events` is one WebSocket of events. Loopback only.
 */
export async function startHost({ container, dispatch, rendererDir, port }: HostOptions): Promise<RunningHost> {
  // forceCloseConnections: a client that keeps a socket open must not hold up shutdown. The body
  // limit admits an imported bundle of many runs with their series (loopback only, so no abuse).
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 * 1024, forceCloseConnections: true })
  // The websocket plugin's own hooks must run first, so a refused upgrade socket is closed too.
  await app.register(fastifyWebsocket)
  app.addHook('onRequest', async (request, reply) => {
    const ownPort = (app.server.address() as AddressInfo).port
    if (!isOwnRequest({ host: request.headers.host, origin: request.headers.origin }, ownPort)) {
      await reply.code(403).send(failure('forbidden', 'this host serves only its own pages'))
    }
  })
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', HOST_CONTENT_SECURITY_POLICY)
    reply.header('x-content-type-options', 'nosniff')
  })
  registerErrorAnswers(app)
  await app.register(fastifyStatic, { root: rendererDir })
  const stopEvents = registerEvents(app, container)
  app.post<{ Params: { channel: string } }>('/api/:channel', async (request, reply) => {
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return reply.code(415).send(failure('invalid_input', 'send JSON (content-type: application/json)'))
    }
    const envelope: Envelope<unknown> = await dispatch(request.params.channel, request.body)
    return reply.code(envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code]).send(envelope)
  })
  await app.listen({ host: '127.0.0.1', port })
  const actualPort = (app.server.address() as AddressInfo).port
  const close = async (): Promise<void> => {
    stopEvents()
    await app.close()
  }
  return { url: `http://127.0.0.1:${actualPort}/`, port: actualPort, close }
}
