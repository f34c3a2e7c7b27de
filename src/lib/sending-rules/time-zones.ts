/**
 * The time zones a recipient may be in, from what the order says about them (country, and state or
 * province where a country spans several zones). When the zone is uncertain every candidate is returned,
 * and quiet hours must hold in all of them: a message may wait longer, it never wakes anyone.
 * (Area-code time-zone data would need libphonenumber's geocoding tables, which libphonenumber-js does not
 * ship; the shipping address is the better signal anyway, since numbers are portable.)
 */

const E = "America/New_York"
const C = "America/Chicago"
const M = "America/Denver"
const AZ = "America/Phoenix"
const P = "America/Los_Angeles"
const AK = "America/Anchorage"
const HI = "Pacific/Honolulu"

const US_STATES: Record<string, readonly string[]> = {
  AL: [C], AK: [AK, "America/Adak"], AZ: [AZ, M], AR: [C], CA: [P], CO: [M], CT: [E], DE: [E], DC: [E],
  FL: [E, C], GA: [E], HI: [HI], ID: [M, P], IL: [C], IN: [E, C], IA: [C], KS: [C, M], KY: [E, C], LA: [C],
  ME: [E], MD: [E], MA: [E], MI: [E, C], MN: [C], MS: [C], MO: [C], MT: [M], NE: [C, M], NV: [P], NH: [E],
  NJ: [E], NM: [M], NY: [E], NC: [E], ND: [C, M], OH: [E], OK: [C], OR: [P, M], PA: [E], RI: [E], SC: [E],
  SD: [C, M], TN: [E, C], TX: [C, M], UT: [M], VT: [E], VA: [E], WA: [P], WV: [E], WI: [C], WY: [M],
  PR: ["America/Puerto_Rico"], VI: ["America/St_Thomas"], GU: ["Pacific/Guam"],
}

const CA_PROVINCES: Record<string, readonly string[]> = {
  AB: ["America/Edmonton"], BC: ["America/Vancouver"], MB: ["America/Winnipeg"], NB: ["America/Moncton"],
  NL: ["America/St_Johns"], NS: ["America/Halifax"], NT: ["America/Yellowknife"], NU: ["America/Iqaluit", "America/Winnipeg"],
  ON: ["America/Toronto"], PE: ["America/Halifax"], QC: ["America/Toronto"], SK: ["America/Regina"], YT: ["America/Whitehorse"],
}

/** Countries that span several zones, with all of them (used when the state or province is unknown). */
const MULTI_ZONE: Record<string, readonly string[]> = {
  US: [E, C, M, AZ, P, AK, HI],
  CA: ["America/St_Johns", "America/Halifax", "America/Toronto", "America/Winnipeg", "America/Regina", "America/Edmonton", "America/Vancouver"],
  AU: ["Australia/Sydney", "Australia/Brisbane", "Australia/Adelaide", "Australia/Darwin", "Australia/Perth"],
  BR: ["America/Sao_Paulo", "America/Manaus", "America/Rio_Branco", "America/Noronha"],
  MX: ["America/Mexico_City", "America/Cancun", "America/Chihuahua", "America/Hermosillo", "America/Tijuana"],
  RU: ["Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Kamchatka"],
  ID: ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"],
  AR: ["America/Argentina/Buenos_Aires"],
  CL: ["America/Santiago"],
  KZ: ["Asia/Almaty"],
  NZ: ["Pacific/Auckland"],
  PT: ["Europe/Lisbon", "Atlantic/Azores"],
  ES: ["Europe/Madrid", "Atlantic/Canary"],
}

const SINGLE_ZONE: Record<string, string> = {
  FR: "Europe/Paris", BE: "Europe/Brussels", LU: "Europe/Luxembourg", MC: "Europe/Monaco", CH: "Europe/Zurich",
  DE: "Europe/Berlin", AT: "Europe/Vienna", NL: "Europe/Amsterdam", IT: "Europe/Rome", GB: "Europe/London",
  IE: "Europe/Dublin", DK: "Europe/Copenhagen", SE: "Europe/Stockholm", NO: "Europe/Oslo", FI: "Europe/Helsinki",
  PL: "Europe/Warsaw", CZ: "Europe/Prague", SK: "Europe/Bratislava", HU: "Europe/Budapest", RO: "Europe/Bucharest",
  BG: "Europe/Sofia", GR: "Europe/Athens", HR: "Europe/Zagreb", SI: "Europe/Ljubljana", EE: "Europe/Tallinn",
  LV: "Europe/Riga", LT: "Europe/Vilnius", IS: "Atlantic/Reykjavik", MT: "Europe/Malta", CY: "Asia/Nicosia",
  TR: "Europe/Istanbul", UA: "Europe/Kyiv", IL: "Asia/Jerusalem", AE: "Asia/Dubai", SA: "Asia/Riyadh",
  MA: "Africa/Casablanca", DZ: "Africa/Algiers", TN: "Africa/Tunis", SN: "Africa/Dakar", CI: "Africa/Abidjan",
  ZA: "Africa/Johannesburg", NG: "Africa/Lagos", EG: "Africa/Cairo", KE: "Africa/Nairobi", IN: "Asia/Kolkata",
  JP: "Asia/Tokyo", KR: "Asia/Seoul", CN: "Asia/Shanghai", HK: "Asia/Hong_Kong", SG: "Asia/Singapore",
  TW: "Asia/Taipei", TH: "Asia/Bangkok", VN: "Asia/Ho_Chi_Minh", PH: "Asia/Manila", MY: "Asia/Kuala_Lumpur",
  CO: "America/Bogota", PE: "America/Lima",
  // French overseas departments have their own country codes in phone numbering
  RE: "Indian/Reunion", GP: "America/Guadeloupe", MQ: "America/Martinique", GF: "America/Cayenne", YT: "Indian/Mayotte",
  NC: "Pacific/Noumea", PF: "Pacific/Tahiti", PM: "America/Miquelon",
}

export function timeZonesFor(country: string | null | undefined, province?: string | null): readonly string[] | undefined {
  const code = country?.toUpperCase()
  if (!code) return undefined
  const region = province?.toUpperCase().replace(/^(US|CA)-/, "")
  if (code === "US" && region && US_STATES[region]) return US_STATES[region]
  if (code === "CA" && region && CA_PROVINCES[region]) return CA_PROVINCES[region]
  if (MULTI_ZONE[code]) return MULTI_ZONE[code]
  return SINGLE_ZONE[code] ? [SINGLE_ZONE[code]] : undefined
}
