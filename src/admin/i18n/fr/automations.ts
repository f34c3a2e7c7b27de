import type { Catalogue } from "../catalogue"
import type en from "../en/automations"

/** The automations strings in French: the compiler refuses a missing or extra key. */
const fr: Catalogue<typeof en> = {
  names: {
    order_placed: "Confirmation de commande",
    order_fulfilled: "Commande préparée",
    order_shipped: "Avis d’expédition",
    order_delivered: "Avis de livraison",
    order_canceled: "Avis d’annulation",
    return_received: "Retour reçu",
    order_refunded: "Avis de remboursement",
    welcome: "SMS de bienvenue",
    abandoned_cart: "Relance de panier abandonné",
    win_back: "Relance des anciens clients",
    back_in_stock: "Alerte de retour en stock",
    browse_abandonment: "Relance après consultation",
    review_request: "Demande d’avis",
  },
  when: {
    order_placed: "quand une commande est passée",
    order_fulfilled: "quand les articles d’une commande sont préparés pour l’envoi",
    order_shipped: "quand un envoi est créé",
    order_delivered: "quand une livraison est enregistrée",
    order_canceled: "quand une commande est annulée",
    return_received: "quand un retour est reçu",
    order_refunded: "quand un paiement est remboursé",
    welcome: "quand un client crée son compte",
    abandoned_cart: "quand un panier avec un téléphone reste inactif (vérifié toutes les 5 minutes)",
    win_back: "quand un client n’a pas commandé depuis un moment (vérifié chaque jour)",
    back_in_stock: "quand une variante demandée par un client est de retour en stock",
    browse_abandonment: "quand un client connu a consulté un produit sans l’ajouter au panier (vérifié toutes les 15 minutes)",
    review_request: "quelques jours après la livraison d’une commande, avec des produits achetés avec elle (vérifié toutes les heures)",
  },
  page: {
    title: "Automatisations SMS & RCS",
    subtitle: "Les SMS envoyés quand quelque chose se passe dans la boutique. Un délai attend ce nombre de minutes après l’événement.",
    templatesLink: "Modèles →",
    loadFailed: "Impossible de charger les automatisations : {{message}}",
    empty: "Aucune automatisation disponible.",
    zone: "Heures en {{zone}}.",
  },
  table: {
    automation: "Automatisation",
    template: "Modèle",
    purpose: "Finalité",
    enabled: "Active",
    sent: "Envoyés (30 jours)",
    lastSent: "Dernier envoi",
    timing: "Délais",
    never: "Jamais",
    transactional: "Transactionnel",
    marketing: "Marketing",
  },
  fields: {
    delay_minutes: "Délai (minutes)",
    period_days: "Jours sans commande",
    max_age_hours: "Abandonner après (heures)",
  },
  fieldsOf: {
    review_request: { period_days: "Jours après la livraison" },
  },
  invalid: {
    delay_minutes: "Un nombre entier de minutes, de 0 (immédiat) à {{max}} (7 jours).",
    period_days: "Un nombre entier de jours, de 1 à {{max}}.",
    max_age_hours: "Un nombre entier d’heures, de 1 à {{max}} (30 jours).",
  },
  save: "Enregistrer",
  fixFirst: "Corrigez d’abord les valeurs ci-dessus.",
  enabledToast: "{{name}} activée",
  disabledToast: "{{name}} désactivée",
  savedToast: "{{name}} enregistrée",
  enabledLabel: "{{name}} active",
}

export default fr
