import type { Module } from '@credo-ts/core'
import { describe, expect, it } from 'vitest'

import { apiContract, apiMethodNames, vaultContract } from '../../shared/api'
import { nodeModules } from '../../electron/node/agent'
import { isContractModule } from '../../electron/node/kernel'
import { VaultApi } from '../../electron/node/vault'

// createApi finds each method's implementation at run time; this checks, without a store, that the
// modules a node is built from serve every method of the contract exactly once.
describe('the API contract and the modules that serve it', () => {
  const modules = Object.values(
    nodeModules({ label: 'contract', store: { id: 'contract', key: 'unused' } }) as Record<string, Module>,
  ).filter(isContractModule)

  it('derives the method list from the capability contracts', () => {
    expect(apiMethodNames.sort()).toEqual(Object.keys(apiContract).sort())
    expect(apiMethodNames).toContain('selfDeclared.put')
  })

  it('serves every method outside the vault through exactly one module whose Api has that function', () => {
    for (const method of apiMethodNames) {
      const name = method.slice(method.indexOf('.') + 1)
      if (Object.hasOwn(vaultContract, method)) {
        expect(typeof VaultApi.prototype[name as keyof VaultApi], method).toBe('function')
        continue
      }
      const serving = modules.filter((module) => Object.hasOwn(module.contract, method))
      expect(serving.length, method).toBe(1)
      expect(typeof (serving[0].api.prototype as Record<string, unknown>)[name], method).toBe('function')
    }
  })

  it('names each method after its capability, so a method is found from its name alone', () => {
    for (const module of modules) {
      const namespaces = new Set(Object.keys(module.contract).map((method) => method.split('.')[0]))
      expect(namespaces.size).toBe(1)
    }
  })
})
