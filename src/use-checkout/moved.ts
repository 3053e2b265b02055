/** Where `useCheckout` lives now, as a type error points out. */
const MOVED = "useCheckout moved: import { useCheckout } from 'openactive-book-button/checkout'"

/**
 * @deprecated Moved, so that guest pages never load React Query:
 * `import { useCheckout } from 'openactive-book-button/checkout'`, and pass it to
 * `<BookingProvider useCheckout={useCheckout}>`.
 */
export const useCheckout = (_movedTo: typeof MOVED): never => {
  throw new Error(MOVED)
}
