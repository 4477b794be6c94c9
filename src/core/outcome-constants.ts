/**
 * Every number the outcome measures use (structure, bands, missing-item limits, MCID/MDC), named, with its source in
 * ../shared/DOMAIN.md §7 (reference numbers in brackets) and its evidence level. NPRS numbers live in
 * clinical-constants.ts (they were there first) and are imported from there.
 */

/** PSFS: the person names 3-5 activities and rates each 0 (unable) to 10 (as before the problem). DOMAIN.md §7 [43];
 * COH. */
export const PSFS_MIN_ACTIVITIES = 3;
export const PSFS_MAX_ACTIVITIES = 5;
export const PSFS_RATING_MIN = 0;
export const PSFS_RATING_MAX = 10;
/** PSFS MDC: 2 points for the mean, 3 for a single activity. DOMAIN.md §7 [43]; COH. DOMAIN.md gives no MCID, so the
 * MDC is the change that counts. */
export const PSFS_MDC_MEAN = 2;
export const PSFS_MDC_SINGLE_ACTIVITY = 3;

/** ODI v2.1a: 10 sections, each 0-5. DOMAIN.md §7 [40]; COH. */
export const ODI_SECTIONS = 10;
export const ODI_SECTION_MAX = 5;
/** ODI: invalid if more than 2 sections are missing. DOMAIN.md §7 [40]; EO (common rule). */
export const ODI_MAX_MISSING_SECTIONS = 2;
/** ODI band upper edges (%): 0-20 minimal, 21-40 moderate, 41-60 severe, 61-80 crippled, 81-100 bed-bound or
 * exaggerating. DOMAIN.md §7 [40]; COH. A fractional score above an edge (e.g. 20.5) goes to the next band. */
export const ODI_MINIMAL_MAX = 20;
export const ODI_MODERATE_MAX = 40;
export const ODI_SEVERE_MAX = 60;
export const ODI_CRIPPLED_MAX = 80;
/** ODI MCID: 10 points or 30% (Ostelo 2008). DOMAIN.md §7 [39]; CONS. */
export const ODI_MCID_POINTS = 10;
export const ODI_MCID_FRACTION = 0.3;
/** ODI MDC about 10 points. DOMAIN.md §7 [40]; COH. */
export const ODI_MDC_POINTS = 10;

/** NDI: 10 items, each 0-5; raw total 0-50 (x2 = %). DOMAIN.md §7 [42]; COH. */
export const NDI_ITEMS = 10;
export const NDI_ITEM_MAX = 5;
export const NDI_RAW_MAX = 50;
/** NDI Vernon bands, raw upper edges: 0-4 none, 5-14 mild, 15-24 moderate, 25-34 severe, >34 complete.
 * DOMAIN.md §7 [42]; COH. A fractional raw score (after mean substitution) above an edge goes to the next band. */
export const NDI_NONE_MAX = 4;
export const NDI_MILD_MAX = 14;
export const NDI_MODERATE_MAX = 24;
export const NDI_SEVERE_MAX = 34;
/** NDI MCID about 5 raw points (Vernon). DOMAIN.md §7 [42]; COH. */
export const NDI_MCID_POINTS = 5;
/** NDI missing items: DOMAIN.md §7 [42] gives Vernon's mean substitution but no limit. Footing applies the ODI's
 * "more than 2 missing is invalid" (DOMAIN.md §7, EO) to its sister instrument, so one answer cannot stand for ten. */
export const NDI_MAX_MISSING_ITEMS = 2;

/** FAAM: ADL subscale 21 items, Sports 8 items, each 0-4, "N/A" excluded. DOMAIN.md §7 [44]; COH. */
export const FAAM_ADL_ITEMS = 21;
export const FAAM_SPORTS_ITEMS = 8;
export const FAAM_ITEM_MAX = 4;
/** FAAM MCID 8 (ADL) and 9 (Sports) percentage points. DOMAIN.md §7 [44]; COH. */
export const FAAM_ADL_MCID_POINTS = 8;
export const FAAM_SPORTS_MCID_POINTS = 9;
/** FAAM MDC 5.7 (ADL) and 12.3 (Sports). DOMAIN.md §7 [44]; COH. */
export const FAAM_ADL_MDC_POINTS = 5.7;
export const FAAM_SPORTS_MDC_POINTS = 12.3;

/** STarT Back: 9 items; overall 0-9, psychosocial subscale (items 5-9) 0-5. DOMAIN.md §7 [45]; COH. */
export const START_BACK_OVERALL_MAX = 9;
export const START_BACK_SUBSCALE_MAX = 5;
/** STarT Back groups: overall <=3 low; overall >=4 and subscale <=3 medium; subscale >=4 high. DOMAIN.md §7 [45]; COH. */
export const START_BACK_LOW_OVERALL_MAX = 3;
export const START_BACK_HIGH_SUBSCALE_MIN = 4;
