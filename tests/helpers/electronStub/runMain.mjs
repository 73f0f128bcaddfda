// Runs the built main process with the `electron` stand-in, creates a store through the IPC channel
// as the renderer would, and prints one JSON line with what happened.
import { register } from 'node:module'
import { pathToFileURL } from 'node:url'

register('./hooks.mjs', import.meta.url)
const state = () => globalThis.__electronStub
// The app opened by a custos:// link (its launch argument), as a browser would open it.
if (process.env.STUB_LINK) process.argv.push(process.env.STUB_LINK)
await import(pathToFileURL(process.argv[2]).href)

const until = async (check) => {
  // Up to 20 s: on a loaded 2-core machine the node host alone can take several seconds to start.
  for (let i = 0; i < 800 && !check(); i++) await new Promise((r) => setTimeout(r, 25))
}
if (!state().singleInstance) {
  // A second launch: it must hand over and quit without opening the data directory.
  console.log(
    JSON.stringify({ windows: state().windows.length, handlers: state().handlers.size, quitting: state().quitting }),
  )
  process.exit(0)
}
await until(() => state()?.handlers.size > 0 || state()?.error)
const [channel, handler] = [...state().handlers][0] ?? []
const window = state().windows[0]
const event = (url) => ({ senderFrame: { url, parent: null } })
const call = (url, method, input) => handler(event(url), method, input)
const result = {
  error: state().error,
  channel,
  webPreferences: window?.options.webPreferences,
  windowUrl: window?.url,
  schemes: state().schemes,
  served: await describe(state().protocols.get('app'), [
    'app://custos/index.html',
    'app://custos/../../package.json',
    'app://custos/%2e%2e/%2e%2e/package.json',
    'app://custos/..%2f..%2fpackage.json',
    'app://custos/..%5c..%5cpackage.json',
    'app://elsewhere/index.html',
  ]),
  permissionRequest: await new Promise((resolve) => state().permissionRequest?.(null, 'media', resolve)),
  permissionCheck: state().permissionCheck?.(null, 'notifications'),
  // What main left in the environment for the node (a packaged app must have removed the overrides).
  env: {
    askarLib: process.env.CUSTOS_ASKAR_LIB ?? null,
    rendererUrl: process.env.ELECTRON_RENDERER_URL ?? null,
  },
  refused: await call('https://elsewhere.example/', 'vault.status'),
  refusedDevServer: await call('http://127.0.0.1:5173/', 'vault.status'),
  create: await call(window?.url, 'vault.create', { passphrase: process.env.STUB_PASSPHRASE }),
  put: await call(window?.url, 'selfDeclared.put', { label: 'Name', value: 'Ada' }),
  badInput: await call(window?.url, 'selfDeclared.put', { label: '' }),
  nodeHosts: state().utilityProcesses.length,
  protocolClients: state().protocolClients,
  tray: {
    tooltip: state().trays[0]?.tooltip,
    image: state().trays[0]?.image?.file,
    menu: state().trays[0]?.menu?.items,
  },
  linkSent: (() => {
    window?.webContents.emit('did-finish-load')
    return state()
      .sent.filter((s) => s.args[0] === 'invitation')
      .map((s) => s.args[1])
  })(),
  mainPid: process.pid,
  nodeHostPid: state().utilityProcesses[0]?.pid,
}
// The node host dies (SIGKILL): main says so in the window and starts it again, its store locked.
state().utilityProcesses[0]?.kill()
const calledDuringRestart = call(window?.url, 'vault.status')
await until(() => state().utilityProcesses.length > 1 && state().sent.some((s) => s.args[0] === 'node'))
result.afterCrash = {
  told: state()
    .sent.filter((s) => s.args[0] === 'node')
    .map((s) => s.args[1]),
  duringRestart: await calledDuringRestart,
}
for (let i = 0; i < 200; i++) {
  result.afterCrash.status = await call(window?.url, 'vault.status')
  if (result.afterCrash.status.ok) break
  await new Promise((r) => setTimeout(r, 50))
}
result.afterCrash.unlock = await call(window?.url, 'vault.unlock', { passphrase: process.env.STUB_PASSPHRASE })
result.afterCrash.list = await call(window?.url, 'selfDeclared.list')
async function describe(handler, urls) {
  const answers = {}
  for (const url of urls) {
    const response = await handler(new Request(url))
    const body = await response.text()
    answers[url] = {
      status: response.status,
      csp: response.headers.get('content-security-policy'),
      html: body.includes('<div id="root">'),
    }
  }
  return answers
}
// Quitting closes the node (lock the store, release the folder) before the app goes.
const { app } = await import('electron')
app.quit()
await until(() => state().quitting)
result.quit = state().quitting
console.log(JSON.stringify(result))
process.exit(0)
