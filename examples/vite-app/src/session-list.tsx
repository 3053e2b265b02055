// examples/vite-app/src/session-list.tsx
import { BookButton } from 'openactive-book-button'
import type { SessionRow } from './sessions'

/** A Book button per session: guest links or the signed-in route, as the BookingProvider above says. */
export function SessionList({ rows }: { rows: SessionRow[] }) {
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
