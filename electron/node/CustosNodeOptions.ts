import type { IssuerHostsOptions } from './credentials'
import type { InboundOptions } from './transports'
import type { DeviceKeyKeeper, PassphraseKdf } from './vault'

export interface CustosNodeOptions {
  /** The folder that holds this node's store, database and logs. */
  dataDir: string
  /** The name other agents see in invitations. */
  label?: string
  /** Passphrase key derivation; defaults to Argon2i at the moderate level. */
  kdf?: PassphraseKdf
  /**
   * Inbound DIDComm over HTTP and WebSocket on one host:port (default 127.0.0.1 and a free port);
   * without it the node only sends.
   */
  inbound?: InboundOptions
  /** Serve as DIDComm mediator for other nodes (a household's always-on node). */
  mediator?: boolean
  /** Pickup polling interval when this node uses a mediator; live mode, the default, does not poll. */
  mediatorPollingIntervalMs?: number
  /** The length of an auto-lock "minute"; tests shorten it. */
  autoLockUnitMs?: number
  /** The largest document (a statement PDF) the node takes with a credential; 20 MiB by default. */
  maxDocumentBytes?: number
  /**
   * How issuers' own hosts are reached (their did:web documents): TLS against the system's authorities
   * plus `extraCaCertificates` (a test or demo CA), a timeout. Never a process-wide TLS setting.
   */
  issuerHosts?: IssuerHostsOptions
  /**
   * A mediator of several instances: the Askar store and the pickup queue in this PostgreSQL database,
   * shared with the other instances. Only with `mediator`; the desktop app never sets it.
   */
  postgres?: { url: string; instanceId?: string }
  /**
   * Where "remember on this device" keeps the store's key: the desktop app's OS keychain, reached through
   * Electron main. Without it (the web mode, plain node runs) remembering is not offered.
   */
  deviceKeys?: DeviceKeyKeeper
}
