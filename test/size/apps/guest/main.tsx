/** A guest listing: `BookingProvider` and `BookButton`, with the stylesheet. */
// The package's import lines: the only lines to change if the guest path moves.
import { BookButton, BookingProvider } from 'openactive-book-button'
import 'openactive-book-button/styles.css'
import { createRoot } from 'react-dom/client'
import { checkoutBaseUrl, series, sessions } from '../listing.js'

createRoot(document.getElementById('root')!).render(
  <BookingProvider checkoutBaseUrl={checkoutBaseUrl}>
    <ul>
      {sessions.map((session) => (
        <li key={session.identifier}>
          <BookButton opportunity={session} parent={series} />
        </li>
      ))}
    </ul>
  </BookingProvider>,
)
