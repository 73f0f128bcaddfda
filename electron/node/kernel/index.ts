// The bottom of the node: what every capability module needs and nothing that reaches back up.
// Nothing here imports another folder of electron/node (the dependency check in `npm run lint` holds it).
export { isContractModule, type ContractModule } from './ContractModule'
export { type LiveTopic } from './liveTopic'
export { InboundRefusal } from './InboundRefusal'
