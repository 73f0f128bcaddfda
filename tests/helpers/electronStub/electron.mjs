// A stand-in for the `electron` module: Electron's binary cannot be installed on these machines,
// so the bundled main process (out/main/index.js) is run under plain Node with this in its place.
// It records what main asks of Electron, and lets the harness drive the app and the IPC channel.
import { fork } from 'node:child_process'
import crypto from 'node:crypto'
import { EventEmitter } from 'node:events'

// An installed app has process.resourcesPath, where electron-builder put resources/; the checkout plays it.
if (process.env.STUB_PACKAGED === '1') process.resourcesPath = process.cwd()

const state = (globalThis.__electronStub = {
  handlers: new Map(),
  listeners: new Map(),
  windows: [],
  quitting: false,
  schemes: [],
  protocols: new Map(),
  singleInstance: process.env.STUB_SECOND_INSTANCE !== '1',
  utilityProcesses: [],
  sent: [],
  trays: [],
  notifications: [],
  protocolClients: [],
})

class AppStub extends EventEmitter {
  // STUB_PACKAGED=1 plays an installed app, which must ignore the development overrides in its environment.
  isPackaged = process.env.STUB_PACKAGED === '1'
  requestSingleInstanceLock() {
    return state.singleInstance
  }
  whenReady() {
    return Promise.resolve()
  }
  // STUB_LANGUAGES (comma-separated tags) plays the system's languages; English when unset.
  getPreferredSystemLanguages() {
    return (process.env.STUB_LANGUAGES ?? 'en-US').split(',')
  }
  getPath(name) {
    if (name !== 'userData') throw new Error(`stub: getPath(${name})`)
    return process.env.STUB_USER_DATA
  }
  quit() {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true
      },
    }
    this.emit('before-quit', event)
    if (!event.defaultPrevented) state.quitting = true
  }
  exit(code) {
    state.exitCode = code
  }
  setAsDefaultProtocolClient(scheme) {
    state.protocolClients.push(scheme)
    return true
  }
}
export const app = new AppStub()

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super()
    this.options = options
    const contents = new EventEmitter()
    contents.send = (channel, ...args) => state.sent.push({ channel, args })
    contents.setWindowOpenHandler = (handler) => (this.windowOpenHandler = handler)
    contents.session = {
      setPermissionRequestHandler: (handler) => (state.permissionRequest = handler),
      setPermissionCheckHandler: (handler) => (state.permissionCheck = handler),
    }
    this.webContents = contents
    state.windows.push(this)
  }
  loadURL(url) {
    this.url = url
    return Promise.resolve()
  }
  show() {}
  isMinimized() {
    return false
  }
  restore() {}
  focus() {}
}

export class Tray extends EventEmitter {
  constructor(image) {
    super()
    this.image = image
    this.tooltip = ''
    this.title = ''
    state.trays.push(this)
  }
  setToolTip(text) {
    this.tooltip = text
  }
  setTitle(text) {
    this.title = text
  }
  setContextMenu(menu) {
    this.menu = menu
  }
  destroy() {
    this.destroyed = true
  }
}
export class Notification extends EventEmitter {
  static isSupported() {
    return true
  }
  constructor(options) {
    super()
    this.options = options
  }
  show() {
    state.notifications.push(this.options)
  }
}
export const Menu = { buildFromTemplate: (template) => ({ items: template.map(({ label }) => label) }) }
export const nativeImage = { createFromPath: (file) => ({ file }) }

export const ipcMain = {
  handle: (channel, handler) => state.handlers.set(channel, handler),
  removeHandler: (channel) => state.handlers.delete(channel),
  on: (channel, listener) => state.listeners.set(channel, listener),
  removeListener: (channel) => state.listeners.delete(channel),
}
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => state.schemes.push(...schemes),
  handle: (scheme, handler) => state.protocols.set(scheme, handler),
}
// Electron's utilityProcess, played by child_process.fork: the node host is plain Node either way; only
// its line to main differs (parentPort there, the fork's IPC channel here).
class UtilityProcessStub extends EventEmitter {
  constructor(modulePath, args) {
    super()
    this.child = fork(modulePath, args, { stdio: 'inherit' })
    this.pid = this.child.pid
    this.child.on('message', (message) => this.emit('message', message))
    this.child.on('exit', (code) => this.emit('exit', code ?? 1))
  }
  postMessage(message) {
    if (this.child.connected) this.child.send(message)
  }
  kill() {
    return this.child.kill('SIGKILL')
  }
}
export const utilityProcess = {
  fork: (modulePath, args) => {
    const child = new UtilityProcessStub(modulePath, args)
    state.utilityProcesses.push(child)
    return child
  },
}
// safeStorage stands in for the OS keychain (macOS Keychain, Windows DPAPI, libsecret/KWallet on Linux):
// what it encrypts only the same "OS account" decrypts. The account's keychain secret is STUB_KEYCHAIN_SECRET
// (change it to play a keychain that was cleared or replaced); STUB_KEYCHAIN=unavailable plays a machine
// without one, STUB_KEYCHAIN=basic_text a Linux without a keyring (Electron's fixed-key fallback).
const keychainKey = () =>
  crypto
    .createHash('sha256')
    .update(process.env.STUB_KEYCHAIN_SECRET ?? 'the stub OS keychain')
    .digest()
export const safeStorage = {
  isEncryptionAvailable: () => process.env.STUB_KEYCHAIN !== 'unavailable',
  getSelectedStorageBackend: () => (process.env.STUB_KEYCHAIN === 'basic_text' ? 'basic_text' : 'gnome_libsecret'),
  encryptString(text) {
    const iv = crypto.randomBytes(12)
    const cipher = crypto.createCipheriv('aes-256-gcm', keychainKey(), iv)
    const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
    return Buffer.concat([iv, cipher.getAuthTag(), data])
  },
  decryptString(buffer) {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keychainKey(), buffer.subarray(0, 12))
    decipher.setAuthTag(buffer.subarray(12, 28))
    // Throws as Electron does when the keychain cannot decrypt what it was given.
    return Buffer.concat([decipher.update(buffer.subarray(28)), decipher.final()]).toString('utf8')
  },
}

export const dialog = { showErrorBox: (title, message) => (state.error = `${title}: ${message}`) }
export const shell = { openExternal: async () => undefined }
export const contextBridge = { exposeInMainWorld: () => undefined }
export const ipcRenderer = { invoke: async () => undefined }
export default {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  dialog,
  shell,
  contextBridge,
  ipcRenderer,
  utilityProcess,
  Tray,
  Notification,
  Menu,
  nativeImage,
  safeStorage,
}
