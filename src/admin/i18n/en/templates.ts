/** The templates strings of the plugin's admin, in English: the reference catalogue `fr/templates.ts` must match key for key. */
export default {} as const
