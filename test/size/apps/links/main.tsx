/** The baseline: the listing with plain links to guest Checkout, no Book button package. */
import { createRoot } from 'react-dom/client'
import { checkoutHref, sessions } from '../listing.js'

createRoot(document.getElementById('root')!).render(
  <ul>
    {sessions.map((session) => (
      <li key={session.identifier}>
        <a className="obb-button" href={checkoutHref(session.identifier)}>
          Book
        </a>
      </li>
    ))}
  </ul>,
)
