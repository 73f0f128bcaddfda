export { CustosNode, type CustosNodeOptions } from './CustosNode'
export { createApi, createLiveDispatch } from './api'
export { type LiveTopic } from './kernel'
export { markPackagedApp } from './platform'
