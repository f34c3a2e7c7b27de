import en from "./en"
import fr from "./fr"

/**
 * The plugin's admin translations. Medusa's admin finds `src/admin/i18n/index.ts` in a plugin (2.11.1+) and
 * deep-merges it into the dashboard's i18next resources, so the plugin follows the language the user picks
 * in the admin (Profile → Language). Everything lives in its own namespace, `sms-rcs`, so that no key of ours
 * can shadow one of the dashboard's; a language the plugin does not ship falls back to English.
 */
export default {
  en: { "sms-rcs": en },
  fr: { "sms-rcs": fr },
}
