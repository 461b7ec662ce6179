// The moment the view's data was first on screen, as the browser itself reports it: the day
// headings carry an Element Timing id, and the browser records when each was first presented
// (a PerformanceElementTiming entry's renderTime: after the frame's raster and composite). The
// bench reads the earliest. A mark posted after the next frame (next-paint.ts) is only a proxy:
// it runs after the main thread's paint, before the frame is presented (measured 15–30 ms
// earlier on the agenda bench), or later whenever other tasks were queued in front of it.
export const VIEW_PAINT_ID = 'almanac:agenda:view';

/** Spread on an element whose own text is painted with the view's data (a day heading). */
export const viewTiming = { elementtiming: VIEW_PAINT_ID } as const;
