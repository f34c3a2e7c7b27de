import type { Catalogue } from "../catalogue"
import type en from "../en/providers"

/** The providers strings in French: the compiler refuses a missing or extra key. */
const fr: Catalogue<typeof en> = {
  page: {
    title: "Fournisseurs SMS & RCS",
    subtitle:
      "Les passerelles définies dans les options du plugin (medusa-config). Les identifiants restent sur le serveur : cette page vérifie seulement qu’ils fonctionnent.",
    loadFailed: "Impossible de charger les fournisseurs : {{message}}",
    publicUrl: "Adresse publique",
    publicUrlKnown: "les URL de webhook ci-dessous commencent par elle.",
    publicUrlMissing:
      "Inconnue : définissez MEDUSA_BACKEND_URL (ou tracking.baseUrl dans les options du plugin) avec l’adresse publique de ce serveur, pour que les fournisseurs qui rappellent la boutique affichent les URL à coller dans leur console.",
  },
  card: {
    sends: "Envoie",
    channels: "Canaux disponibles",
    checksCapability: "Vérifie la compatibilité RCS",
    canRevoke: "Peut révoquer un RCS non remis",
    yes: "Oui",
    no: "Non",
    webhooks: "URL de webhook",
    noWebhooks: "Rien à coller : ce fournisseur n’a pas besoin de webhook, ou reçoit l’adresse de retour avec chaque message.",
  },
  health: {
    check: "Tester la connexion",
    connected: "Connecté",
    failed: "Échec",
    checkedAt: "vérifié {{time}}",
  },
  rcs: {
    title: "RCS",
    on: "Activé",
    off: "Désactivé",
    provider: "Fournisseur RCS",
    automatic: "Automatique",
    automaticYes: "Oui : tout message avec une variante RCS essaie d’abord le RCS",
    automaticNo: "Non : RCS seulement quand un message le demande",
    ttl: "Durée de vie",
    ttlValue: "{{duration}} avant qu’un message RCS non remis soit remplacé",
    fallback: "Repli SMS",
    fallbackOn: "Activé : un message RCS en échec ou expiré est renvoyé en SMS",
    fallbackOff: "Désactivé : il reste en échec ou expiré",
    cache: "Cache de compatibilité",
    cacheValue: "{{capable}} h pour les téléphones RCS, {{notCapable}} h pour les téléphones SMS seulement",
    offExplanation:
      "Tous les messages partent en SMS. Pour envoyer du RCS, définissez {{option}} dans les options du plugin (medusa-config) et redémarrez le serveur.",
  },
  test: {
    title: "Envoyer un message de test",
    subtitle:
      "Un vrai message vers l’un de vos téléphones, par le fournisseur configuré. Son statut s’affiche ci-dessous au fil des retours du fournisseur.",
    phone: "Téléphone",
    channel: "Canal",
    rcsOff: "RCS (désactivé)",
    body: "Texte (facultatif)",
    bodyPlaceholder: "Message de test de votre boutique",
    send: "Envoyer le test",
    rcsHint:
      "Le RCS vérifie d’abord le téléphone : un téléphone sans RCS reçoit le test en SMS, et un message RCS non remis à temps est remplacé par un SMS.",
    rcsDisabled: "Le RCS est désactivé : les tests partent en SMS. Définissez rcs.provider dans les options du plugin pour envoyer du RCS.",
    notSent: "Le test n’a pas été envoyé",
    pending: "Envoyé ; en attente de son statut…",
    pollError: "Impossible d’actualiser le statut : {{message}}",
    sentAsSms: "Envoyé en SMS : le téléphone ne prend pas en charge le RCS.",
    replaced: "Le message RCS n’est pas arrivé ; ce SMS l’a remplacé :",
    waitingReplacement: "Le message RCS n’est pas arrivé ; en attente du SMS de remplacement…",
    created: "Créé {{time}}",
    sent: "envoyé {{time}}",
    delivered: "remis {{time}}",
    read: "lu {{time}}",
  },
}

export default fr
