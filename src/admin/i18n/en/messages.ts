/** The messages strings of the plugin's admin, in English: the reference catalogue `fr/messages.ts` must match key for key. */
export default {} as const
