import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface ServedWorkbench {
  url: string
  output: () => string
  stop: () => Promise<void>
}

const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Starts the real `memwall serve` (the built bin, as a user runs it) on a free port and waits
 * for the line that gives its URL. The node process itself is spawned, not npx, so stopping it
 * leaves no orphan.
 */
export function serveWorkbench(dbPath: string): Promise<ServedWorkbench> {
  const child: ChildProcess = spawn(process.execPath, ['bin/memwall.js', 'serve', '--port', '0', '--db', dbPath], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`memwall serve did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (!match) return
      clearTimeout(timer)
      resolve({ url: match[1]!, output: () => output, stop })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`memwall serve exited with ${code}:\n${output}`))
    })
  })
}
