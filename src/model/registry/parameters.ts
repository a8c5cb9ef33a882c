// Parameter registry: every effect size, rate and unit cost the model uses, with its central value,
// its plausible range and either a source (id in data/curated/sources.json) and year, or the label
// "assumption"; why each value is what it is (its basis, in English) is in parameter-basis.ts. ParameterId is derived from it. The Monte Carlo draws every
// parameter from a triangular distribution on [low, high] with its mode at the central value.

export interface ParameterShape {
  id: string;
  label: string;
  unit: string;
  central: number;
  low: number;
  high: number;
  kind: 'sourced' | 'assumption';
  /** Source ids in data/curated/sources.json (for an assumption: what the guess leans on). */
  sources: readonly string[];
  year?: number;
  group: 'cost' | 'effect' | 'trend' | 'structure';
  /**
   * For a cost in USD: the figure as published and its price year. central, low and high are that
   * figure in constant USD of COST_PRICE_YEAR (see cost-money.ts), deflated with the US GDP deflator.
   */
  usd?: { nominal: number; year: number };
  /** A policy choice, not an uncertainty: the Monte Carlo keeps it at its central (or edited) value. */
  fixed?: true;
}

export const PARAMETERS = [
  // ---- network rollout (bottom-up, as ITU's Connecting Humanity costing: sites, backhaul, backbone, satellite, opex, capacity)
  { id: 'siteCapexUsd', label: 'Capex per rural 4G site', unit: 'USD (2024) per site', central: 122619, low: 12262, high: 150000, kind: 'assumption', sources: ['pytal-cost-defaults', 'ch2020-report', 'rural-site-cost', 'rural-tower-150k'], year: 2018, group: 'cost', usd: { nominal: 100000, year: 2018 } },
  { id: 'backhaulPerSiteUsd', label: 'Backhaul link per new site', unit: 'USD (2024) per site', central: 15000, low: 5000, high: 40000, kind: 'assumption', sources: ['pytal-cost-defaults', 'giga-cost-model'], group: 'cost' },
  { id: 'backboneKmPerSite', label: 'Backbone fibre per new site', unit: 'km per site', central: 0.27, low: 0.1, high: 0.6, kind: 'sourced', sources: ['ch2020-report'], year: 2020, group: 'structure' },
  { id: 'fibreUsdPerKm', label: 'Backbone fibre cost', unit: 'USD (2024) per km', central: 7500, low: 5000, high: 15000, kind: 'sourced', sources: ['giga-cost-model'], year: 2023, group: 'cost' },
  { id: 'siteOpexShare', label: 'Network running cost', unit: 'share of capex per year', central: 0.1, low: 0.05, high: 0.2, kind: 'sourced', sources: ['pytal-cost-defaults'], year: 2020, group: 'cost' },
  { id: 'peoplePerSite', label: 'People newly covered per rural site', unit: 'people per site', central: 1500, low: 600, high: 4000, kind: 'assumption', sources: ['ch2020-report', 'catb2019-total'], group: 'structure' },
  { id: 'remoteCostExponent', label: 'Steepness of last-mile cost', unit: 'exponent', central: 1, low: 0.5, high: 2, kind: 'assumption', sources: ['gsma-rural-cost-mult', 'ch2020-report'], group: 'structure' },
  { id: 'satelliteGapPct', label: 'Population only reachable by satellite', unit: '% of population', central: 2, low: 1, high: 4, kind: 'assumption', sources: ['ch2020-report', 'catb2019-total'], group: 'structure' },
  { id: 'satelliteCostPerPerson', label: 'Satellite access cost per person', unit: 'USD (2024) per person', central: 150, low: 80, high: 400, kind: 'assumption', sources: ['giga-cost-model', 'leo-starlink-africa', 'ch2020-report'], group: 'cost' },
  { id: 'capacityUsdPerUser', label: 'Network capacity per added user', unit: 'USD (2024) per added user per year', central: 30, low: 15, high: 50, kind: 'assumption', sources: ['gsmai-capex-2023-2030', 'gsma-policy-handbook-2023', 'ch2020-report'], group: 'cost' },
  // ---- affordability and devices ----------------------------------------------------------------
  { id: 'priceElasticity', label: 'Usage response to price', unit: '% more Internet users per % price cut', central: 0.5, low: 0.1, high: 1.9, kind: 'assumption', sources: ['elas-latam-fixed', 'elas-eap-eu', 'itu-afford-groups'], group: 'effect' },
  { id: 'priceResponseSpeed', label: 'Speed of the usage response to price', unit: 'share of the long-run response reached per year', central: 0.4, low: 0.2, high: 0.7, kind: 'assumption', sources: ['elas-latam-fixed', 'hist-top5yr'], group: 'effect' },
  { id: 'maxUseGainPerYear', label: 'Fastest adoption pace', unit: 'points of Internet use per year', central: 8, low: 6, high: 12, kind: 'sourced', sources: ['hist-median-pace', 'hist-top5yr', 'hist-aggregates'], year: 2022, group: 'effect' },
  { id: 'incomeGini', label: 'Income inequality (Gini)', unit: 'Gini index (0–1)', central: 0.38, low: 0.25, high: 0.55, kind: 'assumption', sources: ['wb-pip'], group: 'structure' },
  { id: 'discountRate', label: 'Discount rate', unit: '% per year', central: 0, low: 0, high: 6, kind: 'assumption', sources: ['ch2020-report'], group: 'cost', fixed: true },
  { id: 'handsetPriceUsd', label: 'Entry-level smartphone price', unit: 'USD (2024) per handset', central: 54, low: 30, high: 120, kind: 'assumption', sources: ['gsma-handset-54usd-2024', 'gsma-somic2025-release'], year: 2024, group: 'cost' },
  { id: 'handsetSubsidyShare', label: 'Share of the handset price subsidised', unit: 'share', central: 0.5, low: 0.3, high: 1, kind: 'assumption', sources: ['elas-india-smartphone-subsidy'], group: 'cost' },
  { id: 'handsetAdditionality', label: 'Subsidised handsets that make a new owner', unit: 'share', central: 0.6, low: 0.3, high: 0.9, kind: 'assumption', sources: ['subsidy-rwanda-phones'], group: 'effect' },
  { id: 'deviceUseEffect', label: 'New phone owners who go online', unit: 'share', central: 0.5, low: 0.2, high: 0.8, kind: 'assumption', sources: ['gsma-somic2025-release'], group: 'effect' },
  { id: 'householdConnectionUsd', label: 'Cost of a subsidised home connection', unit: 'USD (2024) per household', central: 400, low: 150, high: 700, kind: 'assumption', sources: ['giga-cost-model', 'leo-starlink-africa'], group: 'cost' },
  { id: 'householdSize', label: 'People per household', unit: 'people', central: 4, low: 2.3, high: 5.5, kind: 'assumption', sources: [], group: 'structure' },
  { id: 'householdUseEffect', label: 'Use gain per point of households connected', unit: 'points of use per point of households', central: 0.5, low: 0.2, high: 0.9, kind: 'assumption', sources: ['itu-key-ict-2022'], group: 'effect' },
  { id: 'householdsFollowUse', label: 'Household access gained per point of Internet use', unit: 'points per point', central: 1, low: 0.8, high: 1.25, kind: 'sourced', sources: ['itu-key-ict-2022'], year: 2020, group: 'effect' },
  // ---- schools ----------------------------------------------------------------------------------
  { id: 'schoolCapexUsd', label: 'Capex per school connected', unit: 'USD (2024) per school', central: 15000, low: 2000, high: 143000, kind: 'assumption', sources: ['giga-sample-cell-capex', 'giga-sample-p2p-capex', 'giga-sample-fiber-capex', 'giga-total-2024', 'giga-unconnected-schools'], group: 'cost' },
  { id: 'schoolOpexUsdYear', label: 'Service cost per connected school', unit: 'USD (2024) per school per year', central: 1200, low: 300, high: 3000, kind: 'assumption', sources: ['giga-kyrgyzstan', 'itu-giga-rwanda-2022', 'leo-starlink-africa'], group: 'cost' },
  { id: 'schoolsPer1000', label: 'Schools per 1,000 people', unit: 'schools', central: 0.8, low: 0.5, high: 1.2, kind: 'assumption', sources: ['giga-unconnected-schools'], group: 'structure' },
  // ---- skills and inclusion ---------------------------------------------------------------------
  { id: 'trainingCostPerPerson', label: 'Cost per person trained', unit: 'USD (2024) per trainee', central: 20, low: 5, high: 60, kind: 'assumption', sources: ['pib-pmgdisha-2022', 'pmgdisha-cost', 'itu-dtc-scale'], group: 'cost' },
  { id: 'trainingRetention', label: 'Trainees who keep basic skills', unit: 'share', central: 0.63, low: 0.4, high: 0.9, kind: 'assumption', sources: ['pib-pmgdisha-2022', 'pmgdisha-scale'], year: 2022, group: 'effect' },
  { id: 'skillsUseEffect', label: 'Trainees who go online', unit: 'share', central: 0.3, low: 0.1, high: 0.6, kind: 'assumption', sources: ['gsma-mistt-results', 'mistt-spillover', 'gsma-somic2025-release'], group: 'effect' },
  { id: 'inclusionCostPerPerson', label: 'Cost per person reached by inclusion programmes', unit: 'USD (2024) per person', central: 25, low: 5, high: 80, kind: 'assumption', sources: ['itu-dtc-scale', 'gsma-mgg2023'], group: 'cost' },
  { id: 'inclusionGapEffect', label: 'Gap closed per share reached', unit: 'share', central: 0.5, low: 0.2, high: 0.8, kind: 'assumption', sources: ['gsma-mgg2022', 'gsma-mgg2023', 'gsma-mgg2024'], group: 'effect' },
  { id: 'inclusionUseEffect', label: 'People reached by inclusion who go online', unit: 'share', central: 0.2, low: 0.05, high: 0.4, kind: 'assumption', sources: ['gsma-mgg2023', 'itu-dtc-scale'], group: 'effect' },
  // ---- institutions -----------------------------------------------------------------------------
  { id: 'cyberBuildUsd', label: 'Cost to build one missing cyber capability', unit: 'USD (2024) per capability', central: 1000000, low: 200000, high: 3000000, kind: 'assumption', sources: ['enisa-csirt-cost', 'itu-cirt-pacific-cost'], group: 'cost' },
  { id: 'cyberRunUsdYear', label: 'Running cost of a built cyber capability', unit: 'USD (2024) per capability per year', central: 300000, low: 120000, high: 1000000, kind: 'assumption', sources: ['enisa-csirt-cost'], group: 'cost' },
  { id: 'smeGrantUsd', label: 'Grant per SME', unit: 'USD (2024) per business', central: 1428, low: 714, high: 3571, kind: 'assumption', sources: ['malaysia-sme-grant-terms', 'sme-malaysia-grant'], year: 2020, group: 'cost', usd: { nominal: 1200, year: 2020 } },
  { id: 'businessesPer1000', label: 'Businesses per 1,000 people', unit: 'businesses', central: 50, low: 20, high: 80, kind: 'assumption', sources: [], group: 'structure' },
  { id: 'smeAdditionality', label: 'Supported SMEs that go online because of it', unit: 'share', central: 0.7, low: 0.4, high: 0.9, kind: 'assumption', sources: [], group: 'effect' },
  { id: 'egovCostOverrun', label: 'E-government delivery cost overrun', unit: 'actual ÷ budgeted spend', central: 1.1, low: 0.95, high: 1.6, kind: 'assumption', sources: ['flyvbjerg-it-overrun'], group: 'cost' },
  { id: 'egovEffectPerUsd', label: 'E-government uptake gain per USD per person', unit: '% of the remaining uptake gap closed per USD per person per year', central: 0.8, low: 0.2, high: 2, kind: 'assumption', sources: ['un-egov-2024', 'egdi2024'], group: 'effect' },
  // ---- environment ------------------------------------------------------------------------------
  { id: 'ewasteKgPerCapita', label: 'E-waste generated per person', unit: 'kg per person per year', central: 7.8, low: 2.5, high: 18, kind: 'sourced', sources: ['gem2024-rate'], year: 2022, group: 'structure' },
  { id: 'ewasteTreatmentUsdPerTonne', label: 'Formal collection and treatment cost', unit: 'USD (2024) per tonne', central: 770, low: 425, high: 1594, kind: 'assumption', sources: ['gem2024-rate', 'gem2024-costs'], year: 2022, group: 'cost', usd: { nominal: 725, year: 2022 } },
  { id: 'ictElectricityShareOfEmissions', label: 'Share of ICT emissions from electricity', unit: 'share', central: 0.8, low: 0.6, high: 0.9, kind: 'assumption', sources: ['itu-gdc2025-release'], group: 'structure' },
  { id: 'greenCostUsdPerPersonPct', label: 'Cost of moving 1% of ICT energy to renewables', unit: 'USD (2024) per person per year', central: 0.05, low: 0.01, high: 0.2, kind: 'assumption', sources: ['itu-gdc2025-release'], group: 'cost' },
  // ---- current trends: rates named '(no history)' apply only where no history calibrates them ----
  { id: 'trendRateMultiplier', label: 'Pace of current trends', unit: 'multiplier on every trend rate', central: 1, low: 0.7, high: 1.3, kind: 'assumption', sources: ['hist-median-pace'], group: 'trend' },
  { id: 'usageCeilingShare', label: 'Long-run adoption ceiling', unit: 'share of the population', central: 0.95, low: 0.85, high: 1, kind: 'assumption', sources: ['itu-key-ict-2024'], group: 'trend' },
  { id: 'schoolGapClosing', label: 'School connectivity gap closed per year (no history)', unit: 'share of gap per year', central: 0.04, low: 0.01, high: 0.08, kind: 'assumption', sources: ['giga-unconnected-schools'], group: 'trend' },
  { id: 'cyberGapClosing', label: 'Cyber-capability gap closed per year (no history)', unit: 'share of gap per year', central: 0.107, low: 0.05, high: 0.15, kind: 'assumption', sources: ['gci2024-report', 'gci2024-strategy'], year: 2024, group: 'trend' },
  { id: 'businessGapClosing', label: 'Business connectivity gap closed per year (no history)', unit: 'share of gap per year', central: 0.06, low: 0.02, high: 0.12, kind: 'assumption', sources: [], group: 'trend' },
  { id: 'egovUptakeDrift', label: 'E-government uptake drift', unit: 'share of the remaining gap per year', central: 0.03, low: 0, high: 0.08, kind: 'assumption', sources: ['un-egov-2024', 'egdi2024'], group: 'trend' },
  { id: 'ewasteTrendPct', label: 'E-waste recycling-rate drift', unit: '% change of the rate per year', central: -1.3, low: -3, high: 1.5, kind: 'assumption', sources: ['gem2024-rate'], group: 'trend' },
  { id: 'emissionsTrendPct', label: 'ICT emissions growth per year', unit: '% per year', central: 1.5, low: -2, high: 5, kind: 'assumption', sources: ['itu-gdc2025-release', 'itu-t-l1470'], group: 'trend' },
  { id: 'gapSaturation', label: 'How fast gaps close as use saturates', unit: 'exponent', central: 1, low: 0.5, high: 1.5, kind: 'assumption', sources: ['itu-key-ict-2024', 'gsma-somic2025-release'], group: 'trend' },
] as const satisfies readonly ParameterShape[];

export type ParameterDef = (typeof PARAMETERS)[number];
export type ParameterId = ParameterDef['id'];
export const PARAMETER_COUNT = PARAMETERS.length;
export const PX = Object.fromEntries(PARAMETERS.map((p, i) => [p.id, i])) as { readonly [K in ParameterId]: number };
export const PARAMETER_BY_ID = Object.fromEntries(PARAMETERS.map((p) => [p.id, p])) as { readonly [K in ParameterId]: ParameterDef };

export function isParameterId(value: string): value is ParameterId {
  return Object.hasOwn(PX, value);
}

/** Central values as a typed array, in registry order. */
export function centralParameters(): Float64Array {
  return Float64Array.from(PARAMETERS, (p) => p.central);
}
