// Incremental static regeneration: rendered at build time, then again at most once a minute.
// Visitors get HTML up to a minute old, which is why the page passes renderedAt.
export const revalidate = 60

export { default } from '../sessions/page'
