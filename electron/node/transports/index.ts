export { CustosInboundTransport } from './CustosInboundTransport'
export {
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SPOOL_QUOTA,
  endpointsFor,
  resolveInboundOptions,
  type InboundOptions,
  type InboundRateLimit,
  type InboundScheme,
} from './inboundOptions'
export { WS_CLOSE } from './wsInbound'
export { INBOUND_SPOOL, INBOUND_TRANSPORT } from './CustosInboundTransport'
export { InboundQueue, QueueAttachment, type InboundSpool } from './spool'
