import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A fresh folder under the OS temp dir; the returned function removes it. */
export function makeTmpDir(prefix = 'custos-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/** Every file under `dir` with its bytes, for byte-for-byte comparisons and content scans. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, full), fs.readFileSync(full))
  }
  return files
}
