type Listener = (payload: unknown) => void

export interface EventSocketOptions {
  /** Where to connect; called on every (re)connect. */
  url: () => string
  createSocket?: (url: string) => WebSocket
  /** Delay before reconnect attempt `n` (0-based). */
  backoffMs?: (attempt: number) => number
}

const defaultBackoff = (attempt: number): number => Math.min(10_000, 500 * 2 ** attempt)

/**
 * One WebSocket carrying every event as `{ "event": <wire name>, "payload": ... }`. It opens on
 * the first subscription and reconnects with backoff whenever it closes while anyone listens.
 */
export class EventSocket {
  private readonly listeners = new Map<string, Set<Listener>>()
  private socket: WebSocket | null = null
  private attempt = 0
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly options: EventSocketOptions) {}

  subscribe(event: string, listener: Listener): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener)
    this.connect()
    return () => {
      set.delete(listener)
    }
  }

  private hasListeners(): boolean {
    for (const set of this.listeners.values()) if (set.size > 0) return true
    return false
  }

  private connect(): void {
    if (this.socket || this.reconnectTimer) return
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url))
    const socket = create(this.options.url())
    this.socket = socket
    socket.addEventListener('open', () => {
      this.attempt = 0
    })
    socket.addEventListener('message', (message: MessageEvent) => this.dispatch(message.data))
    socket.addEventListener('close', () => {
      this.socket = null
      this.scheduleReconnect()
    })
  }

  private scheduleReconnect(): void {
    if (!this.hasListeners() || this.reconnectTimer) return
    const delay = (this.options.backoffMs ?? defaultBackoff)(this.attempt)
    this.attempt += 1
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      if (this.hasListeners()) this.connect()
    }, delay)
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'string') return
    let message: unknown
    try {
      message = JSON.parse(data)
    } catch {
      console.warn('[EventSocket] ignored a message that is not JSON')
      return
    }
    if (typeof message !== 'object' || message === null || !('event' in message)) return
    const { event, payload } = message as { event: unknown; payload?: unknown }
    if (typeof event !== 'string') return
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload)
      } catch (error) {
        console.error(`[EventSocket] a listener of ${event} threw`, error)
      }
    }
  }
}
