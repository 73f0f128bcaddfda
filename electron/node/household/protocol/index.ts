export { HouseholdEndHandler } from './HouseholdEndHandler'
export { HOUSEHOLD_PROTOCOL, HouseholdEndMessage } from './messages'
