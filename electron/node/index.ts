export { CustosNode, type CustosNodeOptions } from './CustosNode'
export { createApi } from './api'
export { markPackagedApp } from './platform'
