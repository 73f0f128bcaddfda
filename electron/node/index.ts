export { CustosNode, type CustosNodeOptions } from './CustosNode'
export { createApi, createLiveDispatch, type LiveTopic } from './api'
export { markPackagedApp } from './platform'
