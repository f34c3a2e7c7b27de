import type { Catalogue } from "../catalogue"
import type en from "../en/orders"

/** The orders strings in French: the compiler refuses a missing or extra key. */
const fr: Catalogue<typeof en> = {
  messages: {
    title: "SMS et RCS",
    count_one: "{{count}} message",
    count_other: "{{count}} messages",
    error: "Impossible de charger les messages : {{error}}",
    empty: "Aucun message n'a été envoyé pour cette commande.",
    fallbackNote: "Envoyé en SMS à la place d'un message RCS non distribué à temps ou en échec.",
    noPhone: "pas de téléphone",
    richMessage: "message enrichi",
    segments_one: "{{count}} segment",
    segments_other: "{{count}} segments",
    message: "message",
    open: "Ouvrir",
  },
  attribution: {
    title: "Attribution aux messages",
    error: "Impossible de charger l'attribution : {{error}}",
    none: "Aucun message n'a déclenché cette commande.",
    noCustomer: "Aucun client sur cette commande.",
    shopper: "Le client a {{touch}}.",
    touches: {
      click: "touché un lien suivi",
      suggestion: "touché un bouton RCS",
      reply: "répondu au message",
      discount_code: "utilisé le code promo du message",
      read: "lu le message RCS",
      delivered: "reçu le SMS",
    },
    touchBadge: {
      click: "clic",
      suggestion: "bouton",
      reply: "réponse",
      discount_code: "code promo",
      read: "lu",
      delivered: "reçu",
    },
    touchAt: "Interaction",
    totalCredited: "Montant de commande attribué",
    template: "Modèle",
    automation: "Automatisation",
    campaign: "Campagne",
    messageCost: "Coût du message",
    sentAt: "Envoyé le {{at}}",
    sentAtTo: "Envoyé le {{at}} au {{phone}}",
    gone: "Le message ({{id}}) n'est plus conservé.",
    model: "Modèle {{model}}",
    touchWindow: "cette interaction compte pendant {{hours}} h",
    windows: "fenêtres : clic {{click}} h, lecture {{read}} h, réception {{delivery}} h",
  },
  timeline: {
    title: "Messages du client",
    latest: "les {{shown}} derniers sur {{count}}",
    count_one: "{{count}} message",
    count_other: "{{count}} messages",
    error: "Impossible de charger les messages : {{error}}",
    empty: "Aucun SMS n'a été envoyé à ce client.",
    credited: "attribué",
    campaign: "campagne {{id}}",
    afterOrder: "après la commande",
  },
}

export default fr
