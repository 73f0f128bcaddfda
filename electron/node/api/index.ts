export { createApi } from './createApi'
export { isContractModule, type ContractModule } from './ContractModule'
export { validateInput } from './validateInput'
