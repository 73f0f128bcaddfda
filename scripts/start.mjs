#!/usr/bin/env node
// `npm start`: the desktop app. Where Electron's binary is missing it is fetched first, as Electron's own
// installer does; where that fails (a machine that cannot reach its download host), one line says so
// and the same app opens in the browser instead: the node headless with its web UI (`serve --ui`).
import { spawn, spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function electronBinary() {
  try {
    return { path: require('electron') }
  } catch (error) {
    return { reason: String(error.message ?? error).split('\n')[0] }
  }
}

// Electron's install script fetches the binary; npm install does not run it (allowScripts), so that an
// install never fails without internet. It runs here, once, where the window is wanted.
function fetchElectron() {
  console.error('Custos: fetching Electron’s binary (once)…')
  const script = require.resolve('electron/install.js')
  const run = spawnSync(process.execPath, [script], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 })
  const lines = run.stderr?.toString().split('\n') ?? []
  const said = (lines.find((line) => /error/i.test(line)) ?? lines.find(Boolean))?.trim()
  return run.status === 0 ? undefined : (said ?? run.error?.message ?? `exit ${run.status}`)
}

let electron = electronBinary()
if (!electron.path) {
  const failure = fetchElectron()
  electron = failure ? { reason: failure } : electronBinary()
}
if (electron.path) {
  const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const child = spawn(electron.path, ['.'], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  const dataDir = process.env.CUSTOS_DATA_DIR ?? path.join(os.homedir(), '.custos', 'node')
  console.error(
    `Custos: no desktop window (Electron's binary could not be fetched: ${electron.reason.slice(0, 200)}); opening the app in your browser instead (or open the ui: address below yourself).`,
  )
  const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const child = spawn(npm, ['run', 'serve', '--', '--ui', '--data-dir', dataDir, ...process.argv.slice(2)], {
    stdio: ['inherit', 'pipe', 'inherit'],
  })
  openUiWhenPrinted(child.stdout)
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}

// A machine with a desktop gets the page opened in its default browser; one without (a server over
// SSH, a container) only gets the address printed, as before.
function hasDesktop() {
  if (process.env.CI) return false
  if (process.platform === 'linux') return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  return process.platform === 'darwin' || process.platform === 'win32'
}

function openUiWhenPrinted(stdout) {
  let pending = ''
  let opened = false
  stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    if (opened) return
    pending += chunk.toString()
    const line = pending.split('\n').find((text) => text.startsWith('ui: '))
    if (!line) return
    opened = true
    if (!hasDesktop()) return
    import('open')
      .then(({ default: open }) => open(line.slice(4).trim()))
      .catch((error) => console.error(`Custos: could not open your browser (${error.message}); use the ui: address.`))
  })
}
