// The targeted affordability subsidy: who gets it and what it costs. The subsidy is paid only to
// (a) users for whom the entry basket costs more than 2% of income and (b) the new users the price
// cut brings online. Incomes are lognormal with mean GNI per capita and a dispersion set by the Gini
// index (σ = √2 · Φ⁻¹((G + 1) / 2)), so the share paying more than 2% of income for a basket that
// costs P% of GNI per capita is Φ((ln(P / 2) + σ² / 2) / σ).

/** The Broadband Commission's affordability threshold, % of income. */
export const AFFORDABLE_PCT = 2;

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf; absolute error < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Inverse standard normal CDF (Acklam's rational approximation; relative error < 1.2e-9). */
export function normalInv(q: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (q < lo) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) / ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
  }
  if (q > 1 - lo) return -normalInv(1 - q);
  const r = q - 0.5;
  const s = r * r;
  return ((((((a[0]! * s + a[1]!) * s + a[2]!) * s + a[3]!) * s + a[4]!) * s + a[5]!) * r) / (((((b[0]! * s + b[1]!) * s + b[2]!) * s + b[3]!) * s + b[4]!) * s + 1);
}

/** Lognormal σ of incomes with Gini index `gini` (0–1). */
export function sigmaFromGini(gini: number): number {
  return Math.SQRT2 * normalInv((Math.min(Math.max(gini, 0.01), 0.95) + 1) / 2);
}

/** Share (0–1) of people for whom a basket costing `pricePctGni` % of GNI per capita costs more than 2% of income. */
export function shareAboveThreshold(pricePctGni: number, sigma: number): number {
  if (!(pricePctGni > 0)) return 0;
  return normalCdf((Math.log(pricePctGni / AFFORDABLE_PCT) + (sigma * sigma) / 2) / sigma);
}

/**
 * Annual cost of the targeted subsidy (USD): the cut paid on the basket of the users above the
 * threshold (shareAbove × organic users, assuming use does not depend on income — an upper bound,
 * since poorer people are less often online) and of the new users the cut brings (`newUsers`, % of
 * population).
 */
export function targetedSubsidyUsd(cut: number, basketUsdMonth: number, shareAbove: number, uOrg: number, newUsers: number, pop: number): number {
  if (cut <= 0) return 0;
  const subsidised = shareAbove * uOrg + Math.max(0, newUsers);
  return cut * basketUsdMonth * 12 * (subsidised / 100) * pop;
}
