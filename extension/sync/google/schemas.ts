// zod schemas for the Google Calendar v3 resources the engine reads (spec §1, §2, §5, §6).
// Objects are loose: unknown fields pass through, so the stored `raw` resource is complete.
import { z } from 'zod';

const eventDateTime = z
  .looseObject({
    date: z.string().optional(),
    dateTime: z.string().optional(),
    timeZone: z.string().optional(),
  })
  // spec §2: all-day uses `date`, timed uses `dateTime` — exactly one of them.
  .refine((d) => (d.date === undefined) !== (d.dateTime === undefined), {
    message: 'needs exactly one of date or dateTime',
  });

export const googleEventSchema = z
  .looseObject({
    id: z.string().min(1),
    etag: z.string().optional(),
    status: z.string().optional(),
    summary: z.string().optional(),
    updated: z.string().optional(),
    start: eventDateTime.optional(),
    end: eventDateTime.optional(),
    recurringEventId: z.string().optional(),
    originalStartTime: eventDateTime.optional(),
  })
  // spec §1: a deleted entry guarantees only `id`; anything live must be placeable in time.
  .refine((e) => e.status === 'cancelled' || (e.start && e.end && e.etag), {
    message: 'a live event needs start, end and etag',
  });
export type GoogleEvent = z.infer<typeof googleEventSchema>;

/** spec §1: every response carries exactly one of nextPageToken or nextSyncToken. */
function oneContinuation(page: { nextPageToken?: string; nextSyncToken?: string }): boolean {
  return (page.nextPageToken === undefined) !== (page.nextSyncToken === undefined);
}

export const eventsListSchema = z
  .looseObject({
    kind: z.literal('calendar#events'),
    timeZone: z.string().optional(),
    accessRole: z.string().optional(),
    items: z.array(googleEventSchema).default([]),
    nextPageToken: z.string().min(1).optional(),
    nextSyncToken: z.string().min(1).optional(),
  })
  .refine(oneContinuation, { message: 'needs exactly one of nextPageToken or nextSyncToken' });
export type EventsList = z.infer<typeof eventsListSchema>;

export const calendarListEntrySchema = z.looseObject({
  id: z.string().min(1),
  etag: z.string().optional(),
  summary: z.string().optional(),
  summaryOverride: z.string().optional(),
  timeZone: z.string().optional(),
  accessRole: z.string().optional(),
  backgroundColor: z.string().optional(),
  foregroundColor: z.string().optional(),
  colorId: z.string().optional(),
  hidden: z.boolean().optional(),
  selected: z.boolean().optional(),
  primary: z.boolean().optional(),
  deleted: z.boolean().optional(),
});
export type CalendarListEntry = z.infer<typeof calendarListEntrySchema>;

export const calendarListSchema = z
  .looseObject({
    kind: z.literal('calendar#calendarList'),
    items: z.array(calendarListEntrySchema).default([]),
    nextPageToken: z.string().min(1).optional(),
    nextSyncToken: z.string().min(1).optional(),
  })
  .refine(oneContinuation, { message: 'needs exactly one of nextPageToken or nextSyncToken' });
export type CalendarList = z.infer<typeof calendarListSchema>;

/** spec §6 error body. */
export const googleErrorSchema = z.looseObject({
  error: z.looseObject({
    code: z.number().optional(),
    message: z.string().optional(),
    errors: z
      .array(
        z.looseObject({
          domain: z.string().optional(),
          reason: z.string().optional(),
          message: z.string().optional(),
          location: z.string().optional(),
          locationType: z.string().optional(),
        }),
      )
      .optional(),
  }),
});
