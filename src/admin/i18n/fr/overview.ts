import type { Catalogue } from "../catalogue"
import type en from "../en/overview"

/** The overview strings in French: the compiler refuses a missing or extra key. */
const fr: Catalogue<typeof en> = {
  subtitle: "Les SMS de votre boutique en un coup d'œil. Jours, semaines et mois en {{zone}}.",
  error: "Impossible de charger les chiffres : {{error}}",
  sentToday: "Envoyés aujourd'hui",
  sentMonth: "Envoyés ce mois-ci",
  testsApart_one: "plus {{count}} envoi de test aujourd'hui, non compté",
  testsApart_other: "plus {{count}} envois de test aujourd'hui, non comptés",
  failures: "Échecs sur 24 h",
  optOuts: "Désinscriptions cette semaine",
  optOutsHint: "numéros ayant répondu STOP ou retiré leur consentement depuis lundi",
  spend: "Dépenses ce mois-ci",
  spendNone: "Aucun tarif configuré",
  spendHint: "estimation selon les tarifs configurés",
  failuresTitle: "Échecs des dernières 24 heures",
  failuresNone: "Aucun message en échec ces dernières 24 heures.",
  failuresSeeAll: "Voir les messages en échec",
  failureCount_one: "{{count}} message",
  failureCount_other: "{{count}} messages",
  providersTitle: "Prestataires d'envoi",
  providerOk: "Connecté",
  providerFailed: "Non connecté",
  providerRoles: "Envoie les {{roles}}",
  providerChecked: "vérifié le {{at}}",
  providersLink: "Réglages des prestataires",
  nextCampaign: "Prochaine campagne programmée",
  nextCampaignNone: "Aucune campagne n'est programmée.",
  nextCampaignAt: "départ le {{at}}",
  sections: "Aller à",
  links: {
    conversations: "Conversations",
    conversationsHint: "Ce que les clients répondent, et vos réponses",
    campaigns: "Campagnes",
    campaignsHint: "Des SMS marketing vers un segment, programmés et étalés",
    analytics: "Statistiques",
    analyticsHint: "Ce que les messages ont rapporté : chiffre d'affaires, clics, coût, ROI",
    messages: "Messages",
    messagesHint: "Chaque message envoyé, son statut et son historique",
    consents: "Consentements",
    consentsHint: "Qui a accepté de recevoir des SMS, et la preuve",
    settings: "Réglages",
    settingsHint: "Modèles, automatisations et prestataires",
  },
}

export default fr
