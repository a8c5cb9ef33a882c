// Number formatting for the UI, the exports and the state classes (one place, English grouping):
// values in their unit, money in USD with a scale word, counts, probabilities, dates.

// One formatter per digit count, made once: building an Intl.NumberFormat costs far more than using
// it, and a lever drag formats a few hundred numbers a frame.
const formatters = new Map<number, Intl.NumberFormat>();
const nf = (digits: number): Intl.NumberFormat => {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })));
  return f;
};

/** A value of an indicator, with as many digits as the registry says. */
export function formatValue(value: number | undefined, digits: number): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return nf(digits).format(value);
}

/** "86%" style for shares, "0.93" for ratios, "115" for indices. */
export function formatWithUnit(value: number | undefined, unit: string, digits: number): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (unit.startsWith('%')) return `${formatValue(value, Math.min(digits, 1))}%`;
  return formatValue(value, digits);
}

/** USD with a scale word: "USD 1.2 bn", "USD 350 m", "USD 12,000". */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return '–';
  const a = Math.abs(usd);
  if (a >= 1e12) return `USD ${nf(2).format(usd / 1e12)} tn`;
  if (a >= 1e9) return `USD ${nf(a >= 1e11 ? 0 : 1).format(usd / 1e9)} bn`;
  if (a >= 1e6) return `USD ${nf(a >= 1e8 ? 0 : 1).format(usd / 1e6)} m`;
  return `USD ${nf(0).format(usd)}`;
}

/** A probability as a whole percentage: "72%". */
export function formatProbability(p: number | undefined): string {
  if (p === undefined || !Number.isFinite(p)) return '–';
  return `${Math.round(p * 100)}%`;
}

/** Lever value with its unit, compactly. */
export function formatLever(value: number, step: number): string {
  const digits = step < 1 ? 1 : 0;
  return nf(digits).format(value);
}

/** A plain number with up to `maxDigits` decimals (at least `minDigits`): "1,000", "2.5". */
const numberFormatters = new Map<string, Intl.NumberFormat>();
export function formatNumber(value: number, maxDigits = 3, minDigits = 0): string {
  const key = `${maxDigits}:${minDigits}`;
  let f = numberFormatters.get(key);
  if (!f) numberFormatters.set(key, (f = new Intl.NumberFormat('en', { maximumFractionDigits: maxDigits, minimumFractionDigits: Math.min(minDigits, maxDigits) })));
  return f.format(value);
}

const significantFormatters = new Map<number, Intl.NumberFormat>();
/** A number to `digits` significant digits: "0.1235", "12,350". */
export function formatSignificant(value: number, digits: number): string {
  let f = significantFormatters.get(digits);
  if (!f) significantFormatters.set(digits, (f = new Intl.NumberFormat('en', { maximumSignificantDigits: digits })));
  return f.format(value);
}

/** A date and time as the UI writes it: "12/2/2026, 4:05:00 AM". */
export function formatDateTime(date: Date): string {
  return date.toLocaleString('en');
}
