import type { ReactNode } from 'react'
import 'openactive-book-button/styles.css'

export const metadata = { title: 'Acme Sports' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav>
          <a href="/sessions">Sessions</a> · <a href="/timetable">Timetable</a> · <a href="/account">Signed in</a> ·{' '}
          <a href="/bookability">Bookability</a>
        </nav>
        <main>{children}</main>
      </body>
    </html>
  )
}
