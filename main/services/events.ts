import { EventEmitter } from 'node:events'
import type { EventPayloads } from '../../contract/api'

type EventMap = { [E in keyof EventPayloads]: [EventPayloads[E]] }

/** The events services emit and both transports forward (IPC to the window, WebSocket to browsers). */
export class WorkbenchEvents extends EventEmitter<EventMap> {}
