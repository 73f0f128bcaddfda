import type { Constructor, Module } from '@credo-ts/core'

import type { Contract, ContractApi } from '../../../shared/api'

/**
 * A Credo module of ours that serves a part of the API contract: its Api class implements exactly the
 * methods of `contract`, and createApi dispatches those methods to it. This is what lets a capability
 * add methods without touching any central file.
 */
export interface ContractModule<C extends Contract = Contract> extends Module {
  readonly contract: C
  readonly api: Constructor<ContractApi<C>>
}

export function isContractModule(module: Module): module is ContractModule {
  return typeof (module as Partial<ContractModule>).contract === 'object' && module.api !== undefined
}
