import { useTranslation } from "react-i18next"
import { formatDateTime, formatMoney, formatNumber, formatPercent } from "./format"

/** The i18next namespace of the plugin's strings (see `src/admin/i18n/index.ts`). */
export const I18N_NAMESPACE = "sms-rcs"

/**
 * The plugin's strings in the admin's language: `t("campaigns.title")`, `t("messages.count", { count })`.
 * `locale` is the language the dashboard shows (a BCP 47 tag such as `fr` or `en`), for Intl formats.
 */
export function useT() {
  const { t, i18n } = useTranslation(I18N_NAMESPACE)
  return { t, locale: i18n.resolvedLanguage || i18n.language || undefined }
}

/**
 * Numbers, money, percentages and times formatted in the admin's language, as the dashboard formats its
 * own: the same functions as `./format`, with the locale filled in.
 */
export function useFormat() {
  const { locale } = useT()
  return {
    locale,
    money: (amount: Parameters<typeof formatMoney>[0], currency: string | null | undefined, maxFractionDigits?: number) =>
      formatMoney(amount, currency, maxFractionDigits, locale),
    number: (value: number | null | undefined, maxFractionDigits = 0) => formatNumber(value, maxFractionDigits, locale),
    percent: (ratio: number | null | undefined, maxFractionDigits = 1) => formatPercent(ratio, maxFractionDigits, locale),
    dateTime: (value: string | Date | null | undefined, timeZone?: string | null) => formatDateTime(value, timeZone, locale),
  }
}
