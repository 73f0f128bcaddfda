#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary is installed. Where it is not (a machine
// that cannot reach Electron's download host), say why and run the node headless instead.
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

const electron = electronBinary()
if (electron.path) {
  const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const child = spawn(electron.path, ['.'], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  const dataDir = process.env.CUSTOS_DATA_DIR ?? path.join(os.homedir(), '.custos', 'node')
  console.error(`Custos: the desktop window cannot open, because Electron's binary is not installed.
  (${electron.reason})
  Electron's install script downloads the binary from GitHub, which this machine cannot reach.
  On a machine with internet, \`npm install\` fetches it and \`npm start\` opens the app.

Starting the node headless instead: npm run serve -- --data-dir ${dataDir}
`)
  const child = spawn(npm, ['run', 'serve', '--', '--data-dir', dataDir, ...process.argv.slice(2)], {
    stdio: 'inherit',
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}
