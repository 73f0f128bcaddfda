import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CustosNode, createApi } from '../../../electron/node'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('the API contract validates what crosses it', () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  let dispatch: ReturnType<typeof createApi>['dispatch']

  beforeAll(() => {
    node = CustosNode.open({ dataDir: tmp.dir, kdf: 'argon2i-int' })
    dispatch = createApi(node).dispatch
  })
  afterAll(async () => {
    await node.close()
    tmp.cleanup()
  })

  it('answers NodeLocked before the store is unlocked', async () => {
    await expect(dispatch('selfDeclared.list', undefined)).rejects.toMatchObject({ code: 'NodeLocked' })
  })

  it('rejects a short passphrase with a message a person understands, and creates nothing', async () => {
    await expect(dispatch('vault.create', { passphrase: 'short' })).rejects.toThrow(/at least 8 characters/)
    expect(((await dispatch('vault.status', undefined)) as { state: string }).state).toBe('no-store')
  })

  it('rejects unknown methods and malformed payloads, leaving stored data untouched', async () => {
    await dispatch('vault.create', { passphrase: 'long enough passphrase' })
    await dispatch('selfDeclared.put', { label: 'Name', value: 'Ada' })
    const before = await dispatch('selfDeclared.list', undefined)

    await expect(dispatch('vault.destroyEverything', {})).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(dispatch('selfDeclared.put', { label: '   ', value: 'x' })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    await expect(dispatch('selfDeclared.put', { label: 'Big', value: 'x'.repeat(70_000) })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    await expect(dispatch('selfDeclared.put', 'not an object')).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(dispatch('selfDeclared.put', { id: 'missing', label: 'L', value: 'v' })).rejects.toMatchObject({
      code: 'NotFound',
    })

    expect(await dispatch('selfDeclared.list', undefined)).toEqual(before)
  })
})
