import type { BookabilityReason } from '../core/rules/bookability.js'
import type { CheckoutErrorKind } from '../core/checkout/checkout-error.js'

/**
 * Every string the button shows. English is the default; pass a whole set
 * (such as {@link frenchLabels}) or any part of one through `labels`.
 */
export interface BookButtonLabels {
  /** The label of a bookable button. @defaultValue 'Book' */
  book: string
  /** Shown and announced while a checkout session is being created. @defaultValue 'Opening checkout…' */
  pending: string
  /** The label of the button after a failed checkout, which tries again. @defaultValue 'Try again' */
  retry: string
  /** The label after a failure that trying again cannot fix (a misconfigured link, an unsafe answer). @defaultValue 'Booking unavailable' */
  cannotBook: string
  /** The label when booking opens later, before the opening time can be shown. @defaultValue 'Not open yet' */
  notYetOpen: string
  /** The label when booking opens later, given the formatted opening time. @defaultValue (when) => `Opens ${when}` */
  opensAt: (formattedTime: string) => string
  /** The label for each reason an opportunity is not bookable, each its own words. */
  reasons: Record<BookabilityReason, string>
  /** The message for each kind of checkout failure, shown beside the control and announced. */
  errors: Record<CheckoutErrorKind, string>
}

/** What `labels` accepts: any part of {@link BookButtonLabels}; `reasons` and `errors` may be partial too. */
export type BookButtonLabelsInput = Partial<Omit<BookButtonLabels, 'reasons' | 'errors'>> & {
  reasons?: Partial<Record<BookabilityReason, string>>
  errors?: Partial<Record<CheckoutErrorKind, string>>
}

/** The default English labels. */
export const englishLabels: BookButtonLabels = {
  book: 'Book',
  pending: 'Opening checkout…',
  retry: 'Try again',
  cannotBook: 'Booking unavailable',
  notYetOpen: 'Not open yet',
  opensAt: (when) => `Opens ${when}`,
  reasons: {
    deleted: 'No longer listed',
    'invalid-opportunity': 'Listing unreadable',
    'missing-parent': 'Details missing',
    'parent-mismatch': "Details don't match",
    cancelled: 'Cancelled',
    full: 'Full',
    'opportunity-unavailable': 'Unavailable',
    'no-adult-offer': 'Juniors only',
    'offer-unavailable': 'Not bookable online',
    'invalid-booking-window': 'Booking times unclear',
    'not-yet-open': 'Not open yet',
    'booking-closed': 'Booking closed',
    started: 'Started',
  },
  errors: {
    unavailable: 'This is no longer available to book.',
    full: 'This is now full.',
    unauthorized: 'Please sign in again, then try again.',
    http: 'Checkout is not responding as expected. Please try again.',
    network: 'Could not reach checkout. Check your connection and try again.',
    timeout: 'Checkout took too long to answer. Please try again.',
    aborted: 'Checkout was cancelled.',
    'invalid-response': 'Checkout answered in a way we did not understand. Please try again.',
    'unsafe-target': 'Checkout sent us to an unexpected address, so we stopped.',
    'invalid-request': 'This booking link is not set up correctly.',
  },
}

/** French labels, for `<BookingProvider locale="fr-FR" labels={frenchLabels}>`. */
export const frenchLabels: BookButtonLabels = {
  book: 'Réserver',
  pending: 'Ouverture du paiement…',
  retry: 'Réessayer',
  cannotBook: 'Réservation indisponible',
  notYetOpen: 'Pas encore ouvert',
  opensAt: (when) => `Ouvre le ${when}`,
  reasons: {
    deleted: 'Retiré',
    'invalid-opportunity': 'Annonce illisible',
    'missing-parent': 'Détails manquants',
    'parent-mismatch': 'Détails incohérents',
    cancelled: 'Annulé',
    full: 'Complet',
    'opportunity-unavailable': 'Indisponible',
    'no-adult-offer': 'Réservé aux juniors',
    'offer-unavailable': 'Pas de réservation en ligne',
    'invalid-booking-window': 'Horaires de réservation inconnus',
    'not-yet-open': 'Pas encore ouvert',
    'booking-closed': 'Réservations closes',
    started: 'Commencé',
  },
  errors: {
    unavailable: "Ce créneau n'est plus disponible.",
    full: 'Ce créneau est désormais complet.',
    unauthorized: 'Veuillez vous reconnecter, puis réessayer.',
    http: 'Le paiement ne répond pas comme prévu. Veuillez réessayer.',
    network: 'Impossible de joindre le paiement. Vérifiez votre connexion et réessayez.',
    timeout: 'Le paiement a mis trop de temps à répondre. Veuillez réessayer.',
    aborted: 'Le paiement a été annulé.',
    'invalid-response': "Réponse du paiement incompréhensible. Veuillez réessayer.",
    'unsafe-target': 'Le paiement a renvoyé une adresse inattendue : nous nous sommes arrêtés.',
    'invalid-request': "Ce lien de réservation n'est pas configuré correctement.",
  },
}

const merged = new WeakMap<BookButtonLabelsInput, BookButtonLabels>()

/** Lays partial labels over the English defaults; remembered per object, since a page renders many buttons with one set. */
export function resolveLabels(override: BookButtonLabelsInput | undefined): BookButtonLabels {
  if (!override) return englishLabels
  let labels = merged.get(override)
  if (!labels) merged.set(override, (labels = mergeLabels(englishLabels, override)))
  return labels
}

function mergeLabels(base: BookButtonLabels, override: BookButtonLabelsInput): BookButtonLabels {
  return {
    ...base,
    ...override,
    reasons: { ...base.reasons, ...override.reasons },
    errors: { ...base.errors, ...override.errors },
  } as BookButtonLabels
}
