/**
 * ISO3 -> ITU region, as data, for `npm run data:build` (scripts/data-build.ts).
 *
 * Classification followed: ITU-D Statistics, "ITU regions" (BDT regional classification used for the
 * Facts and Figures / Key ICT indicators aggregates), https://www.itu.int/en/ITU-D/Statistics/Pages/definitions/regions.aspx
 * Access date: the page could NOT be fetched from the build environment (no web access); the list was written
 * on 2026-11-27 from the classification as known to the author and checked for consistency against the member
 * counts instead: Africa 44, Americas 35, Arab States 21 Member States plus the State of Palestine,
 * Asia-Pacific 38, CIS 10, Europe 45 = 193 ITU Member States. Re-check against the page when online.
 *
 * Ids are the ones in itu-country-series.csv (ITU DataHub), which are ISO 3166-1 alpha-3 except ITU's own
 * codes for Guernsey (AAA), Jersey (GBJ), Kosovo (KSO) and the dissolved Netherlands Antilles (ANT).
 *
 * Where I was unsure (see also the data-build report):
 *  - GEO (Georgia) and MDA (Moldova): older ITU lists counted them in the CIS region (12 countries); recent
 *    ITU material counts a 10-country CIS region (the 10 below), which leaves Georgia and Moldova in Europe.
 *    Placed in Europe; not verified against the live page. A check against the Nov 2024 CIS aggregates
 *    (population-weighted country Internet use and LTE coverage, 2019-2023) fits the 10-country CIS slightly
 *    better than the 12-country one, but the difference is a few tenths of a point: weak evidence.
 *  - PSE (State of Palestine): not an ITU Member State, but a League of Arab States member that ITU counts in
 *    the Arab States region; kept in ITU_REGIONS.
 *  - HKG, MAC (Hong Kong, Macao, China): ITU reports them as separate economies but the regions page lists
 *    Member States; treated as territories placed by geography (Asia-Pacific).
 *  - GRL (Greenland): placed by geography (Americas), although it belongs to the Kingdom of Denmark (Europe).
 *  - MYT (Mayotte), REU (Réunion), SHN (St. Helena), ASC (Ascension): placed by geography in Africa.
 *  - KSO (Kosovo), TWN (Taiwan, Province of China), PLW (Palau: a UN member but not an ITU Member State),
 *    COK (Cook Islands), NIU (Niue): not in ITU's lists; placed by geography.
 */

export const ITU_REGION_IDS = ['africa', 'americas', 'arab-states', 'asia-pacific', 'cis', 'europe'] as const;
export type ItuRegionId = (typeof ITU_REGION_IDS)[number];

export const ITU_REGION_NAMES: Readonly<Record<ItuRegionId, string>> = {
  africa: 'Africa',
  americas: 'Americas',
  'arab-states': 'Arab States',
  'asia-pacific': 'Asia-Pacific',
  cis: 'CIS',
  europe: 'Europe',
};

/** Economies that ITU lists in one of its six regions. */
export const ITU_REGIONS = {
  // Africa (44)
  AGO: 'africa', BDI: 'africa', BEN: 'africa', BFA: 'africa', BWA: 'africa', CAF: 'africa', CIV: 'africa',
  CMR: 'africa', COD: 'africa', COG: 'africa', CPV: 'africa', ERI: 'africa', ETH: 'africa', GAB: 'africa',
  GHA: 'africa', GIN: 'africa', GMB: 'africa', GNB: 'africa', GNQ: 'africa', KEN: 'africa', LBR: 'africa',
  LSO: 'africa', MDG: 'africa', MLI: 'africa', MOZ: 'africa', MUS: 'africa', MWI: 'africa', NAM: 'africa',
  NER: 'africa', NGA: 'africa', RWA: 'africa', SEN: 'africa', SLE: 'africa', SSD: 'africa', STP: 'africa',
  SWZ: 'africa', SYC: 'africa', TCD: 'africa', TGO: 'africa', TZA: 'africa', UGA: 'africa', ZAF: 'africa',
  ZMB: 'africa', ZWE: 'africa',

  // Americas (35)
  ARG: 'americas', ATG: 'americas', BHS: 'americas', BLZ: 'americas', BOL: 'americas', BRA: 'americas',
  BRB: 'americas', CAN: 'americas', CHL: 'americas', COL: 'americas', CRI: 'americas', CUB: 'americas',
  DMA: 'americas', DOM: 'americas', ECU: 'americas', GRD: 'americas', GTM: 'americas', GUY: 'americas',
  HND: 'americas', HTI: 'americas', JAM: 'americas', KNA: 'americas', LCA: 'americas', MEX: 'americas',
  NIC: 'americas', PAN: 'americas', PER: 'americas', PRY: 'americas', SLV: 'americas', SUR: 'americas',
  TTO: 'americas', URY: 'americas', USA: 'americas', VCT: 'americas', VEN: 'americas',

  // Arab States (21 Member States + State of Palestine)
  ARE: 'arab-states', BHR: 'arab-states', COM: 'arab-states', DJI: 'arab-states', DZA: 'arab-states',
  EGY: 'arab-states', IRQ: 'arab-states', JOR: 'arab-states', KWT: 'arab-states', LBN: 'arab-states',
  LBY: 'arab-states', MAR: 'arab-states', MRT: 'arab-states', OMN: 'arab-states', PSE: 'arab-states',
  QAT: 'arab-states', SAU: 'arab-states', SDN: 'arab-states', SOM: 'arab-states', SYR: 'arab-states',
  TUN: 'arab-states', YEM: 'arab-states',

  // Asia-Pacific (38)
  AFG: 'asia-pacific', AUS: 'asia-pacific', BGD: 'asia-pacific', BRN: 'asia-pacific', BTN: 'asia-pacific',
  CHN: 'asia-pacific', FJI: 'asia-pacific', FSM: 'asia-pacific', IDN: 'asia-pacific', IND: 'asia-pacific',
  IRN: 'asia-pacific', JPN: 'asia-pacific', KHM: 'asia-pacific', KIR: 'asia-pacific', KOR: 'asia-pacific',
  LAO: 'asia-pacific', LKA: 'asia-pacific', MDV: 'asia-pacific', MHL: 'asia-pacific', MMR: 'asia-pacific',
  MNG: 'asia-pacific', MYS: 'asia-pacific', NPL: 'asia-pacific', NRU: 'asia-pacific', NZL: 'asia-pacific',
  PAK: 'asia-pacific', PHL: 'asia-pacific', PNG: 'asia-pacific', PRK: 'asia-pacific', SGP: 'asia-pacific',
  SLB: 'asia-pacific', THA: 'asia-pacific', TLS: 'asia-pacific', TON: 'asia-pacific', TUV: 'asia-pacific',
  VNM: 'asia-pacific', VUT: 'asia-pacific', WSM: 'asia-pacific',

  // CIS (10)
  ARM: 'cis', AZE: 'cis', BLR: 'cis', KAZ: 'cis', KGZ: 'cis', RUS: 'cis', TJK: 'cis', TKM: 'cis', UKR: 'cis',
  UZB: 'cis',

  // Europe (45; GEO and MDA see header)
  ALB: 'europe', AND: 'europe', AUT: 'europe', BEL: 'europe', BGR: 'europe', BIH: 'europe', CHE: 'europe',
  CYP: 'europe', CZE: 'europe', DEU: 'europe', DNK: 'europe', ESP: 'europe', EST: 'europe', FIN: 'europe',
  FRA: 'europe', GBR: 'europe', GEO: 'europe', GRC: 'europe', HRV: 'europe', HUN: 'europe', IRL: 'europe',
  ISL: 'europe', ISR: 'europe', ITA: 'europe', LIE: 'europe', LTU: 'europe', LUX: 'europe', LVA: 'europe',
  MCO: 'europe', MDA: 'europe', MKD: 'europe', MLT: 'europe', MNE: 'europe', NLD: 'europe', NOR: 'europe',
  POL: 'europe', PRT: 'europe', ROU: 'europe', SMR: 'europe', SRB: 'europe', SVK: 'europe', SVN: 'europe',
  SWE: 'europe', TUR: 'europe', VAT: 'europe',
} as const satisfies Record<string, ItuRegionId>;

/**
 * Economies in the DataHub export that ITU does not place in a region (territories and non-members):
 * region of their geography. The build adds the note REGION_BY_GEOGRAPHY_NOTE to each of them.
 */
export const REGION_BY_GEOGRAPHY = {
  AAA: 'europe', // Guernsey
  ABW: 'americas', // Aruba
  AIA: 'americas', // Anguilla
  ANT: 'americas', // Netherlands Antilles (dissolved 2010)
  ASC: 'africa', // Ascension
  ASM: 'asia-pacific', // American Samoa
  BMU: 'americas', // Bermuda
  CCK: 'asia-pacific', // Cocos (Keeling) Islands
  COK: 'asia-pacific', // Cook Islands
  CUW: 'americas', // Curaçao
  CYM: 'americas', // Cayman Islands
  FLK: 'americas', // Falkland (Malvinas) Islands
  FRO: 'europe', // Faroe Islands
  GBJ: 'europe', // Jersey
  GIB: 'europe', // Gibraltar
  GLP: 'americas', // Guadeloupe
  GRL: 'americas', // Greenland (geography; politically Kingdom of Denmark)
  GUF: 'americas', // French Guiana
  GUM: 'asia-pacific', // Guam
  HKG: 'asia-pacific', // Hong Kong, China
  KSO: 'europe', // Kosovo
  MAC: 'asia-pacific', // Macao, China
  MNP: 'asia-pacific', // Northern Mariana Islands
  MSR: 'americas', // Montserrat
  MTQ: 'americas', // Martinique
  MYT: 'africa', // Mayotte
  NCL: 'asia-pacific', // New Caledonia
  NFK: 'asia-pacific', // Norfolk Island
  NIU: 'asia-pacific', // Niue
  PLW: 'asia-pacific', // Palau (UN member, not an ITU Member State)
  PRI: 'americas', // Puerto Rico
  PYF: 'asia-pacific', // French Polynesia
  REU: 'africa', // Réunion
  SHN: 'africa', // St. Helena
  SPM: 'americas', // St. Pierre and Miquelon
  SXM: 'americas', // Sint Maarten
  TCA: 'americas', // Turks and Caicos Islands
  TKL: 'asia-pacific', // Tokelau
  TWN: 'asia-pacific', // Taiwan, Province of China
  VGB: 'americas', // British Virgin Islands
  VIR: 'americas', // United States Virgin Islands
  WLF: 'asia-pacific', // Wallis and Futuna
} as const satisfies Record<string, ItuRegionId>;

export const REGION_BY_GEOGRAPHY_NOTE = 'region assigned by geography, not listed by ITU';

/**
 * Economies in ITU_REGIONS that are not ITU Member States. ITU has 193 Member States (the UN members less
 * Palau, plus the Holy See, VAT); the State of Palestine is in ITU's Arab States region without being one.
 * Every economy in REGION_BY_GEOGRAPHY is a territory or non-member, so it is not a Member State either.
 */
export const NOT_ITU_MEMBER_STATES: readonly string[] = ['PSE'];

/** True when ITU lists the economy in a region and it is an ITU Member State (used for `members` counts). */
export function isItuMemberState(iso3: string): boolean {
  return Object.prototype.hasOwnProperty.call(ITU_REGIONS, iso3) && !NOT_ITU_MEMBER_STATES.includes(iso3);
}
