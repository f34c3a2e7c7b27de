/** The providers strings of the plugin's admin, in English: the reference catalogue `fr/providers.ts` must match key for key. */
export default {} as const
