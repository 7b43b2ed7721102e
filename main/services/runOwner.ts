import { hostname } from 'node:os'

/** Who runs a run: this process, named so other processes can tell whether it still lives. */
export interface RunOwner {
  id: string
  /** Whether a run owned by `owner` can never finish: its process is gone. */
  isAbandoned(owner: string | null): boolean
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0) // signal 0 only checks that the process exists
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * `host:pid` of this process. A run whose owner is on this host and not alive (or is this very
 * pid, reused after a crash: this process has only just started) is abandoned. A run owned on
 * another host (a database on a shared disk) is left alone: its liveness cannot be checked here.
 */
export function processOwner(host: string = hostname(), pid: number = process.pid): RunOwner {
  return {
    id: `${host}:${pid}`,
    isAbandoned(owner) {
      if (!owner) return true
      const separator = owner.lastIndexOf(':')
      if (owner.slice(0, separator) !== host) return false
      const ownerPid = Number(owner.slice(separator + 1))
      return ownerPid === pid || !processIsAlive(ownerPid)
    },
  }
}
