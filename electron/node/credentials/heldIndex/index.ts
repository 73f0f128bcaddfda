export { heldCredentials } from './heldIndexTable'
export { HeldIndexService } from './HeldIndexService'
export { keepHeldIndexInStep } from './keepInStep'
