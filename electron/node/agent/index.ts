export { createAgent, type AgentOptions, type CustosAgent } from './createAgent'
export { nodeModules, type NodeModulesOptions } from './nodeModules'
