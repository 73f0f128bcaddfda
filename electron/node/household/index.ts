export { HouseholdApi } from './HouseholdApi'
export { HouseholdModule } from './HouseholdModule'
export { HouseholdService } from './HouseholdService'
export { HOUSEHOLD_PROTOCOL, HouseholdEndMessage } from './protocol'
