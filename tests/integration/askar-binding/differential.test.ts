import fs from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { bindings, makeTempRoot, runScenario, type Scenario } from './harness'
import { cryptoScenarios } from './scenarios-crypto'
import { entryScenarios } from './scenarios-entries'
import { keyEntryScenarios } from './scenarios-key-entries'
import { keyScenarios } from './scenarios-keys'
import { storeScenarios } from './scenarios-store'

// The same scripted operations through the koffi binding and the reference ffi-napi wrapper, on the
// same library file: every result, error code and error message must be identical.
const { koffi, reference } = bindings()
const root = makeTempRoot()
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const groups: Record<string, Record<string, Scenario>> = {
  stores: storeScenarios,
  entries: entryScenarios,
  keys: keyScenarios,
  'key entries and errors': keyEntryScenarios,
  crypto: cryptoScenarios,
}

describe('koffi binding matches the reference wrapper', () => {
  it('loads the same library version', () => {
    expect(koffi.version()).toBe(reference.version())
  })

  for (const [group, scenarios] of Object.entries(groups)) {
    describe(group, () => {
      for (const [name, scenario] of Object.entries(scenarios)) {
        it(name, async () => {
          const folder = name.replace(/[^a-z0-9]+/gi, '-')
          const expected = await runScenario(scenario, reference, path.join(root, 'reference', folder))
          const actual = await runScenario(scenario, koffi, path.join(root, 'koffi', folder))
          expect(actual).toEqual(expected)
        })
      }
    })
  }
})
