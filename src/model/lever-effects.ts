// Lever effects on Internet use (target 1.7), kept apart from the current-trends recurrences so that
// each effect is applied once, in one stated equation (docs/MODEL.md, "Lever effects"):
//   price   ΔU_price → ε · cut · U_org            (an elasticity ε acting on the adoption it moves;
//           the response closes a share λ of its remaining distance each year: R += λ (ε·cut·U_org − R))
//   people  ΔU_l     = share going online × people the lever reached (stocks, in % of population)
//   total   U = U_org + H · (1 − exp(−ΣΔU / H)),  H = headroom = U_max − U_org
// The last line treats the levers as independent chances of bringing one offline person online: for
// small effects it is U_org + ΣΔU exactly (an elasticity of 0.5 gives 0.5), and it never exceeds U_max.

/** Number of lever terms in the Internet-use equation (see LEVER_USE_TERMS). */
export const USE_TERM_COUNT = 5;
/** Order of the terms in `terms` arrays: which lever each one belongs to. */
export const LEVER_USE_TERMS = ['affordabilitySubsidy', 'handsetSubsidy', 'digitalSkills', 'householdConnections', 'inclusion'] as const;

/**
 * Points of Internet use the price cut adds: ε × cut × U_org (cut as a share, 0–1). An elasticity is
 * a ratio of percentage changes, so it acts on the level of use it changes.
 */
export function priceUseGain(elasticity: number, cut: number, uOrg: number): number {
  return elasticity * cut * uOrg;
}

/** This year's price response: last year's `prev` moved a share `speed` toward the long-run gain. */
export function priceResponse(prev: number, longRun: number, speed: number): number {
  return prev + speed * (longRun - prev);
}

/**
 * Internet use with the levers: organic use plus the lever terms, combined once against the headroom
 * to `uMax`. Writes each lever's share of the realised gain into `share` (same order as the terms).
 */
export function useWithLevers(uOrg: number, uMax: number, terms: Float64Array, share: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < USE_TERM_COUNT; k++) sum += terms[k]!;
  const head = uMax - uOrg;
  if (sum <= 0 || head <= 0) {
    for (let k = 0; k < USE_TERM_COUNT; k++) share[k] = 0;
    return uOrg;
  }
  const gain = head * (1 - Math.exp(-sum / head));
  for (let k = 0; k < USE_TERM_COUNT; k++) share[k] = (gain * terms[k]!) / sum;
  return uOrg + gain;
}
