// Lever registry: every investment lever as data. LeverId is derived from it; the UI, the CLI and the
// scenario files read ids, labels, units and ranges from here, so a new lever is one entry plus its
// equation and cost line in engine.ts.
import type { IndicatorId } from './indicators.ts';
import type { ParameterId } from './parameters.ts';

/**
 * Indicators that follow Internet use: any lever that raises use also moves these (households follow
 * use, skills are a share of users, e-government draws on capable users, gaps shrink as use saturates).
 */
const USE_CHAIN = ['internetUse', 'households', 'basicSkills', 'egovUse', 'genderParity', 'urbanRuralRatio', 'youthRatio'] as const;

export const LEVER_GROUPS = [
  { id: 'infrastructure', label: 'Infrastructure' },
  { id: 'affordability', label: 'Affordability and devices' },
  { id: 'people', label: 'People and skills' },
  { id: 'institutions', label: 'Institutions' },
  { id: 'environment', label: 'Environment' },
] as const;
export type LeverGroupId = (typeof LEVER_GROUPS)[number]['id'];

interface LeverShape {
  id: string;
  label: string;
  group: LeverGroupId;
  unit: string;
  min: number;
  max: number;
  step: number;
  default: number;
  description: string;
  moves: readonly IndicatorId[];
  /** Parameter ids (see parameters.ts) whose values set this lever's effect and cost. */
  parameters: readonly ParameterId[];
}

export const LEVERS = [
  {
    id: 'networkRollout', label: 'Network rollout', group: 'infrastructure',
    unit: '% of uncovered people newly covered per year', min: 0, max: 40, step: 1, default: 0,
    description: 'Public or universal-service funding for new 4G sites in uncovered areas. Each year it covers this share of the people still without 4G. Costed bottom-up as ITU’s Connecting Humanity does: new sites (fewer people per site as coverage reaches remoter places), a backhaul link and backbone fibre per site, satellite access for the last few per cent, running costs, and network capacity for the users it brings online.',
    moves: ['coverage4g', ...USE_CHAIN],
    parameters: ['siteCapexUsd', 'backhaulPerSiteUsd', 'backboneKmPerSite', 'fibreUsdPerKm', 'siteOpexShare', 'peoplePerSite', 'remoteCostExponent', 'satelliteGapPct', 'satelliteCostPerPerson', 'capacityUsdPerUser'],
  },
  {
    id: 'affordabilitySubsidy', label: 'Affordability subsidy', group: 'affordability',
    unit: '% cut in the entry-level mobile-broadband price', min: 0, max: 50, step: 5, default: 0,
    description: 'A targeted subsidy that cuts the entry-level mobile-broadband price for the people it is meant for: new users, and users for whom the basket costs more than 2% of income. Lowers the price they pay (the 1.2 indicator) and brings more people online with the stated price elasticity, building up over a few years. Cost: the cut on the baskets of those people only, plus network capacity for the new users; the result shows its cost per additional user.',
    moves: ['mbbPrice', ...USE_CHAIN],
    parameters: ['priceElasticity', 'priceResponseSpeed', 'incomeGini', 'capacityUsdPerUser'],
  },
  {
    id: 'handsetSubsidy', label: 'Handset subsidy', group: 'affordability',
    unit: '% of people without a phone given a subsidised handset per year', min: 0, max: 20, step: 1, default: 0,
    description: 'Subsidy or financing for an entry-level Internet-enabled handset, offered each year to this share of the people who do not own a phone. Some would have bought one anyway; the rest become new owners and raise Internet use.',
    moves: ['mobileOwnership', ...USE_CHAIN],
    parameters: ['handsetPriceUsd', 'handsetSubsidyShare', 'handsetAdditionality', 'deviceUseEffect', 'capacityUsdPerUser'],
  },
  {
    id: 'householdConnections', label: 'Household connections', group: 'infrastructure',
    unit: '% of unconnected households connected per year', min: 0, max: 10, step: 1, default: 0,
    description: 'Subsidised home connections (fixed wireless, fibre drop or satellite kit) for households without Internet at home.',
    moves: [...USE_CHAIN],
    parameters: ['householdConnectionUsd', 'householdSize', 'householdUseEffect', 'capacityUsdPerUser'],
  },
  {
    id: 'schoolConnectivity', label: 'School connectivity', group: 'infrastructure',
    unit: '% of unconnected schools connected per year', min: 0, max: 50, step: 1, default: 0,
    description: 'Connects this share of the still-unconnected schools each year (fibre, microwave, cellular or satellite, as in the Giga cost model) and pays their service.',
    moves: ['schools'],
    parameters: ['schoolCapexUsd', 'schoolOpexUsdYear', 'schoolsPer1000'],
  },
  {
    id: 'digitalSkills', label: 'Digital-skills training', group: 'people',
    unit: '% of adults without basic skills trained per year', min: 0, max: 10, step: 1, default: 0,
    description: 'Basic digital-literacy courses (about 20 hours) for adults who lack basic skills. A share complete and retain the skills; skilled people are more likely to go online and to use e-government.',
    moves: [...USE_CHAIN],
    parameters: ['trainingCostPerPerson', 'trainingRetention', 'skillsUseEffect', 'capacityUsdPerUser'],
  },
  {
    id: 'inclusion', label: 'Targeted inclusion', group: 'people',
    unit: '% of offline people reached per year (women, rural and older people)', min: 0, max: 15, step: 1, default: 0,
    description: 'Outreach, women-focused programmes, rural access points and support for older people, reaching this share of the offline population each year. Narrows the gender, urban/rural and age gaps faster than adoption alone would, and brings some of the people reached online.',
    moves: [...USE_CHAIN],
    parameters: ['inclusionCostPerPerson', 'inclusionGapEffect', 'inclusionUseEffect', 'capacityUsdPerUser'],
  },
  {
    id: 'cyberCapacity', label: 'Cybersecurity capacity', group: 'institutions',
    unit: '% of missing cyber capabilities built per year', min: 0, max: 50, step: 1, default: 0,
    description: 'Builds national cybersecurity strategies, national CIRTs and legislation where they are missing: each year this share of the missing capabilities is put in place.',
    moves: ['cyberPreparedness'],
    parameters: ['cyberBuildUsd', 'cyberRunUsdYear'],
  },
  {
    id: 'smeDigitalisation', label: 'SME digitalisation', group: 'institutions',
    unit: '% of offline businesses supported per year', min: 0, max: 30, step: 1, default: 0,
    description: 'Matching grants and advice that bring offline small businesses online.',
    moves: ['businesses'],
    parameters: ['smeGrantUsd', 'businessesPer1000', 'smeAdditionality'],
  },
  {
    id: 'egovServices', label: 'E-government services', group: 'institutions',
    unit: 'USD per person per year on online public services', min: 0, max: 20, step: 0.5, default: 0,
    description: 'Investment in online public services and digital ID. Raises the share of capable Internet users who use e-government; use stays bounded by Internet use and by skills (at most halfway between skills and use).',
    moves: ['egovUse'],
    parameters: ['egovEffectPerUsd', 'egovCostOverrun'],
  },
  {
    id: 'ewasteProgrammes', label: 'E-waste collection', group: 'environment',
    unit: 'percentage points of e-waste added to formal recycling per year', min: 0, max: 6, step: 0.5, default: 0,
    description: 'Collection points, take-back schemes and formal recycling capacity. Each year adds this many points to the formal collection and recycling rate.',
    moves: ['ewasteRecycling'],
    parameters: ['ewasteKgPerCapita', 'ewasteTreatmentUsdPerTonne'],
  },
  {
    id: 'greenNetworks', label: 'Green networks', group: 'environment',
    unit: '% of network energy moved to renewables per year', min: 0, max: 15, step: 1, default: 0,
    description: 'Renewable power purchase and on-site solar for networks and data centres; each year moves this share of the sector’s fossil electricity to renewables.',
    moves: ['ictEmissions'],
    parameters: ['ictElectricityShareOfEmissions', 'greenCostUsdPerPersonPct'],
  },
] as const satisfies readonly LeverShape[];

export type LeverDef = (typeof LEVERS)[number];
export type LeverId = LeverDef['id'];
export const LEVER_IDS: readonly LeverId[] = LEVERS.map((l) => l.id);
export const LEVER_COUNT = LEVERS.length;
export const LX = Object.fromEntries(LEVERS.map((l, i) => [l.id, i])) as { readonly [K in LeverId]: number };

/** A value on the lever's grid of steps, inside its range (no floating-point tails: 0.1 + 0.2 → 0.3). */
export function snapLever(l: Pick<LeverDef, 'min' | 'max' | 'step'>, v: number): number {
  const stepped = l.min + Math.round((v - l.min) / l.step) * l.step;
  const decimals = Math.max(0, Math.ceil(-Math.log10(l.step)) + 1);
  return Math.min(l.max, Math.max(l.min, Number(stepped.toFixed(decimals))));
}
export const LEVER_BY_ID = Object.fromEntries(LEVERS.map((l) => [l.id, l])) as { readonly [K in LeverId]: LeverDef };

export function isLeverId(value: string): value is LeverId {
  return Object.hasOwn(LX, value);
}
