/**
 * A [placeholder] the store must fill: a bracketed run of up to 80 characters without a bracket or line
 * break inside. Linear: one pass, no backtracking.
 */
const PLACEHOLDER = /\[[^\][\n]{1,80}\]/

/** Whether an answer still holds a [placeholder] (a shipped default not filled in: never sent). */
export function hasPlaceholder(answer: string): boolean {
  return PLACEHOLDER.test(answer)
}

export type DefaultFaq = { default_key: string; locale: string; keywords: string[]; postbacks: string[]; answer: string }

/**
 * The FAQ entries a store starts with (inserted by the migration that adds the table), each with
 * [placeholders] to fill: until then, a question that matches one is treated as not understood.
 */
export const DEFAULT_FAQ: readonly DefaultFaq[] = [
  {
    default_key: "delivery_times",
    locale: "en",
    keywords: ["delivery time", "how long", "when will i get", "shipping time", "delivery"],
    postbacks: ["faq_delivery"],
    answer: "We ship within [1-2 business days]; delivery takes [2-4 business days] in [your country].",
  },
  {
    default_key: "delivery_times",
    locale: "fr",
    keywords: ["delai de livraison", "delai", "combien de temps", "quand vais je recevoir", "livraison"],
    postbacks: ["faq_delivery"],
    answer: "Nous expédions sous [1 à 2 jours ouvrés] ; la livraison prend [2 à 4 jours ouvrés] en [France].",
  },
  {
    default_key: "returns",
    locale: "en",
    keywords: ["return", "returns", "refund", "exchange", "send back"],
    postbacks: ["faq_returns"],
    answer: "You can return an item within [30 days] of delivery: [how to start a return, e.g. a link].",
  },
  {
    default_key: "returns",
    locale: "fr",
    keywords: ["retour", "retourner", "remboursement", "echange", "echanger"],
    postbacks: ["faq_returns"],
    answer: "Vous pouvez retourner un article sous [30 jours] après livraison : [comment faire, p. ex. un lien].",
  },
  {
    default_key: "opening_hours",
    locale: "en",
    keywords: ["opening hours", "open", "hours", "opening times"],
    postbacks: ["faq_hours"],
    answer: "We are open [Monday to Friday, 9am to 6pm]. [Our address or phone number].",
  },
  {
    default_key: "opening_hours",
    locale: "fr",
    keywords: ["horaires", "heures d ouverture", "ouvert", "ouverture"],
    postbacks: ["faq_hours"],
    answer: "Nous sommes ouverts [du lundi au vendredi, de 9 h à 18 h]. [Notre adresse ou téléphone].",
  },
]
