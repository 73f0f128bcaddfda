import fs from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { CustosNode } from '../../../electron/node'
import { apiOf, PASS } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

function modes(root: string): Map<string, string> {
  const found = new Map<string, string>([['.', (fs.statSync(root).mode & 0o777).toString(8)]])
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name)
    const stat = fs.statSync(full)
    found.set(`${path.relative(root, full)}${stat.isDirectory() ? '/' : ''}`, (stat.mode & 0o777).toString(8))
  }
  return found
}

describe('the data directory is for its owner alone', () => {
  const tmp = makeTmpDir()
  const umask = process.umask()
  afterAll(() => {
    process.umask(umask)
    tmp.cleanup()
  })

  it('makes every folder 0700 and every file 0600 under a permissive umask, and keeps no copy outside', async () => {
    process.umask(0o022)
    const dataDir = path.join(tmp.dir, 'node')
    const node = CustosNode.open({ dataDir, kdf: 'argon2i-int' })
    await node.createStore(PASS)
    await apiOf(node)['selfDeclared.put']({ label: 'a', value: 'b' })
    await node.lock()
    await node.unlock(PASS)
    const whileOpen = modes(dataDir)
    await node.close()
    expect(whileOpen.get('vault/askar.sqlite')).toBe('600')
    expect(whileOpen.get('app/custos.db')).toBe('600')
    expect(whileOpen.get('logs/node.log')).toBe('600')
    for (const [file, mode] of [...whileOpen, ...modes(dataDir)]) {
      expect(`${file} ${mode}`).toBe(`${file} ${file === '.' || file.endsWith('/') ? '700' : '600'}`)
    }
  })

  it('empties the scratch folder a crashed unlock left behind', () => {
    const dataDir = path.join(tmp.dir, 'node')
    fs.mkdirSync(path.join(dataDir, 'tmp', 'unlock-left'), { recursive: true })
    fs.writeFileSync(path.join(dataDir, 'tmp', 'unlock-left', 'askar.sqlite'), 'a copy of the store')
    const node = CustosNode.open({ dataDir, kdf: 'argon2i-int' })
    expect(fs.readdirSync(path.join(dataDir, 'tmp'))).toEqual([])
    return node.close()
  })
})
