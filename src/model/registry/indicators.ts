// Indicator registry: one entry per projected indicator. Ids, labels, units and bounds are data;
// IndicatorId is derived from it, so a new indicator is one entry here plus its baseline data.

export const INDICATORS = [
  { id: 'coverage4g', target: '1.1', name: 'Population covered by 4G or better', short: '4G coverage', unit: '% of population', direction: 'higher', bounds: [0, 100], digits: 1 },
  { id: 'mbbPrice', target: '1.2', name: 'Entry-level mobile-broadband price', short: 'Mobile-broadband price', unit: '% of monthly GNI per capita', direction: 'lower', bounds: [0, 100], digits: 2 },
  { id: 'households', target: '1.3', name: 'Households with Internet access at home', short: 'Households online', unit: '% of households', direction: 'higher', bounds: [0, 100], digits: 1 },
  { id: 'mobileOwnership', target: '1.4', name: 'Individuals owning a mobile phone', short: 'Mobile-phone ownership', unit: '% of individuals', direction: 'higher', bounds: [0, 100], digits: 1 },
  { id: 'schools', target: '1.5', name: 'Schools connected to the Internet', short: 'Schools connected', unit: '% of schools', direction: 'higher', bounds: [0, 100], digits: 1 },
  { id: 'cyberPreparedness', target: '1.6', name: 'Cybersecurity preparedness (strategy, national CIRT, legislation)', short: 'Cybersecurity preparedness', unit: 'score 0–100', direction: 'higher', bounds: [0, 100], digits: 1 },
  { id: 'internetUse', target: '1.7', name: 'Individuals using the Internet', short: 'Internet use', unit: '% of individuals', direction: 'higher', bounds: [0, 100], digits: 1 },
  { id: 'genderParity', target: '2.1', name: 'Gender parity in Internet use (women / men)', short: 'Gender parity', unit: 'ratio', direction: 'higher', bounds: [0, 1.5], digits: 3 },
  { id: 'urbanRuralRatio', target: '2.1', name: 'Rural / urban Internet-use ratio', short: 'Rural / urban ratio', unit: 'ratio', direction: 'higher', bounds: [0, 1.5], digits: 3 },
  { id: 'youthRatio', target: '2.1', name: 'Youth (15–24) / rest-of-population Internet-use ratio', short: 'Youth / rest ratio', unit: 'ratio', direction: 'lower', bounds: [0.5, 10], digits: 3 },
  { id: 'basicSkills', target: '2.2', name: 'Individuals with basic digital skills', short: 'Basic digital skills', unit: '% of individuals', direction: 'higher', bounds: [0, 100], digits: 1 },
  { id: 'businesses', target: '2.3', name: 'Businesses using the Internet', short: 'Businesses online', unit: '% of businesses', direction: 'higher', bounds: [0, 100], digits: 1 },
  { id: 'egovUse', target: '2.4', name: 'Individuals using e-government services', short: 'E-government use', unit: '% of individuals', direction: 'higher', bounds: [0, 100], digits: 1 },
  { id: 'ewasteRecycling', target: '2.5', name: 'E-waste formally collected and recycled', short: 'E-waste recycled', unit: '% of e-waste generated', direction: 'higher', bounds: [0, 100], digits: 1 },
  { id: 'ictEmissions', target: '2.5', name: 'ICT-sector greenhouse-gas emissions', short: 'ICT emissions', unit: 'index, 2020 = 100', direction: 'lower', bounds: [0, 400], digits: 1 },
] as const;

export type IndicatorDef = (typeof INDICATORS)[number];
export type IndicatorId = IndicatorDef['id'];
export type TargetId = IndicatorDef['target'];

export const INDICATOR_IDS: readonly IndicatorId[] = INDICATORS.map((i) => i.id);
export const INDICATOR_COUNT = INDICATORS.length;

/** Position of each indicator in the model's typed arrays. */
export const IX = Object.fromEntries(INDICATORS.map((d, i) => [d.id, i])) as { readonly [K in IndicatorId]: number };

export const INDICATOR_BY_ID = Object.fromEntries(INDICATORS.map((d) => [d.id, d])) as {
  readonly [K in IndicatorId]: Extract<IndicatorDef, { id: K }>;
};

/**
 * The twelve Strategic Plan targets, in order, with their titles and main indicator (the one a
 * target id such as "1.7" stands for in a goal, and a compact scorecard's row for the target).
 */
export const TARGETS = [
  { id: '1.1', goal: 1, title: 'Universal broadband coverage', main: 'coverage4g' },
  { id: '1.2', goal: 1, title: 'Affordable broadband', main: 'mbbPrice' },
  { id: '1.3', goal: 1, title: 'Households with Internet access', main: 'households' },
  { id: '1.4', goal: 1, title: 'Mobile-phone ownership', main: 'mobileOwnership' },
  { id: '1.5', goal: 1, title: 'Schools connected', main: 'schools' },
  { id: '1.6', goal: 1, title: 'Cybersecurity preparedness', main: 'cyberPreparedness' },
  { id: '1.7', goal: 1, title: 'Internet use', main: 'internetUse' },
  { id: '2.1', goal: 2, title: 'Closing the gender, age and urban/rural gaps', main: 'genderParity' },
  { id: '2.2', goal: 2, title: 'Digital skills', main: 'basicSkills' },
  { id: '2.3', goal: 2, title: 'Businesses using the Internet', main: 'businesses' },
  { id: '2.4', goal: 2, title: 'E-government use', main: 'egovUse' },
  { id: '2.5', goal: 2, title: 'ICT for climate and environment', main: 'ewasteRecycling' },
] as const satisfies ReadonlyArray<{ id: string; goal: number; title: string; main: IndicatorId }>;

export type TargetDef = (typeof TARGETS)[number];

/** Each target's main indicator, by target id ("1.7" → internetUse). */
export const TARGET_MAIN_INDICATOR = Object.fromEntries(TARGETS.map((t) => [t.id, t.main])) as Readonly<Record<string, IndicatorId>>;

export function isIndicatorId(value: string): value is IndicatorId {
  return Object.hasOwn(IX, value);
}
