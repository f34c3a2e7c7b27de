/** The orders strings of the plugin's admin, in English: the reference catalogue `fr/orders.ts` must match key for key. */
export default {} as const
