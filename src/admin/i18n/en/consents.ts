/** The consents strings of the plugin's admin, in English: the reference catalogue `fr/consents.ts` must match key for key. */
export default {} as const
