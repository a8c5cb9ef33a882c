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
  { id: 'siteCapexUsd', label: 'Capex per rural 4G site', unit: 'USD (2024) per site', central: 122619, low: 12262, high: 150000, kind: 'assumption', sources: ['pytal-cost-defaults', 'ch2020-report', 'rural-site-cost', 'rural-tower-150k'], year: 2018, group: 'cost', usd: { nominal: 100000, year: 2018 },
    basis: 'Standard rural macro site about USD 100,000 in 2018 (= USD 122,619 in 2024 USD; MTN/Huawei comparison); a low-cost pole site about USD 10,000 (2018); the pytal techno-economic model’s defaults add up to USD 30,000–40,000 for equipment and civil works; a remote African tower about USD 150,000 (2024, The Economist). No primary publication of a rural site’s cost was found (Connecting Humanity gives site counts, not unit costs): the central value and the range rest on vendor figures reported by the press and on pytal’s defaults, hence an assumption.' },
  { id: 'backhaulPerSiteUsd', label: 'Backhaul link per new site', unit: 'USD (2024) per site', central: 15000, low: 5000, high: 40000, kind: 'assumption', sources: ['pytal-cost-defaults', 'giga-cost-model'], group: 'cost',
    basis: 'A microwave hop or short fibre spur from the new site to the nearest aggregation point: pytal’s transport default is USD 5,000 (low end); Giga’s point-to-point microwave defaults are USD 2,000–2,200 per link plus a USD 1,000–2,500 tower per end; several hops or a fibre spur at USD 5,000–9,100 per km (Giga) reach the high end.' },
  { id: 'backboneKmPerSite', label: 'Backbone fibre per new site', unit: 'km per site', central: 0.27, low: 0.1, high: 0.6, kind: 'sourced', sources: ['ch2020-report'], year: 2020, group: 'structure',
    basis: 'ITU Connecting Humanity (2020): about 700,000 km of backbone fibre alongside 2.6 million new 4G base stations = 0.27 km per site; range is an assumption (denser in Africa: World Bank 2019 plans 250,000 km for 250,000 sites).' },
  { id: 'fibreUsdPerKm', label: 'Backbone fibre cost', unit: 'USD (2024) per km', central: 7500, low: 5000, high: 15000, kind: 'sourced', sources: ['giga-cost-model'], year: 2023, group: 'cost',
    basis: 'Giga open cost model country defaults: USD 5,000 (Brazil), 5,500 (sample), 7,500 (Rwanda), 9,100 (Sierra Leone) per km; long-haul routes with ducts cost more (high end, assumption). Giga’s figures are treated as 2024 USD (configurations of 2023; under 3% deflation ignored).' },
  { id: 'siteOpexShare', label: 'Network running cost', unit: 'share of capex per year', central: 0.1, low: 0.05, high: 0.2, kind: 'sourced', sources: ['pytal-cost-defaults'], year: 2020, group: 'cost',
    basis: 'Open-source techno-economic model default: opex 10% of capex per year (power, site rental, maintenance), applied to every site, link and satellite terminal built; range is an assumption.' },
  { id: 'peoplePerSite', label: 'People newly covered per rural site', unit: 'people per site', central: 1500, low: 600, high: 4000, kind: 'assumption', sources: ['ch2020-report', 'catb2019-total'], group: 'structure',
    basis: 'Connecting Humanity plans 2.6 million 4G sites for about 3 billion unconnected people, many of them already covered (about 1,100 per site); the World Bank’s Africa plan, 250,000 sites for about 1.1 billion people. People per site falls as coverage nears 100% (see remoteCostExponent).' },
  { id: 'remoteCostExponent', label: 'Steepness of last-mile cost', unit: 'exponent', central: 1, low: 0.5, high: 2, kind: 'assumption', sources: ['gsma-rural-cost-mult', 'ch2020-report'], group: 'structure',
    basis: 'People per new site fall as (remaining gap ÷ base gap)^k: each halving of the uncovered share halves the people a site serves at k = 1, so the cost per person doubles. Rural sites cost up to 2x and earn up to 10x less (GSMA to ITU-D, 2019).' },
  { id: 'satelliteGapPct', label: 'Population only reachable by satellite', unit: '% of population', central: 2, low: 1, high: 4, kind: 'assumption', sources: ['ch2020-report', 'catb2019-total'], group: 'structure',
    basis: 'The final 1–4% of people are too remote for a terrestrial site: 12% of the unconnected live in remote rural places (ITU 2020); 100 million Africans are out of reach of mobile networks (World Bank 2019).' },
  { id: 'satelliteCostPerPerson', label: 'Satellite access cost per person', unit: 'USD (2024) per person', central: 150, low: 80, high: 400, kind: 'assumption', sources: ['giga-cost-model', 'leo-starlink-africa', 'ch2020-report'], group: 'cost',
    basis: 'A LEO terminal at USD 405–600 installed per school in Giga’s cost-model defaults (Brazil, Rwanda, Sierra Leone, 2023) and USD 178–634 in African consumer price reports (2023–2025), shared by a household or community access point of 3–6 people, plus a first year of service; running costs then follow siteOpexShare.' },
  { id: 'capacityUsdPerUser', label: 'Network capacity per added user', unit: 'USD (2024) per added user per year', central: 30, low: 15, high: 50, kind: 'assumption', sources: ['gsmai-capex-2023-2030', 'gsma-policy-handbook-2023', 'ch2020-report'], group: 'cost',
    basis: 'Capacity upgrades (radio, carriers, transport, with their running costs) in covered areas for each user kept online above current trends, every year they are online. GSMA Intelligence: mobile operator capex USD 1.5 trillion in 2023–2030 (USD 187.5 bn a year) for more than 5.5 billion subscribers (GSMA, end of 2022): about USD 34 per subscriber a year, mostly 5G. Lower where networks have spare capacity, higher for heavy data use; that the average applies to an added user is the assumption.' },
  // ---- affordability and devices ----------------------------------------------------------------
  { id: 'priceElasticity', label: 'Usage response to price', unit: '% more Internet users per % price cut', central: 0.5, low: 0.1, high: 1.9, kind: 'assumption', sources: ['elas-latam-fixed', 'elas-eap-eu', 'itu-afford-groups'], group: 'effect',
    basis: 'Elasticities run from about −1.9 (Latin America, fixed, 2011) to about −0.1 or 0 (EU after 2020) and fall as penetration rises. Applied as stated: a 10% cut raises Internet use by 0.5 × 10% = 5% of its level, before the headroom limit (docs/MODEL.md).' },
  { id: 'priceResponseSpeed', label: 'Speed of the usage response to price', unit: 'share of the long-run response reached per year', central: 0.4, low: 0.2, high: 0.7, kind: 'assumption', sources: ['elas-latam-fixed', 'hist-top5yr'], group: 'effect',
    basis: 'Elasticities are long-run: people need a device, skills and a reason before a cheaper plan brings them online. At 0.4 the response is 40% complete after one year and 92% after five; the fastest national adoption on record (about 7 points a year) bounds the high end.' },
  { id: 'maxUseGainPerYear', label: 'Fastest adoption pace', unit: 'points of Internet use per year', central: 8, low: 6, high: 12, kind: 'sourced', sources: ['hist-median-pace', 'hist-top5yr', 'hist-aggregates'], year: 2022, group: 'effect',
    basis: 'No lever mix raises Internet use faster than this in one year (organic diffusion may). ITU series 2015–2022: the p90 of 5-year national gains from below 50% is 7.2–8.0 points a year (median 4.3–4.6); the fastest on record 10.4–12 (Mongolia 2017–22); World’s largest one-year gain +6.1 (2020). Gains computed from ITU data by the shared-data compiler.' },
  { id: 'incomeGini', label: 'Income inequality (Gini)', unit: 'Gini index (0–1)', central: 0.38, low: 0.25, high: 0.55, kind: 'assumption', sources: ['wb-pip'], group: 'structure',
    basis: 'Sets the lognormal income distribution that decides who pays more than 2% of income for the entry basket: national Gini indices run from about 0.25 (Nordic, CIS) to over 0.55 (southern Africa) in the World Bank Poverty and Inequality Platform; 0.38 is near the median economy.' },
  { id: 'discountRate', label: 'Discount rate', unit: '% per year', central: 0, low: 0, high: 6, kind: 'assumption', sources: ['ch2020-report'], group: 'cost', fixed: true,
    basis: 'A policy choice, not an uncertainty (the Monte Carlo keeps it fixed): 0% sums constant-dollar costs as ITU’s costings do; 3% is a social rate common for public investment; 6% is near a telecom operator’s real cost of capital. Costs are present values at the base year.' },
  { id: 'handsetPriceUsd', label: 'Entry-level smartphone price', unit: 'USD (2024) per handset', central: 54, low: 30, high: 120, kind: 'assumption', sources: ['gsma-handset-54usd-2024', 'gsma-somic2025-release'], year: 2024, group: 'cost',
    basis: 'GSMA State of Mobile Internet Connectivity 2025: USD 54 in low- and middle-income countries (2024), read only in a news copy; GSMA’s own release gives the price as 16% of average monthly income and names a USD 30 device as the affordable target (the low end); higher for a mid-range device. Labelled an assumption because the USD figure is second-hand.' },
  { id: 'handsetSubsidyShare', label: 'Share of the handset price subsidised', unit: 'share', central: 0.5, low: 0.3, high: 1, kind: 'assumption', sources: ['elas-india-smartphone-subsidy'], group: 'cost',
    basis: 'A USD 16 subsidy lifted smartphone adoption by 10 points in India (about 30–50% of an entry price); a full handout is the high end.' },
  { id: 'handsetAdditionality', label: 'Subsidised handsets that make a new owner', unit: 'share', central: 0.6, low: 0.3, high: 0.9, kind: 'assumption', sources: ['subsidy-rwanda-phones'], group: 'effect',
    basis: 'Some recipients would have bought a phone anyway; Rwanda’s rural subsidy reached 8% of the phone stock and was used like retail phones.' },
  { id: 'deviceUseEffect', label: 'New phone owners who go online', unit: 'share', central: 0.5, low: 0.2, high: 0.8, kind: 'assumption', sources: ['gsma-somic2025-release'], group: 'effect',
    basis: 'Handset cost is a leading barrier to mobile Internet: an entry-level device costs 16% of average monthly income in LMICs, 48% for the poorest 20% (GSMA 2025); not every new owner uses the Internet within the horizon. No estimate of the share was found, hence the wide range.' },
  { id: 'householdConnectionUsd', label: 'Cost of a subsidised home connection', unit: 'USD (2024) per household', central: 400, low: 150, high: 700, kind: 'assumption', sources: ['giga-cost-model', 'leo-starlink-africa'], group: 'cost',
    basis: 'A fixed-wireless router or satellite kit with installation and a first year of service: Giga’s cost model puts a satellite installation at USD 405–600 per site (2023); consumer kits cost USD 178–634 in Africa (2023–2025, price reports).' },
  { id: 'householdSize', label: 'People per household', unit: 'people', central: 4, low: 2.3, high: 5.5, kind: 'assumption', sources: [], group: 'structure',
    basis: 'Converts population into households; about 2.3 in Europe and over 5 in parts of Africa and the Arab States.' },
  { id: 'householdUseEffect', label: 'Use gain per point of households connected', unit: 'points of use per point of households', central: 0.5, low: 0.2, high: 0.9, kind: 'assumption', sources: ['itu-key-ict-2022'], group: 'effect',
    basis: 'Some members of newly connected households were already online elsewhere; the rest become users. World households with Internet and individual use rose by similar amounts in 2010–2020 (ITU), which does not say how many in a newly connected home were offline before: the share is an assumption.' },
  { id: 'householdsFollowUse', label: 'Household access gained per point of Internet use', unit: 'points per point', central: 1, low: 0.8, high: 1.25, kind: 'sourced', sources: ['itu-key-ict-2022'], year: 2020, group: 'effect',
    basis: 'ITU Key ICT indicators (rev1 Jan 2022 edition, World): households with Internet 32.9% → 65.7% while individual use rose 28.5% → 59.1% in 2010–2020, 1.07 points of households per point of use; 0.96 in 2015–2020 and 1.25 in 2010–2015 (the range). Was 0.8 (0.5–1.1), read from a press summary.' },
  // ---- schools ----------------------------------------------------------------------------------
  { id: 'schoolCapexUsd', label: 'Capex per school connected', unit: 'USD (2024) per school', central: 15000, low: 2000, high: 143000, kind: 'assumption', sources: ['giga-sample-cell-capex', 'giga-sample-p2p-capex', 'giga-sample-fiber-capex', 'giga-total-2024', 'giga-unconnected-schools'], group: 'cost',
    basis: 'Giga cost-model defaults run from about USD 200 (cellular) to several thousand (microwave, fibre at USD 5,000–9,100 per km); ITU’s USD 400 bn minimum for 2.8 million schools implies about USD 143,000 each including backbone.' },
  { id: 'schoolOpexUsdYear', label: 'Service cost per connected school', unit: 'USD (2024) per school per year', central: 1200, low: 300, high: 3000, kind: 'assumption', sources: ['giga-kyrgyzstan', 'itu-giga-rwanda-2022', 'leo-starlink-africa'], group: 'cost',
    basis: 'A school service at USD 25–250 a month: Kyrgyzstan pays USD 28.5 a month for 4 Mbps after Giga’s negotiation (was USD 50; the low end); 20 Mbps by satellite or fixed wireless costs more (consumer LEO plans USD 46–65 a month, 2023–2025, price reports). Giga procurement cut costs 40–55% (Kyrgyzstan, Rwanda pilot). The central USD 100 a month is an assumption.' },
  { id: 'schoolsPer1000', label: 'Schools per 1,000 people', unit: 'schools', central: 0.8, low: 0.5, high: 1.2, kind: 'assumption', sources: ['giga-unconnected-schools'], group: 'structure',
    basis: 'Converts population into a count of schools; about 6–7 million primary and secondary schools for 8.1 billion people, of which 2.8 million unconnected (Giga).' },
  // ---- skills and inclusion ---------------------------------------------------------------------
  { id: 'trainingCostPerPerson', label: 'Cost per person trained', unit: 'USD (2024) per trainee', central: 20, low: 5, high: 60, kind: 'assumption', sources: ['pib-pmgdisha-2022', 'pmgdisha-cost', 'itu-dtc-scale'], group: 'cost',
    basis: 'India’s 20-hour PMGDISHA course: Rs 2,351.38 crore for 6 crore candidates = Rs 391.9 each (PIB 2022; Lok Sabha answer), about USD 6 at 2017 rates; ITU–Cisco centres trained 500,000 with about USD 8 each of donor money; in-person courses elsewhere cost more.' },
  { id: 'trainingRetention', label: 'Trainees who keep basic skills', unit: 'share', central: 0.63, low: 0.4, high: 0.9, kind: 'assumption', sources: ['pib-pmgdisha-2022', 'pmgdisha-scale'], year: 2022, group: 'effect',
    basis: 'PMGDISHA: 3.89 crore certified of 6.15 crore enrolled = 0.63 (PIB, July 2022); the final figures, 4.78 of 7.35 crore = 0.65 (2024), were read only in a press copy. Certification stands in for keeping the skills, hence an assumption; the range is an assumption. Was 0.65.' },
  { id: 'skillsUseEffect', label: 'Trainees who go online', unit: 'share', central: 0.3, low: 0.1, high: 0.6, kind: 'assumption', sources: ['gsma-mistt-results', 'mistt-spillover', 'gsma-somic2025-release'], group: 'effect',
    basis: 'No causal estimate of training on Internet use was found (shared data README); low literacy and digital skills are a leading barrier (GSMA 2025), and each trainee helped about 1.1 others in MTN Uganda’s training (GSMA MISTT study, read in a dig.watch summary). GSMA’s own MISTT results (Tigo Rwanda: 77% of 80,000 trainees used more data; Banglalink: +228% mobile internet use) concern people already online, so the share who go online stays an assumption.' },
  { id: 'inclusionCostPerPerson', label: 'Cost per person reached by inclusion programmes', unit: 'USD (2024) per person', central: 25, low: 5, high: 80, kind: 'assumption', sources: ['itu-dtc-scale', 'gsma-mgg2023'], group: 'cost',
    basis: 'Outreach and assisted access cost more than a course; about USD 8 per person for ITU–Cisco centres is the floor.' },
  { id: 'inclusionGapEffect', label: 'Gap closed per share reached', unit: 'share', central: 0.5, low: 0.2, high: 0.8, kind: 'assumption', sources: ['gsma-mgg2022', 'gsma-mgg2023', 'gsma-mgg2024'], group: 'effect',
    basis: 'The mobile internet gender gap in LMICs fell from 25% (2017) to 15% (2020), rose to 19% (2022) and fell back to 15% (2023) (GSMA): targeted work moves it, but not one-for-one.' },
  { id: 'inclusionUseEffect', label: 'People reached by inclusion who go online', unit: 'share', central: 0.2, low: 0.05, high: 0.4, kind: 'assumption', sources: ['gsma-mgg2023', 'itu-dtc-scale'], group: 'effect',
    basis: 'Outreach converts some of the offline women, rural and older people it reaches; 900 million women in LMICs do not use mobile internet (GSMA 2023). No conversion rate was found, hence the wide range.' },
  // ---- institutions -----------------------------------------------------------------------------
  { id: 'cyberBuildUsd', label: 'Cost to build one missing cyber capability', unit: 'USD (2024) per capability', central: 1000000, low: 200000, high: 3000000, kind: 'assumption', sources: ['enisa-csirt-cost', 'itu-cirt-pacific-cost'], group: 'cost',
    basis: 'ENISA: CSIRT design EUR 75k–1m over 1–3 years plus hardware EUR 100–300k; ITU CIRT projects CHF 100–500k for 4 countries; a strategy or a law costs less.' },
  { id: 'cyberRunUsdYear', label: 'Running cost of a built cyber capability', unit: 'USD (2024) per capability per year', central: 300000, low: 120000, high: 1000000, kind: 'assumption', sources: ['enisa-csirt-cost'], group: 'cost',
    basis: 'ENISA: a minimal CSIRT needs 3 staff at EUR 120–180k a year; a 24/7 team EUR 480k; averaged over strategy, CIRT and legislation.' },
  { id: 'smeGrantUsd', label: 'Grant per SME', unit: 'USD (2024) per business', central: 1428, low: 714, high: 3571, kind: 'assumption', sources: ['malaysia-sme-grant-terms', 'sme-malaysia-grant'], year: 2020, group: 'cost', usd: { nominal: 1200, year: 2020 },
    basis: 'Malaysia’s SME Digitalisation Grant: 50% of the invoice, capped at RM 5,000 (grant terms as reproduced by a registered provider; about USD 1,200 in 2020 = USD 1,428 in 2024 USD). The average approved grant was about RM 2,870 (5,087 SMEs, RM 14.6 m; minister’s reply, press report), between the low end (half the cap) and the cap; the range is an assumption. No government page was found, so it stays an assumption.' },
  { id: 'businessesPer1000', label: 'Businesses per 1,000 people', unit: 'businesses', central: 50, low: 20, high: 80, kind: 'assumption', sources: [], group: 'structure',
    basis: 'Converts population into a count of firms, mostly micro and small enterprises; no figure in the shared reference data.' },
  { id: 'smeAdditionality', label: 'Supported SMEs that go online because of it', unit: 'share', central: 0.7, low: 0.4, high: 0.9, kind: 'assumption', sources: [], group: 'effect',
    basis: 'Some grant recipients would have gone online anyway; no evaluation of the additionality of SME digitalisation grants was found (the Malaysian grant’s reports give uptake, not additionality), hence a wide range.' },
  { id: 'egovCostOverrun', label: 'E-government delivery cost overrun', unit: 'actual ÷ budgeted spend', central: 1.1, low: 0.95, high: 1.6, kind: 'assumption', sources: ['flyvbjerg-it-overrun'], group: 'cost',
    basis: 'The lever sets the budgeted spend per person; public IT projects overrun on average by about a quarter, with a fat tail (Flyvbjerg & Budzier, 1,471 IT projects); a slight underspend is the low end.' },
  { id: 'egovEffectPerUsd', label: 'E-government uptake gain per USD per person', unit: '% of the remaining uptake gap closed per USD per person per year', central: 0.8, low: 0.2, high: 2, kind: 'assumption', sources: ['un-egov-2024', 'egdi2024'], group: 'effect',
    basis: 'EGDI rose from 0.55 (2018) to 0.638 (2024) worldwide; no figure links spending to use, hence the wide range.' },
  // ---- environment ------------------------------------------------------------------------------
  { id: 'ewasteKgPerCapita', label: 'E-waste generated per person', unit: 'kg per person per year', central: 7.8, low: 2.5, high: 18, kind: 'sourced', sources: ['gem2024-rate'], year: 2022, group: 'structure',
    basis: 'Global E-waste Monitor 2024: 62 Mt generated in 2022 ÷ about 8 billion people; regional figures range widely.' },
  { id: 'ewasteTreatmentUsdPerTonne', label: 'Formal collection and treatment cost', unit: 'USD (2024) per tonne', central: 770, low: 425, high: 1594, kind: 'assumption', sources: ['gem2024-rate', 'gem2024-costs'], year: 2022, group: 'cost', usd: { nominal: 725, year: 2022 },
    basis: 'GEM 2024: USD 10 bn treatment cost for 13.8 Mt formally recycled ≈ USD 725 per tonne in 2022 (= USD 770 in 2024 USD). The 13.8 Mt is from ITU/UNITAR’s release; the USD 10 bn was read only in a news report of the GEM, so the value is labelled an assumption (was “sourced”); the range is an assumption.' },
  { id: 'ictElectricityShareOfEmissions', label: 'Share of ICT emissions from electricity', unit: 'share', central: 0.8, low: 0.6, high: 0.9, kind: 'assumption', sources: ['itu-gdc2025-release'], group: 'structure',
    basis: 'Operational emissions of networks and data centres are mostly purchased electricity (581 TWh for the 200 largest digital firms, 2023).' },
  { id: 'greenCostUsdPerPersonPct', label: 'Cost of moving 1% of ICT energy to renewables', unit: 'USD (2024) per person per year', central: 0.05, low: 0.01, high: 0.2, kind: 'assumption', sources: ['itu-gdc2025-release'], group: 'cost',
    basis: 'About 70 kWh of ICT electricity per person (581 TWh ÷ 8 bn) at a renewable premium of a few US cents per kWh.' },
  // ---- current trends: rates named '(no history)' apply only where no history calibrates them ----
  { id: 'trendRateMultiplier', label: 'Pace of current trends', unit: 'multiplier on every trend rate', central: 1, low: 0.7, high: 1.3, kind: 'assumption', sources: ['hist-median-pace'], group: 'trend',
    basis: 'A what-if on the pace of every trend. The Monte Carlo draws it for the gap-closing trends (schools, cyber, businesses, e-government) only: the pooled trends of coverage, ownership, use and households and the price draw their spread from out-of-sample errors instead (docs/MODEL.md, Uncertainty).' },
  { id: 'usageCeilingShare', label: 'Long-run adoption ceiling', unit: 'share of the population', central: 0.95, low: 0.85, high: 1, kind: 'assumption', sources: ['itu-key-ict-2024'], group: 'trend',
    basis: 'The level Internet use, phone ownership and home access saturate at without new enabling measures; high-income economies reached 93.4% use in 2024 (ITU Key ICT indicators, Nov 2024) with near-universal coverage.' },
  { id: 'schoolGapClosing', label: 'School connectivity gap closed per year (no history)', unit: 'share of gap per year', central: 0.04, low: 0.01, high: 0.08, kind: 'assumption', sources: ['giga-unconnected-schools'], group: 'trend',
    basis: 'No time series of school connectivity by region; 2.8 million schools were still unconnected around 2022.' },
  { id: 'cyberGapClosing', label: 'Cyber-capability gap closed per year (no history)', unit: 'share of gap per year', central: 0.107, low: 0.05, high: 0.15, kind: 'assumption', sources: ['gci2024-report', 'gci2024-strategy'], year: 2024, group: 'trend',
    basis: 'Countries with a national strategy rose from 107 (2021) to 132 (2024) of 194: the gap fell from 87 to 62, about 10.7% a year. The counts were read in Computer Weekly’s report of GCI 2024, not located in the report’s text, so the value is labelled an assumption that cites both.' },
  { id: 'businessGapClosing', label: 'Business connectivity gap closed per year (no history)', unit: 'share of gap per year', central: 0.06, low: 0.02, high: 0.12, kind: 'assumption', sources: [], group: 'trend',
    basis: 'No business-use series in the shared data; assumed slower than household adoption.' },
  { id: 'egovUptakeDrift', label: 'E-government uptake drift', unit: 'share of the remaining gap per year', central: 0.03, low: 0, high: 0.08, kind: 'assumption', sources: ['un-egov-2024', 'egdi2024'], group: 'trend',
    basis: 'EGDI improved by about 2.5% a year 2018–2024; uptake among capable users is assumed to follow slowly.' },
  { id: 'ewasteTrendPct', label: 'E-waste recycling-rate drift', unit: '% change of the rate per year', central: -1.3, low: -3, high: 1.5, kind: 'assumption', sources: ['gem2024-rate'], group: 'trend',
    basis: 'GEM 2024: 22.3% in 2022, with generation growing 2.3–2.6 Mt a year against 0.5 Mt more recycling; its projection of about 20% by 2030 is a fall of about 1.3% a year.' },
  { id: 'emissionsTrendPct', label: 'ICT emissions growth per year', unit: '% per year', central: 1.5, low: -2, high: 5, kind: 'assumption', sources: ['itu-gdc2025-release', 'itu-t-l1470'], group: 'trend',
    basis: 'Data-centre electricity grew 12% a year 2017–2023 while operators decarbonised; net sector growth is uncertain.' },
  { id: 'gapSaturation', label: 'How fast gaps close as use saturates', unit: 'exponent', central: 1, low: 0.5, high: 1.5, kind: 'assumption', sources: ['itu-key-ict-2024', 'gsma-somic2025-release'], group: 'trend',
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
