import { useT } from "../../lib/i18n"

/** A breadcrumb in the admin's language: `handle.breadcrumb` is called outside React's hooks, so it renders this. */
export const I18nBreadcrumb = ({ k }: { k: string }) => {
  const { t } = useT()
  return <>{t(k)}</>
}
