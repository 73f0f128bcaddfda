import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { PolicyForm } from './PolicyForm'
import { PolicyRow } from './PolicyRow'

/** The person's standing rules: who may get what, why and how often, without asking each time. */
export function Policies() {
  const policies = useLoad(() => apiClient()['consent.listPolicies'](undefined), ['requests'])
  return (
    <>
      <section aria-labelledby="policies-heading" className="card">
        <h2 id="policies-heading">Standing consent</h2>
        <p>
          A policy answers a trusted requester’s request on its own, within what it names. Make one from a request with
          “Share and remember”; pause or revoke it here at any time.
        </p>
        <ErrorNote error={policies.error} />
        {policies.data?.length === 0 && <p>No policies yet: every request waits for you.</p>}
        {policies.data && policies.data.length > 0 && (
          <ul className="rows" aria-label="Policies">
            {policies.data.map((policy) => (
              <PolicyRow key={policy.id} policy={policy} onChanged={policies.reload} />
            ))}
          </ul>
        )}
      </section>
      <PolicyForm onSaved={policies.reload} />
    </>
  )
}
