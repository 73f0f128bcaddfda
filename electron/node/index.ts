export { CustosNode, type CustosNodeOptions } from './CustosNode'
export { createApi } from './api'
