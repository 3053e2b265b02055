import type { ButtonLabelKey } from '../core/button/button-state.js'
import type { BookButtonLabels } from './labels.js'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatOpening(date: Date, locale: string | undefined, timeZone: string | undefined): string | null {
  const key = `${locale}|${timeZone}`
  try {
    let formatter = formatters.get(key)
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
      formatters.set(key, formatter)
    }
    return formatter.format(date)
  } catch {
    // An unknown locale or time zone falls back to the plain label rather than breaking the render.
    return null
  }
}

export interface OpeningTime {
  /** When booking opens, if known. */
  opensAt: Date | null
  /** Whether the time may be written now: after hydration, or when both locale and zone are fixed. */
  canWrite: boolean
  locale?: string
  timeZone?: string
}

/** The words for a label key; `not-yet-open` says when booking opens once the time can be written. */
export function labelText(labels: BookButtonLabels, key: ButtonLabelKey, opening: OpeningTime): string {
  if (key === 'book' || key === 'pending' || key === 'retry' || key === 'cannotBook') return labels[key]
  if (key === 'not-yet-open' && opening.opensAt && opening.canWrite) {
    const when = formatOpening(opening.opensAt, opening.locale, opening.timeZone)
    return when ? labels.opensAt(when) : labels.notYetOpen
  }
  return labels.reasons[key]
}
