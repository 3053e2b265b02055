/** imin Checkout on the broker's own subdomain, such as `checkout.acmesports.com`. Public: it is in every link. */
export const checkoutBaseUrl = process.env.NEXT_PUBLIC_CHECKOUT_BASE_URL
