/** The gap analysis's constants, without its code (the store, the link and the legend read them; ./gap.ts loads with the gap). */
/** R, km: NEVI's "within 1 mile" (1.6), half of AFIR's 60 km spacing (30), the default (50), NEVI's 50-mile spacing (80). */
export const GAP_RADII_KM = [1.6, 30, 50, 80] as const;
export type GapRadiusKm = (typeof GAP_RADII_KM)[number];
export const DEFAULT_GAP_RADIUS_KM: GapRadiusKm = 50;
/** Candidate sites ranked. */
export const CANDIDATE_COUNT = 20;

/**
 * Distance bands (km) of the gap layer: band i holds distances in (BANDS[i-1], BANDS[i]]; the last
 * band is everything beyond the last bound, and `NO_CHARGER_BAND` a point with no visible charger at all.
 */
export const DISTANCE_BANDS_KM = [1.6, 10, 30, 50, 80] as const;
export const BAND_COUNT = DISTANCE_BANDS_KM.length + 1;
export const NO_CHARGER_BAND = BAND_COUNT;

export function distanceBand(km: number): number {
  if (!Number.isFinite(km)) return NO_CHARGER_BAND;
  for (let i = 0; i < DISTANCE_BANDS_KM.length; i++) if (km <= DISTANCE_BANDS_KM[i]!) return i;
  return DISTANCE_BANDS_KM.length;
}

/** NREL's 2030 mid case: about 5.5 public DC fast and 30 public Level 2 ports per 1,000 EVs (see portsNeeded in ./gap.ts). */
export const NREL_2030_PORTS_PER_1000_EV = { dc: 5.5, l2: 30 } as const;
