export { JOINT_GOAL_CODE } from './applicationTerms'
export { JointApplicationEventTypes, type JointApplicationChangedEvent } from './JointApplicationsEvents'
export { JointApplicationRecord } from './JointApplicationRecord'
export { JointApplicationsModule } from './JointApplicationsModule'
export { ONLY_MEMBERS } from './SecondApplicantService'
export { NOT_A_MEMBER_ANY_MORE } from './FirstApplicantService'
export {
  JOINT_APPLICATION_PROTOCOL,
  JointInvitationMessage,
  JointProposalMessage,
  JointResponseMessage,
} from './protocol'
