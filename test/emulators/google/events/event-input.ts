import { z } from 'zod';

/**
 * The request body of events.insert / update / patch (spec §2), validated with zod. Unknown and
 * read-only fields (`kind`, `etag`, `created`, `updated`, `htmlLink`, `creator`, ...) are
 * stripped, as Google ignores them. `null` means "clear this field" (patch semantics).
 */
const eventDateTime = z.object({
  date: z.string().nullish(),
  dateTime: z.string().nullish(),
  timeZone: z.string().nullish(),
});

const attendee = z.object({
  email: z.string().min(1),
  displayName: z.string().optional(),
  optional: z.boolean().optional(),
  resource: z.boolean().optional(),
  responseStatus: z.enum(['needsAction', 'declined', 'tentative', 'accepted']).optional(),
  comment: z.string().optional(),
  additionalGuests: z.int().min(0).optional(),
});

const stringMap = z.record(z.string(), z.string());

export const eventInputSchema = z.object({
  id: z.string().nullish(),
  iCalUID: z.string().nullish(),
  summary: z.string().nullish(),
  description: z.string().nullish(),
  location: z.string().nullish(),
  colorId: z.string().nullish(),
  start: eventDateTime.nullish(),
  end: eventDateTime.nullish(),
  endTimeUnspecified: z.boolean().nullish(),
  recurrence: z.array(z.string()).nullish(),
  transparency: z.enum(['opaque', 'transparent']).nullish(),
  visibility: z.enum(['default', 'public', 'private', 'confidential']).nullish(),
  attendees: z.array(attendee).nullish(),
  extendedProperties: z
    .object({ private: stringMap.nullish(), shared: stringMap.nullish() })
    .nullish(),
  reminders: z
    .object({
      useDefault: z.boolean().optional(),
      overrides: z
        .array(
          z.object({
            method: z.enum(['email', 'popup']),
            minutes: z.int().min(0).max(40320),
          }),
        )
        .max(5)
        .nullish(),
    })
    .nullish(),
  source: z.object({ url: z.string().min(1), title: z.string().optional() }).nullish(),
  status: z.enum(['confirmed', 'tentative', 'cancelled']).nullish(),
  eventType: z
    .enum(['default', 'outOfOffice', 'focusTime', 'workingLocation', 'fromGmail', 'birthday'])
    .nullish(),
  guestsCanInviteOthers: z.boolean().nullish(),
  guestsCanModify: z.boolean().nullish(),
  guestsCanSeeOtherGuests: z.boolean().nullish(),
  anyoneCanAddSelf: z.boolean().nullish(),
  attachments: z.array(z.record(z.string(), z.unknown())).nullish(),
  conferenceData: z.record(z.string(), z.unknown()).nullish(),
  sequence: z.int().min(0).nullish(),
});

export type EventInput = z.infer<typeof eventInputSchema>;
export type EventDateTimeInput = z.infer<typeof eventDateTime>;
