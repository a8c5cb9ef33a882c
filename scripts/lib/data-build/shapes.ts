// The shapes of the files `npm run data:build` writes (src/model/data/DATA-FORMAT.md). Facts and series
// are the model's own types (src/model/geography.ts), so the generated files are typed as the model
// reads them.
import type { Fact, Series } from '../../../src/model/geography.ts';
import type { ItuRegionId } from '../../itu-regions.ts';

export type { Fact, Series };
/** The kinds of fact the data build writes (the model also knows 'user', for custom geographies). */
export type Kind = Exclude<Fact['kind'], 'user'>;

export type RegionIndicatorId =
  | 'coverage4g'
  | 'internetUse'
  | 'mobileOwnership'
  | 'households'
  | 'genderParity'
  | 'urbanRuralRatio'
  | 'youthRatio'
  | 'mbbPrice';
export type CountryIndicatorId = 'internetUse' | 'households' | 'mobileOwnership' | 'coverage4g' | 'mbbPrice';
export type GeographyId = 'world' | ItuRegionId;

/** What a region and an economy both carry: figures, indicators with their history, bounding series. */
interface GeographyFigures<I extends string> {
  /** An economy's derived population, or the sum of a region's economies' (kind 'derived'). */
  population?: Fact;
  /**
   * 5 GB data-only mobile-broadband basket, USD per month: an economy's latest ITU DataHub value (series
   * i271mb_5GB$), or the median of a region's economies (kind 'derived').
   */
  priceUsdMonth?: Fact;
  indicators: Partial<Record<I, Fact>>;
  history: Partial<Record<I, Series>>;
  /** Series that are not indicators but bound one: 3G-or-better coverage (a soft bound on Internet use). */
  auxiliary?: { coverage3g?: Series };
}

export interface RegionGeography extends GeographyFigures<RegionIndicatorId> {
  id: GeographyId;
  name: string;
  /** Economies mapped to the geography that are ITU Member States (territories placed by geography excluded). */
  members: number;
  /** All economies mapped to the geography, territories included. */
  economies: number;
}
export interface RegionsFile {
  editions: Partial<Record<RegionIndicatorId, string>>;
  generatedBy: string;
  generatedFrom: string[];
  geographies: Record<GeographyId, RegionGeography>;
}
export interface CountryGeography extends GeographyFigures<CountryIndicatorId> {
  id: string;
  name: string;
  region: ItuRegionId;
  regionNote?: string;
}
export interface CountryIndexEntry {
  id: string;
  name: string;
  region: ItuRegionId;
}
/** A DataHub series' name and unit, as the country extract gives them. */
export interface SeriesMeta {
  name: string;
  unit: string;
}
