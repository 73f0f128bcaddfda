// Runs the built main process with the `electron` stand-in, creates a store through the IPC channel
// as the renderer would, and prints one JSON line with what happened.
import { register } from 'node:module'
import { pathToFileURL } from 'node:url'

register('./hooks.mjs', import.meta.url)
const state = () => globalThis.__electronStub
await import(pathToFileURL(process.argv[2]).href)

const until = async (check) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25))
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
  refused: await call('https://elsewhere.example/', 'vault.status'),
  create: await call(window?.url, 'vault.create', { passphrase: process.env.STUB_PASSPHRASE }),
  put: await call(window?.url, 'selfDeclared.put', { label: 'Name', value: 'Ada' }),
  badInput: await call(window?.url, 'selfDeclared.put', { label: '' }),
}
// Quitting closes the node (lock the store, release the folder) before the app goes.
const { app } = await import('electron')
app.quit()
await until(() => state().quitting)
result.quit = state().quitting
console.log(JSON.stringify(result))
process.exit(0)
