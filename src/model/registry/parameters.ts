// Parameter registry: every effect size, rate and unit cost the model uses, with its central value,
// its plausible range and either a source (id in data/curated/sources.json) and year, or the label
// "assumption" with a one-line reason. ParameterId is derived from it. The Monte Carlo draws every
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
  /** How the value was read or derived from the source, or why the assumption is what it is. */
  basis: string;
  group: 'cost' | 'effect' | 'trend' | 'structure';
}

export const PARAMETERS = [
  // ---- network rollout -------------------------------------------------------------------------
  { id: 'siteCapexUsd', label: 'Capex per rural 4G site', unit: 'USD per site', central: 100000, low: 10000, high: 150000, kind: 'sourced', sources: ['rural-site-cost', 'rural-tower-150k'], year: 2018, group: 'cost',
    basis: 'Standard rural tower about USD 100,000 (Huawei RuralStar comparison, 2018); low-cost pole site about USD 10,000; remote African tower USD 150,000 (2024).' },
  { id: 'siteOpexShare', label: 'Site running cost', unit: 'share of capex per year', central: 0.1, low: 0.05, high: 0.2, kind: 'sourced', sources: ['pytal-cost-defaults'], year: 2020, group: 'cost',
    basis: 'Open-source techno-economic model default: opex 10% of capex per year; range is an assumption.' },
  { id: 'peoplePerSite', label: 'People newly covered per rural site', unit: 'people per site', central: 2500, low: 1000, high: 6000, kind: 'assumption', sources: ['ch2020-bts', 'catb2019-bts'], group: 'structure',
    basis: 'No direct figure. Connecting Humanity plans 2.6 million 4G sites for the unconnected; rural cells serve a few thousand people each.' },
  { id: 'remoteCostExponent', label: 'Steepness of last-mile cost', unit: 'exponent', central: 1, low: 0.5, high: 2, kind: 'assumption', sources: ['gsma-rural-cost-mult', 'ch2020-remote-rural'], group: 'structure',
    basis: 'Cost per person covered grows as (base gap ÷ remaining gap)^k: each halving of the gap doubles the cost at k = 1. Rural sites cost up to 2x and earn up to 10x less (GSMA).' },
  { id: 'satelliteGapPct', label: 'Population only reachable by satellite', unit: '% of population', central: 3, low: 1, high: 4, kind: 'assumption', sources: ['ch2020-remote-rural', 'catb2019-remote'], group: 'structure',
    basis: 'The final 1–4% of people are remote: 12% of the unconnected live in remote rural places (ITU 2020); 100 million Africans are out of reach of mobile networks (2019).' },
  { id: 'satelliteCostPerPerson', label: 'Satellite access cost per person', unit: 'USD per person', central: 150, low: 80, high: 400, kind: 'assumption', sources: ['leo-starlink-africa'], group: 'cost',
    basis: 'LEO kit USD 178–634 (Africa, 2023–2025) shared by a household or community access point of 3–6 people, plus a first year of service.' },
  // ---- affordability and devices ----------------------------------------------------------------
  { id: 'priceElasticity', label: 'Usage response to price', unit: '% more potential users per % price cut', central: 0.5, low: 0.1, high: 1.9, kind: 'assumption', sources: ['elas-latam-fixed', 'elas-eap-eu', 'itu-afford-groups'], group: 'effect',
    basis: 'Elasticities run from about −1.9 (Latin America, fixed, 2011) to about −0.1 or 0 (EU after 2020) and fall as penetration rises; the model scales it by the offline share.' },
  { id: 'handsetPriceUsd', label: 'Entry-level smartphone price', unit: 'USD per handset', central: 54, low: 30, high: 120, kind: 'sourced', sources: ['gsma-handset-54usd-2024'], year: 2024, group: 'cost',
    basis: 'GSMA State of Mobile Internet Connectivity 2025: USD 54 in low- and middle-income countries; a USD 30 device is the low end; higher for a mid-range device.' },
  { id: 'handsetSubsidyShare', label: 'Share of the handset price subsidised', unit: 'share', central: 0.5, low: 0.3, high: 1, kind: 'assumption', sources: ['elas-india-smartphone-subsidy'], group: 'cost',
    basis: 'A USD 16 subsidy lifted smartphone adoption by 10 points in India (about 30–50% of an entry price); a full handout is the high end.' },
  { id: 'handsetAdditionality', label: 'Subsidised handsets that make a new owner', unit: 'share', central: 0.6, low: 0.3, high: 0.9, kind: 'assumption', sources: ['subsidy-rwanda-phones'], group: 'effect',
    basis: 'Some recipients would have bought a phone anyway; Rwanda’s rural subsidy reached 8% of the phone stock and was used like retail phones.' },
  { id: 'deviceUseEffect', label: 'New phone owners who go online', unit: 'share', central: 0.5, low: 0.2, high: 0.8, kind: 'assumption', sources: ['gsma2025-barriers'], group: 'effect',
    basis: 'Handset cost is the first barrier to mobile Internet (GSMA 2025); not every new owner uses the Internet within the horizon.' },
  { id: 'householdConnectionUsd', label: 'Cost of a subsidised home connection', unit: 'USD per household', central: 400, low: 150, high: 700, kind: 'assumption', sources: ['leo-starlink-africa'], group: 'cost',
    basis: 'A fixed-wireless router or satellite kit (USD 178–634 in Africa, 2023–2025) with installation and a first year of service.' },
  { id: 'householdSize', label: 'People per household', unit: 'people', central: 4, low: 2.3, high: 5.5, kind: 'assumption', sources: [], group: 'structure',
    basis: 'Converts population into households; about 2.3 in Europe and over 5 in parts of Africa and the Arab States.' },
  { id: 'householdUseEffect', label: 'Use gain per point of households connected', unit: 'points of use per point of households', central: 0.5, low: 0.2, high: 0.9, kind: 'assumption', sources: ['hh-access-2015'], group: 'effect',
    basis: 'Some members of newly connected households were already online elsewhere; the rest become users.' },
  { id: 'householdsFollowUse', label: 'Household access gained per point of Internet use', unit: 'points per point', central: 0.8, low: 0.5, high: 1.1, kind: 'assumption', sources: ['hh-access-2015'], group: 'effect',
    basis: 'Household access and individual use moved nearly in step in ITU data 2010–2020 (world 30→~66% of households, 29→59% of people).' },
  // ---- schools ----------------------------------------------------------------------------------
  { id: 'schoolCapexUsd', label: 'Capex per school connected', unit: 'USD per school', central: 15000, low: 2000, high: 143000, kind: 'assumption', sources: ['giga-sample-cell-capex', 'giga-sample-p2p-capex', 'giga-sample-fiber-capex', 'giga-total-2024', 'giga-unconnected-schools'], group: 'cost',
    basis: 'Giga cost-model defaults run from about USD 200 (cellular) to several thousand (microwave, fibre at USD 5,000–9,100 per km); ITU’s USD 400 bn minimum for 2.8 million schools implies about USD 143,000 each including backbone.' },
  { id: 'schoolOpexUsdYear', label: 'Service cost per connected school', unit: 'USD per school per year', central: 1200, low: 300, high: 3000, kind: 'assumption', sources: ['leo-starlink-africa', 'giga-kyrgyz-savings'], group: 'cost',
    basis: 'A 20 Mbps service at USD 25–250 a month; Giga procurement cut costs 43–55% in pilots.' },
  { id: 'schoolsPer1000', label: 'Schools per 1,000 people', unit: 'schools', central: 0.8, low: 0.5, high: 1.2, kind: 'assumption', sources: ['giga-unconnected-schools'], group: 'structure',
    basis: 'Converts population into a count of schools; about 6–7 million primary and secondary schools for 8.1 billion people, of which 2.8 million unconnected (Giga).' },
  // ---- skills and inclusion ---------------------------------------------------------------------
  { id: 'trainingCostPerPerson', label: 'Cost per person trained', unit: 'USD per trainee', central: 20, low: 5, high: 60, kind: 'assumption', sources: ['pmgdisha-cost', 'itu-dtc-scale'], group: 'cost',
    basis: 'India’s 20-hour PMGDISHA course cost about USD 5–6 per candidate (2018); ITU–Cisco centres trained 500,000 with about USD 8 each of donor money; in-person courses elsewhere cost more.' },
  { id: 'trainingRetention', label: 'Trainees who keep basic skills', unit: 'share', central: 0.65, low: 0.4, high: 0.9, kind: 'sourced', sources: ['pmgdisha-scale'], year: 2023, group: 'effect',
    basis: 'PMGDISHA: 4.78 crore certified of 7.35 crore enrolled = 0.65; range is an assumption.' },
  { id: 'skillsUseEffect', label: 'Trainees who go online', unit: 'share', central: 0.3, low: 0.1, high: 0.6, kind: 'assumption', sources: ['mistt-spillover', 'gsma2025-barriers'], group: 'effect',
    basis: 'No causal estimate of training on Internet use was found (shared data README); lack of skills is a leading barrier, and each trainee helps about 1.1 others (MISTT).' },
  { id: 'inclusionCostPerPerson', label: 'Cost per person reached by inclusion programmes', unit: 'USD per person', central: 25, low: 5, high: 80, kind: 'assumption', sources: ['itu-dtc-scale', 'gsma-mgg2023'], group: 'cost',
    basis: 'Outreach and assisted access cost more than a course; about USD 8 per person for ITU–Cisco centres is the floor.' },
  { id: 'inclusionGapEffect', label: 'Gap closed per share reached', unit: 'share', central: 0.5, low: 0.2, high: 0.8, kind: 'assumption', sources: ['gsma-mgg2022', 'gsma-mgg2023'], group: 'effect',
    basis: 'The mobile gender gap fell from 25% (2017) to 15% (2020) and rose again to 19% (2022): targeted work moves it, but not one-for-one.' },
  { id: 'inclusionUseEffect', label: 'People reached by inclusion who go online', unit: 'share', central: 0.2, low: 0.05, high: 0.4, kind: 'assumption', sources: ['gsma-mgg2023', 'itu-dtc-scale'], group: 'effect',
    basis: 'Outreach converts some of the offline women, rural and older people it reaches; women are about half the offline population (GSMA 2023).' },
  // ---- institutions -----------------------------------------------------------------------------
  { id: 'cyberBuildUsd', label: 'Cost to build one missing cyber capability', unit: 'USD per capability', central: 1000000, low: 200000, high: 3000000, kind: 'assumption', sources: ['enisa-csirt-cost', 'itu-cirt-pacific-cost'], group: 'cost',
    basis: 'ENISA: CSIRT design EUR 75k–1m over 1–3 years plus hardware EUR 100–300k; ITU CIRT projects CHF 100–500k for 4 countries; a strategy or a law costs less.' },
  { id: 'cyberRunUsdYear', label: 'Running cost of a built cyber capability', unit: 'USD per capability per year', central: 300000, low: 120000, high: 1000000, kind: 'assumption', sources: ['enisa-csirt-cost'], group: 'cost',
    basis: 'ENISA: a minimal CSIRT needs 3 staff at EUR 120–180k a year; a 24/7 team EUR 480k; averaged over strategy, CIRT and legislation.' },
  { id: 'smeGrantUsd', label: 'Grant per SME', unit: 'USD per business', central: 1200, low: 600, high: 3000, kind: 'sourced', sources: ['sme-malaysia-grant'], year: 2020, group: 'cost',
    basis: 'Malaysia’s matching grant: 50% of the invoice capped at RM 5,000 (about USD 1,200); range is an assumption.' },
  { id: 'businessesPer1000', label: 'Businesses per 1,000 people', unit: 'businesses', central: 50, low: 20, high: 80, kind: 'assumption', sources: [], group: 'structure',
    basis: 'Converts population into a count of firms, mostly micro and small enterprises; no figure in the shared reference data.' },
  { id: 'smeAdditionality', label: 'Supported SMEs that go online because of it', unit: 'share', central: 0.7, low: 0.4, high: 0.9, kind: 'assumption', sources: ['sme-malaysia-grant'], group: 'effect',
    basis: 'Some grant recipients would have gone online anyway.' },
  { id: 'egovEffectPerUsd', label: 'E-government uptake gain per USD per person', unit: '% of the remaining uptake gap closed per USD per person per year', central: 0.8, low: 0.2, high: 2, kind: 'assumption', sources: ['egdi2024'], group: 'effect',
    basis: 'EGDI rose from 0.55 (2018) to 0.638 (2024) worldwide; no figure links spending to use, hence the wide range.' },
  // ---- environment ------------------------------------------------------------------------------
  { id: 'ewasteKgPerCapita', label: 'E-waste generated per person', unit: 'kg per person per year', central: 7.8, low: 2.5, high: 18, kind: 'sourced', sources: ['gem2024-rate'], year: 2022, group: 'structure',
    basis: 'Global E-waste Monitor 2024: 62 Mt generated in 2022 ÷ about 8 billion people; regional figures range widely.' },
  { id: 'ewasteTreatmentUsdPerTonne', label: 'Formal collection and treatment cost', unit: 'USD per tonne', central: 725, low: 400, high: 1500, kind: 'sourced', sources: ['gem2024-costs', 'gem2024-rate'], year: 2022, group: 'cost',
    basis: 'GEM 2024: USD 10 bn treatment cost for 13.8 Mt formally recycled ≈ USD 725 per tonne; range is an assumption.' },
  { id: 'ictElectricityShareOfEmissions', label: 'Share of ICT emissions from electricity', unit: 'share', central: 0.8, low: 0.6, high: 0.9, kind: 'assumption', sources: ['gdc2025-emissions'], group: 'structure',
    basis: 'Operational emissions of networks and data centres are mostly purchased electricity (581 TWh for the 200 largest digital firms, 2023).' },
  { id: 'greenCostUsdPerPersonPct', label: 'Cost of moving 1% of ICT energy to renewables', unit: 'USD per person per year', central: 0.05, low: 0.01, high: 0.2, kind: 'assumption', sources: ['gdc2025-emissions'], group: 'cost',
    basis: 'About 70 kWh of ICT electricity per person (581 TWh ÷ 8 bn) at a renewable premium of a few US cents per kWh.' },
  // ---- current trends: rates named '(no history)' apply only where no history calibrates them ----
  { id: 'trendRateMultiplier', label: 'Pace of current trends', unit: 'multiplier on every trend rate', central: 1, low: 0.7, high: 1.3, kind: 'assumption', sources: ['hist-median-pace'], group: 'trend',
    basis: 'A what-if on the pace of every trend. The Monte Carlo draws it for the gap-closing trends (schools, cyber, businesses, e-government) only: the pooled trends of coverage, ownership, use and households and the price draw their spread from out-of-sample errors instead (docs/MODEL.md, Uncertainty).' },
  { id: 'usageCeilingShare', label: 'Long-run adoption ceiling', unit: 'share of the population', central: 0.95, low: 0.85, high: 1, kind: 'assumption', sources: ['itu-ff2024-baselines'], group: 'trend',
    basis: 'The level Internet use, phone ownership and home access saturate at without new enabling measures; high-income countries reach 93% use (2024) with near-universal coverage.' },
  { id: 'schoolGapClosing', label: 'School connectivity gap closed per year (no history)', unit: 'share of gap per year', central: 0.04, low: 0.01, high: 0.08, kind: 'assumption', sources: ['giga-unconnected-schools'], group: 'trend',
    basis: 'No time series of school connectivity by region; 2.8 million schools were still unconnected around 2022.' },
  { id: 'cyberGapClosing', label: 'Cyber-capability gap closed per year (no history)', unit: 'share of gap per year', central: 0.107, low: 0.05, high: 0.15, kind: 'sourced', sources: ['gci2024-strategy'], year: 2024, group: 'trend',
    basis: 'Countries with a national strategy rose from 107 (2021) to 132 (2024) of 194: the gap fell from 87 to 62, about 10.7% a year.' },
  { id: 'businessGapClosing', label: 'Business connectivity gap closed per year (no history)', unit: 'share of gap per year', central: 0.06, low: 0.02, high: 0.12, kind: 'assumption', sources: [], group: 'trend',
    basis: 'No business-use series in the shared data; assumed slower than household adoption.' },
  { id: 'egovUptakeDrift', label: 'E-government uptake drift', unit: 'share of the remaining gap per year', central: 0.03, low: 0, high: 0.08, kind: 'assumption', sources: ['egdi2024'], group: 'trend',
    basis: 'EGDI improved by about 2.5% a year 2018–2024; uptake among capable users is assumed to follow slowly.' },
  { id: 'ewasteTrendPct', label: 'E-waste recycling-rate drift', unit: '% change of the rate per year', central: -1.3, low: -3, high: 1.5, kind: 'assumption', sources: ['gem2024-rate'], group: 'trend',
    basis: 'GEM 2024: 22.3% in 2022, with generation growing 2.3–2.6 Mt a year against 0.5 Mt more recycling; its projection of about 20% by 2030 is a fall of about 1.3% a year.' },
  { id: 'emissionsTrendPct', label: 'ICT emissions growth per year', unit: '% per year', central: 1.5, low: -2, high: 5, kind: 'assumption', sources: ['gdc2025-emissions', 'itu-t-l1470'], group: 'trend',
    basis: 'Data-centre electricity grew 12% a year 2017–2023 while operators decarbonised; net sector growth is uncertain.' },
  { id: 'gapSaturation', label: 'How fast gaps close as use saturates', unit: 'exponent', central: 1, low: 0.5, high: 1.5, kind: 'assumption', sources: ['itu-ff2024-baselines', 'gsma-somic2024-rural-gender'], group: 'trend',
    basis: 'Gaps shrink with the offline share: gap = base gap × (offline share ÷ base offline share)^ν.' },
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
