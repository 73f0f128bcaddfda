export { type LiveTopic } from '../kernel'
export { CONTENT_SECURITY_POLICY, type BridgeErrorCode, type BridgeReply } from './replies'
export { startWebBridge, type WebBridge, type WebBridgeOptions } from './WebBridge'
