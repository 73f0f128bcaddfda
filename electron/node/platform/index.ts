// What every capability of the node uses and none of them owns: the log, the data directory and its
// lock, the bundled resources, mutual exclusion, and how errors from other agents reach a person.
export { DataDirLock } from './DataDirLock'
export { dataDirLayout, type DataDirLayout } from './dataDirLayout'
export { FileLogger } from './FileLogger'
export { Mutex } from './Mutex'
export { withPeerErrors } from './peerErrors'
export { freshScratchDir, makePrivate, restrictTree } from './privateFiles'
export { findResource, isPackagedApp, markPackagedApp, resourceCandidates } from './resources'
export { syncDir, writeDurably } from './durableFiles'
export { createLimitedServer, SERVER_LIMITS } from './serverLimits'
export { capLogText, LogFloodGuard } from './logFlood'
