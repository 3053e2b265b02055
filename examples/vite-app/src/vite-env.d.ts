interface ImportMetaEnv {
  /** The broker's imin Checkout host, such as `checkout.acmesports.com`. */
  readonly VITE_CHECKOUT_BASE_URL: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
