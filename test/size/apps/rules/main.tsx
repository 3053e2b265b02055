/** The baseline's plain links, shown only where `evaluateBookability` says the session can be booked. */
// The package's import line.
import { evaluateBookability } from 'openactive-book-button/core'
import { createRoot } from 'react-dom/client'
import { PlainLinks, series, sessions } from '../listing.js'

const bookable = sessions.filter((session) => evaluateBookability(session, series).bookable)

createRoot(document.getElementById('root')!).render(<PlainLinks sessions={bookable} />)
