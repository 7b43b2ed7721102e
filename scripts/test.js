// `npm test`: every check the project has, then one closing line `N passed, N failed`.
// Static checks (lint, format, the three typechecks, the layering rule, the build) count as one
// test each; vitest's tests count one by one. Exit code 1 when anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name) => `${root}node_modules/.bin/${name}`
const resultsDir = `${root}.test-results`
const chromium = process.env.MEMWALL_CHROMIUM ?? '/usr/bin/chromium'
const tally = { passed: 0, failed: 0, skipped: 0 }

function run(command, args, { quiet }) {
  const started = Date.now()
  const child = spawnSync(command, args, {
    cwd: root,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    env: process.env,
  })
  return {
    ok: child.status === 0,
    output: `${child.stdout ?? ''}${child.stderr ?? ''}`,
    seconds: (Date.now() - started) / 1000,
  }
}

function check(name, command, args) {
  const result = run(command, args, { quiet: true })
  console.log(`${result.ok ? '✓' : '✗'} ${name} (${result.seconds.toFixed(1)} s)`)
  if (!result.ok) console.log(result.output.trimEnd())
  tally[result.ok ? 'passed' : 'failed'] += 1
}

function vitestSuite(name, config) {
  const report = `${resultsDir}/${name}.json`
  rmSync(report, { force: true })
  console.log(`\n— ${name} tests`)
  const result = run(
    bin('vitest'),
    ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { quiet: false },
  )
  if (!existsSync(report)) {
    console.log(`✗ ${name}: vitest wrote no report`)
    tally.failed += 1
    return
  }
  const json = JSON.parse(readFileSync(report, 'utf8'))
  tally.passed += json.numPassedTests
  tally.failed += json.numFailedTests
  tally.skipped += json.numPendingTests + json.numTodoTests
  // vitest also fails on errors outside any test (an unhandled rejection, a file that did not load).
  if (!result.ok && json.numFailedTests === 0) {
    console.log(`✗ ${name}: vitest failed outside the tests (see above)`)
    tally.failed += 1
  }
}

mkdirSync(resultsDir, { recursive: true })
console.log('— static checks')
check('lint (eslint)', bin('eslint'), ['.'])
check('format (prettier)', bin('prettier'), ['--check', '.'])
check('typecheck: simulation core (no Node, no DOM)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.sim.json'])
check('typecheck: Node side', bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json'])
check('typecheck: renderer', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.web.json'])
check('layers (dependency-cruiser)', bin('depcruise'), [
  'main',
  'contract',
  'preload',
  'renderer/src',
  '--config',
  '.dependency-cruiser.cjs',
])
check('build (electron-vite)', bin('electron-vite'), ['build'])

vitestSuite('unit-integration', 'vitest.config.ts')

if (existsSync(chromium)) {
  vitestSuite('e2e', 'vitest.e2e.config.ts')
} else {
  tally.skipped += 1
  console.log(`\nSKIPPED the end-to-end tests: no Chromium at ${chromium}.`)
  console.log(
    'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set MEMWALL_CHROMIUM to a Chromium binary.',
  )
}

console.log('')
console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`)
process.exitCode = tally.failed > 0 ? 1 : 0
