// ITU's six regions: their ids and names (ITU's own spelling). One list for the app
// (geography-ids.ts) and for the data build (scripts/itu-regions.ts); no data imported.

export const REGION_IDS = ['africa', 'americas', 'arab-states', 'asia-pacific', 'cis', 'europe'] as const;
export type RegionId = (typeof REGION_IDS)[number];

export const REGION_NAMES: Readonly<Record<RegionId, string>> = {
  africa: 'Africa',
  americas: 'Americas',
  'arab-states': 'Arab States',
  'asia-pacific': 'Asia-Pacific',
  cis: 'CIS',
  europe: 'Europe',
};
