// The common base year of every projection (a custom geography may set its own).
export const COMMON_BASE_YEAR = 2025;
