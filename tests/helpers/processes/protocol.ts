// Messages between a test and a node running in a child process (over Node's IPC channel).
import type { AnswerStep } from './answerCrash'

export interface NodeProcessConfig {
  dataDir: string
  label: string
  passphrase: string
  /** Inbound DIDComm port (HTTP and WebSocket); none means the node has no endpoint of its own. */
  port?: number
  mediator?: boolean
  pollingIntervalMs?: number
  /** What others are told to use instead of 127.0.0.1:port (a proxy in front of several instances). */
  publicUrl?: string
  /** A mediator instance on PostgreSQL (its store and queue shared with the other instances). */
  postgres?: { url: string; instanceId?: string }
  /** The crash test's fault injection: the process kills itself at this step of its next answer. */
  crashAt?: AnswerStep
}

export type Command =
  | { cmd: 'api'; method: string; input?: unknown }
  | { cmd: 'createInvitation'; multiUse?: boolean }
  | { cmd: 'acceptInvitation'; url: string }
  | { cmd: 'sendNumbered'; connectionId: string; from: number; to: number; concurrency?: number }
  | { cmd: 'received' }
  | { cmd: 'queuedRecordCount' }
  | { cmd: 'connections' }
  | { cmd: 'invitationLabels' }
  | { cmd: 'endpoints' }
  | { cmd: 'stop' }

export type Request = Command & { id: number }

export type Reply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; code?: string; message: string } }

export type NodeEvent =
  | { event: 'ready'; endpoints: string[] }
  | { event: 'basicMessage'; content: string; at: number }
  | { event: 'fatal'; message: string }

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'id' in value && 'ok' in value
}
