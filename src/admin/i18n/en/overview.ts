/** The overview strings of the plugin's admin, in English: the reference catalogue `fr/overview.ts` must match key for key. */
export default {} as const
