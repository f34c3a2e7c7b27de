/** Words every page of the plugin uses, in English: the reference catalogue `fr/common.ts` must match. */
export default {
  menu: {
    messaging: "Messaging",
    campaigns: "Campaigns",
    analytics: "Analytics",
  },
  plugin: "SMS & RCS",
  loading: "Loading…",
  retry: "Try again",
  cancel: "Cancel",
  save: "Save",
  close: "Close",
  none: "—",
} as const
