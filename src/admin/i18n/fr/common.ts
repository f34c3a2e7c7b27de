import type { Catalogue } from "../catalogue"
import type en from "../en/common"

/** Words every page of the plugin uses, in French. */
const fr: Catalogue<typeof en> = {
  menu: {
    messaging: "Messagerie",
    campaigns: "Campagnes",
    analytics: "Statistiques",
  },
  plugin: "SMS et RCS",
  loading: "Chargement…",
  retry: "Réessayer",
  cancel: "Annuler",
  save: "Enregistrer",
  close: "Fermer",
  none: "—",
}

export default fr
