// The top of the node: the contract dispatched over every module, and live updates for a page.
// Capability modules never import this folder; what they share is in kernel/.
export { createApi } from './createApi'
export { createLiveDispatch, type Publish } from './liveDispatch'
