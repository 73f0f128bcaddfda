#!/usr/bin/env node
// Puts the Askar shared library where the node looks for it (resources/native/<platform>-<arch>/).
// Sources, in order: a cache outside the clone, the wrapper's own release download (works on a
// person's machine with internet), the aries-askar wheel from PyPI, a cargo build of the
// aries-askar crate. Every candidate is checked with the library's own askar_version() call.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// The ABI the JS wrapper (@openwallet-foundation/askar-shared 0.4.3) was built against.
const { binary } = require('@openwallet-foundation/askar-nodejs/package.json')
const VERSION = binary.version.replace(/^v/, '')
const platformKey = `${process.platform}-${process.arch}`
const libFile = { linux: 'libaries_askar.so', darwin: 'libaries_askar.dylib', win32: 'aries_askar.dll' }[
  process.platform
]
const targetDir = path.join(root, 'resources', 'native', platformKey)
const cacheRoot =
  process.env.CUSTOS_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'custos')
const cacheDir = path.join(cacheRoot, 'askar', VERSION, platformKey)
const quiet = { stdio: ['ignore', 'pipe', 'pipe'] }

function libraryVersion(file) {
  // A child process, so a library that crashes on load cannot take the installer with it.
  const probe = `const k=require('koffi');const l=k.load(${JSON.stringify(file)});process.stdout.write(l.func('const char* askar_version()')())`
  try {
    return execFileSync(process.execPath, ['-e', probe], { ...quiet, cwd: root, encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
}

// `source` is where the library first came from; it is kept beside the cached and the placed copy.
function accept(file, source, fromCache = false) {
  const found = libraryVersion(file)
  if (found !== VERSION) {
    if (found) console.warn(`custos: ${source} gave Askar ${found}, need ${VERSION}; skipping`)
    return false
  }
  for (const dir of [cacheDir, targetDir]) {
    fs.mkdirSync(dir, { recursive: true })
    if (path.resolve(file) !== path.resolve(dir, libFile)) fs.copyFileSync(file, path.join(dir, libFile))
  }
  fs.writeFileSync(path.join(cacheDir, 'source.txt'), source)
  fs.writeFileSync(path.join(targetDir, 'source.txt'), source)
  const via = fromCache ? `${source}, via the cache in ${cacheDir}` : source
  console.log(`custos: Askar ${VERSION} (${platformKey}) from ${via} -> ${path.relative(root, targetDir)}/${libFile}`)
  return true
}

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'custos-askar-'))

async function fromRelease() {
  const arch = process.platform === 'darwin' ? 'universal' : { x64: 'x86_64', arm64: 'aarch64' }[process.arch]
  const plat = process.platform === 'win32' ? 'windows' : process.platform
  const url = `${binary.host}/${binary.version}/${binary.packageName.replace('{platform}', plat).replace('{arch}', arch)}`
  const res = await fetch(url, { signal: AbortSignal.timeout(20_000) })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  const dir = scratch()
  fs.writeFileSync(path.join(dir, 'lib.tar.gz'), Buffer.from(await res.arrayBuffer()))
  execFileSync('tar', ['-xzf', 'lib.tar.gz', '--strip-components=1'], { ...quiet, cwd: dir })
  return [path.join(dir, libFile), 'the wrapper release download']
}

function fromPyPI() {
  const dir = scratch()
  const python = process.platform === 'win32' ? 'python' : 'python3'
  execFileSync(
    python,
    ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '-d', dir, `aries-askar==${VERSION}`],
    quiet,
  )
  const wheel = fs.readdirSync(dir).find((f) => f.endsWith('.whl'))
  if (!wheel) throw new Error('no wheel for this platform')
  const unzip = `import zipfile,sys;zipfile.ZipFile(sys.argv[1]).extract('aries_askar/${libFile}',sys.argv[2])`
  execFileSync(python, ['-c', unzip, path.join(dir, wheel), dir], quiet)
  return [path.join(dir, 'aries_askar', libFile), `PyPI wheel ${wheel}`]
}

function fromCrate() {
  // Fetch the crate's source through a throwaway project, then build the crate itself so its cdylib is produced.
  const dir = scratch()
  fs.mkdirSync(path.join(dir, 'src'))
  fs.writeFileSync(path.join(dir, 'src', 'lib.rs'), '')
  fs.writeFileSync(
    path.join(dir, 'Cargo.toml'),
    `[package]\nname="fetch-askar"\nversion="0.0.0"\nedition="2021"\n[dependencies]\naries-askar={version="=${VERSION}"}\n`,
  )
  execFileSync('cargo', ['fetch', '--manifest-path', path.join(dir, 'Cargo.toml')], quiet)
  const meta = JSON.parse(
    execFileSync('cargo', ['metadata', '--format-version=1', '--manifest-path', path.join(dir, 'Cargo.toml')], {
      ...quiet,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  )
  const pkg = meta.packages.find((p) => p.name === 'aries-askar' && p.version === VERSION)
  const src = path.join(dir, 'askar-src')
  fs.cpSync(path.dirname(pkg.manifest_path), src, { recursive: true })
  console.log(`custos: building the aries-askar ${VERSION} crate with cargo (several minutes)...`)
  execFileSync('cargo', ['build', '--release', '--lib', '--manifest-path', path.join(src, 'Cargo.toml')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  return [path.join(src, 'target', 'release', libFile), `a cargo build of the aries-askar ${VERSION} crate`]
}

async function main() {
  // CUSTOS_ASKAR_SOURCE=release|pypi|crate tries only that source, skipping what is in place and cached.
  const only = process.env.CUSTOS_ASKAR_SOURCE
  const installed = path.join(targetDir, libFile)
  if (!only && fs.existsSync(installed) && libraryVersion(installed) === VERSION && !process.argv.includes('--force')) {
    const source = fs.readFileSync(path.join(targetDir, 'source.txt'), 'utf8')
    console.log(`custos: Askar ${VERSION} already in place (from ${source})`)
    return
  }
  const cached = path.join(cacheDir, libFile)
  if (
    !only &&
    fs.existsSync(cached) &&
    accept(cached, fs.readFileSync(path.join(cacheDir, 'source.txt'), 'utf8'), true)
  )
    return
  const failures = []
  const sources = [
    ['release', 'release download', fromRelease],
    ['pypi', 'PyPI wheel', fromPyPI],
    ['crate', 'crates.io build', fromCrate],
  ].filter(([key]) => !only || key === only)
  for (const [, name, attempt] of sources) {
    try {
      const [file, source] = await attempt()
      if (accept(file, source)) return
      failures.push(`${name}: library did not report version ${VERSION}`)
    } catch (error) {
      failures.push(`${name}: ${String(error.message ?? error).split('\n')[0]}`)
    }
  }
  console.error(`custos: could not put the Askar ${VERSION} library in place.\n  ${failures.join('\n  ')}
Do one of these, then run \`npm run setup:askar\`:
  - connect to the internet (the release download needs github.com), or
  - install Python 3 with pip (for the aries-askar wheel from PyPI), or
  - install Rust with cargo (to build the aries-askar crate), or
  - place ${libFile} (Askar ${VERSION}) in ${cacheDir}`)
  process.exit(1)
}

await main()
