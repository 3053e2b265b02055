// examples/next-app/components/session-list.tsx (no directive: a server component, or part of a client one)
import { BookButton } from 'openactive-book-button'
import type { ListingRow } from '@/lib/firehose'

/** A Book button per session: guest links or the signed-in route, as the BookingProvider above says. */
export function SessionList({ rows }: { rows: ListingRow[] }) {
  return (
    <ul>
      {rows.map(({ name, opportunity, parent }) => (
        <li key={opportunity['@id']}>
          <h2>{name}</h2>
          <BookButton opportunity={opportunity} parent={parent} />
        </li>
      ))}
    </ul>
  )
}
