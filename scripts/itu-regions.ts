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

import { REGION_IDS, REGION_NAMES, type RegionId } from '../src/model/regions.ts';

/** The six regions' ids and names: one list, shared with the app (src/model/regions.ts). */
export const ITU_REGION_IDS = REGION_IDS;
export type ItuRegionId = RegionId;
export const ITU_REGION_NAMES = REGION_NAMES;

/**
 * Economies that ITU lists in each of its six regions (ISO3 codes as in the DataHub export, space-separated;
 * the count of each list is in its comment).
 */
const LISTED_BY_REGION: Readonly<Record<ItuRegionId, string>> = {
  // Africa (44)
  africa:
    'AGO BDI BEN BFA BWA CAF CIV CMR COD COG CPV ERI ETH GAB GHA GIN GMB GNB GNQ KEN LBR LSO MDG MLI MOZ ' +
    'MUS MWI NAM NER NGA RWA SEN SLE SSD STP SWZ SYC TCD TGO TZA UGA ZAF ZMB ZWE',
  // Americas (35)
  americas:
    'ARG ATG BHS BLZ BOL BRA BRB CAN CHL COL CRI CUB DMA DOM ECU GRD GTM GUY HND HTI JAM KNA LCA MEX NIC ' +
    'PAN PER PRY SLV SUR TTO URY USA VCT VEN',
  // Arab States (21 Member States + State of Palestine)
  'arab-states': 'ARE BHR COM DJI DZA EGY IRQ JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR TUN YEM',
  // Asia-Pacific (38)
  'asia-pacific':
    'AFG AUS BGD BRN BTN CHN FJI FSM IDN IND IRN JPN KHM KIR KOR LAO LKA MDV MHL MMR MNG MYS NPL NRU NZL ' +
    'PAK PHL PNG PRK SGP SLB THA TLS TON TUV VNM VUT WSM',
  // CIS (10)
  cis: 'ARM AZE BLR KAZ KGZ RUS TJK TKM UKR UZB',
  // Europe (45; GEO and MDA see header)
  europe:
    'ALB AND AUT BEL BGR BIH CHE CYP CZE DEU DNK ESP EST FIN FRA GBR GEO GRC HRV HUN IRL ISL ISR ITA LIE ' +
    'LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU SMR SRB SVK SVN SWE TUR VAT',
};

/** Economies that ITU lists in one of its six regions: ISO3 -> region. */
export const ITU_REGIONS: Readonly<Record<string, ItuRegionId>> = Object.fromEntries(
  ITU_REGION_IDS.flatMap((region) => LISTED_BY_REGION[region].split(' ').map((iso3) => [iso3, region] as const)),
);

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
