// examples/next-app/app/bookability/page.tsx (a server component, rendered for each request)
import { evaluateBookability } from 'openactive-book-button'
import { evaluateBookability as evaluateWithCoreOnly } from 'openactive-book-button/core'
import { loadListing } from '@/lib/firehose'

export const dynamic = 'force-dynamic'

/** The rules run on the server too: from the main entry and from the React-free core alike. */
export default async function BookabilityPage() {
  const now = Date.now()
  const rows = await loadListing(now)
  return (
    <table>
      <caption>Bookability at {new Date(now).toISOString()}</caption>
      <thead>
        <tr>
          <th scope="col">Session</th>
          <th scope="col">openactive-book-button</th>
          <th scope="col">openactive-book-button/core</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ name, opportunity, parent }) => (
          <tr key={opportunity['@id']}>
            <th scope="row">{name}</th>
            <td>{evaluateBookability(opportunity, parent, { now }).state}</td>
            <td>{evaluateWithCoreOnly(opportunity, parent, { now }).state}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
