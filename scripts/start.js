// `npm start`: open the Electron window where Electron can start; otherwise serve the same UI
// on http://127.0.0.1 and say why. Runs after `electron-vite build`.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const extraArgs = process.argv.slice(2)

/** Why the Electron window cannot open here, or null when it can. Reads files; downloads nothing. */
function whyNoElectron() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display (neither DISPLAY nor WAYLAND_DISPLAY is set)'
  }
  const pathFile = `${root}node_modules/electron/path.txt`
  if (!existsSync(pathFile)) {
    return 'the Electron binary is not installed (node_modules/electron/path.txt is missing: it could not be downloaded)'
  }
  const binary = `${root}node_modules/electron/dist/${readFileSync(pathFile, 'utf8').trim()}`
  return existsSync(binary) ? null : `the Electron binary is missing (${binary})`
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' })
  // Ctrl-C already reaches the child (same process group); pass on only what is sent to us alone.
  process.on('SIGINT', () => {})
  process.on('SIGTERM', () => child.kill('SIGTERM'))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const reason = whyNoElectron()
if (reason === null) {
  const binary = `${root}node_modules/electron/dist/${readFileSync(`${root}node_modules/electron/path.txt`, 'utf8').trim()}`
  run(binary, ['.', ...extraArgs])
} else {
  const port = process.env.PORT ?? '4318'
  run(process.execPath, [
    `${root}bin/memwall.js`,
    'serve',
    '--port',
    port,
    '--reason',
    `no Electron window: ${reason}; serving the same UI in the browser instead`,
    ...extraArgs,
  ])
}
