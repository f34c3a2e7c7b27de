import en from "./en"
import fr from "./fr"

type Tree = { [key: string]: string | Tree }

/**
 * French has a third plural form, "many", for counts such as 1,000,000 (Intl.PluralRules("fr")), which
 * i18next asks for as `key_many`. It reads like "other" in every sentence we write: copy each `_other` to
 * `_many` where the catalogue has none, rather than make every French plural spell it out.
 */
function withMany(tree: Tree): Tree {
  const out: Tree = {}
  for (const [key, value] of Object.entries(tree)) {
    out[key] = typeof value === "string" ? value : withMany(value)
  }
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string" && key.endsWith("_other")) {
      const many = `${key.slice(0, -"_other".length)}_many`
      if (!(many in out)) out[many] = value
    }
  }
  return out
}

/**
 * The plugin's admin translations. Medusa's admin finds `src/admin/i18n/index.ts` in a plugin (2.11.1+) and
 * deep-merges it into the dashboard's i18next resources, so the plugin follows the language the user picks
 * in the admin (Profile → Language). Everything lives in its own namespace, `sms-rcs`, so that no key of ours
 * can shadow one of the dashboard's; a language the plugin does not ship falls back to English.
 */
export default {
  en: { "sms-rcs": en },
  fr: { "sms-rcs": withMany(fr as unknown as Tree) },
}
