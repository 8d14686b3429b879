/** Country names in one language, keyed both ways the data and the map know a country. */
export interface CountryNames {
  /** ISO3 code → name. */
  byIso3: Record<string, string>;
  /** Three-digit M49 code → name (the map's shapes are keyed by M49). */
  byM49: Record<string, string>;
}
