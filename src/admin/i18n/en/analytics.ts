/** The analytics strings of the plugin's admin, in English: the reference catalogue `fr/analytics.ts` must match key for key. */
export default {} as const
