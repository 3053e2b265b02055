/** The baseline's plain links, shown only where `evaluateBookability` says the session can be booked. */
// The package's import line.
import { evaluateBookability } from 'openactive-book-button/core'
import { createRoot } from 'react-dom/client'
import { checkoutHref, series, sessions } from '../listing.js'

createRoot(document.getElementById('root')!).render(
  <ul>
    {sessions
      .filter((session) => evaluateBookability(session, series).bookable)
      .map((session) => (
        <li key={session.identifier}>
          <a className="obb-button" href={checkoutHref(session.identifier)}>
            Book
          </a>
        </li>
      ))}
  </ul>,
)
