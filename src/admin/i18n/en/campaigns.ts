/** The campaigns strings of the plugin's admin, in English: the reference catalogue `fr/campaigns.ts` must match key for key. */
export default {} as const
