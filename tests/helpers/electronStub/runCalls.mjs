// Runs the built main process with the `electron` stand-in and makes the calls of STUB_CALLS (a JSON list
// of [method, input]) through the IPC channel as the renderer would; prints one JSON line with the
// replies, what main sent the window, and the state of the keychain stand-in. Then quits the app.
import { register } from 'node:module'
import { pathToFileURL } from 'node:url'

register('./hooks.mjs', import.meta.url)
const state = () => globalThis.__electronStub
await import(pathToFileURL(process.argv[2]).href)

const until = async (check) => {
  for (let i = 0; i < 800 && !check(); i++) await new Promise((r) => setTimeout(r, 25))
}
await until(() => state()?.handlers.size > 0 || state()?.error)
const [, handler] = [...state().handlers][0] ?? []
const url = state().windows[0]?.url
const replies = []
for (const [method, input] of JSON.parse(process.env.STUB_CALLS ?? '[]')) {
  replies.push(await handler({ senderFrame: { url, parent: null } }, method, input))
}
const result = { error: state().error, replies, sent: state().sent }
const { app } = await import('electron')
app.quit()
await until(() => state().quitting)
result.quit = state().quitting
console.log(JSON.stringify(result))
process.exit(0)
