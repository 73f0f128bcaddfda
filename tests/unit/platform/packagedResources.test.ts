import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { askarLibraryCandidates } from '../../../electron/node/askar/locate'
import { isPackagedApp, resourceCandidates } from '../../../electron/node/platform'

// What Electron sets on `process` in an installed app, imitated here: its binary cannot exist on this machine.
function pretendPackaged(resourcesPath: string, defaultApp = false) {
  Object.defineProperty(process.versions, 'electron', { value: '41.7.1', configurable: true })
  Object.assign(process, { resourcesPath, defaultApp })
}

describe('where a packaged app finds its resources', () => {
  afterEach(() => {
    Reflect.deleteProperty(process.versions, 'electron')
    Reflect.deleteProperty(process, 'resourcesPath')
    Reflect.deleteProperty(process, 'defaultApp')
    delete process.env.CUSTOS_ASKAR_LIB
  })

  it('uses only what it shipped: no working-directory search, no library override from the environment', () => {
    pretendPackaged('/opt/Custos/resources')
    process.env.CUSTOS_ASKAR_LIB = '/tmp/evil/libaries_askar.so'
    expect(isPackagedApp()).toBe(true)
    expect(resourceCandidates('db')).toEqual([path.join('/opt/Custos/resources', 'resources', 'db')])
    const library = askarLibraryCandidates()
    expect(library).toHaveLength(1)
    expect(library[0].startsWith('/opt/Custos/resources/resources/native/')).toBe(true)
  })

  it('keeps the development search and the override when run from a checkout', () => {
    pretendPackaged('/usr/lib/electron/resources', true)
    process.env.CUSTOS_ASKAR_LIB = '/tmp/dev/libaries_askar.so'
    expect(isPackagedApp()).toBe(false)
    expect(askarLibraryCandidates()).toEqual(['/tmp/dev/libaries_askar.so'])
    expect(resourceCandidates('db').length).toBeGreaterThan(1)
  })
})
