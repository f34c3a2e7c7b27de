/** The automations strings of the plugin's admin, in English: the reference catalogue `fr/automations.ts` must match key for key. */
export default {} as const
