export { JointMessageHandler } from './handlers'
export {
  JOINT_APPLICATION_PROTOCOL,
  JointInvitationMessage,
  JointProposalMessage,
  JointResponseMessage,
  readInvitation,
  readProposal,
  readResponse,
} from './messages'
