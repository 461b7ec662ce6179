import { describe, expect, it } from 'vitest';
import { priorityColor, priorityLabel, readableText } from '../../../extension/ui/agenda/colors';
import {
  dayHeadingName,
  fullDateText,
  hourText,
  otherZoneTime,
  rangeText,
  relativeDayText,
  shortDateText,
  spanText,
  timeText,
} from '../../../extension/ui/agenda/format';

const plain = (text: string) => text.replace(/\s+/g, ' ');
const EN = 'en-US';

describe('formatting', () => {
  it('formats calendar dates as dates, the same in every zone', () => {
    // The host's own zone must not matter: dates are formatted through UTC noon.
    expect(fullDateText('2026-11-23', EN)).toBe('Monday, November 23, 2026');
    expect(shortDateText('2026-01-01', EN)).toBe('Jan 1');
    // Years under 100 are those years (Date.UTC alone would read 50 as 1950).
    expect(fullDateText('0050-06-01', EN)).toBe('Wednesday, June 1, 50');
    expect(plain(rangeText('0050-06-01', '0050-06-07', EN))).toBe('June 1 – 7, 50');
  });

  it('names nearby days', () => {
    expect(relativeDayText('2026-11-23', '2026-11-23', EN)).toBe('Today');
    expect(relativeDayText('2026-11-24', '2026-11-23', EN)).toBe('Tomorrow');
    expect(relativeDayText('2026-11-22', '2026-11-23', EN)).toBe('Yesterday');
    expect(relativeDayText('2026-11-26', '2026-11-23', EN)).toBe('Thursday');
  });

  it('names a list day once: the near name, then the date, without saying the weekday twice', () => {
    expect(dayHeadingName('2026-11-23', '2026-11-23', EN)).toBe('Today, Monday, November 23, 2026');
    expect(dayHeadingName('2026-11-22', '2026-11-23', EN)).toBe(
      'Yesterday, Sunday, November 22, 2026',
    );
    expect(dayHeadingName('2026-11-26', '2026-11-23', EN)).toBe('Thursday, November 26, 2026');
  });

  it('titles a range of days', () => {
    expect(plain(rangeText('2026-11-16', '2026-11-22', EN))).toBe('November 16 – 22, 2026');
    expect(plain(rangeText('2026-12-28', '2027-01-03', EN))).toBe(
      'December 28, 2026 – January 3, 2027',
    );
    expect(rangeText('2026-11-23', '2026-11-23', EN)).toBe('November 23, 2026');
  });

  it('formats times in the given zone', () => {
    const ms = Date.parse('2026-11-23T17:30:00Z');
    expect(plain(timeText(ms, 'America/Los_Angeles', EN))).toBe('9:30 AM');
    expect(plain(timeText(ms, 'Europe/Berlin', EN))).toBe('6:30 PM');
    expect(plain(hourText(ms, 'America/Los_Angeles', EN, true))).toBe('9 AM PST');
  });

  it('describes the part of an event on a day', () => {
    const zone = 'America/Los_Angeles';
    const s = Date.parse('2026-11-23T17:00:00Z');
    const e = Date.parse('2026-11-23T18:30:00Z');
    const span = (before: boolean, after: boolean, end = e) => ({
      startMs: s,
      endMs: end,
      continuesBefore: before,
      continuesAfter: after,
    });
    expect(plain(spanText(span(false, false), zone, EN))).toBe('9:00 – 10:30 AM');
    expect(plain(spanText(span(true, false), zone, EN))).toBe('Until 10:30 AM');
    expect(plain(spanText(span(false, true), zone, EN))).toBe('From 9:00 AM');
    expect(plain(spanText(span(false, false, s), zone, EN))).toBe('9:00 AM');
  });
});

describe('colors', () => {
  it('uses Todoist’s priority colors, none for P4', () => {
    expect(priorityColor(4)).toBe('#d1453b');
    expect(priorityColor(3)).toBe('#eb8909');
    expect(priorityColor(2)).toBe('#246fe0');
    expect(priorityColor(1)).toBeUndefined();
    expect([4, 3, 2, 1].map(priorityLabel)).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('picks the text color that reads on a background', () => {
    expect(readableText('#fbe983')).toBe('#000000');
    expect(readableText('#1e3a8a')).toBe('#ffffff');
    expect(readableText('not a color')).toBe('#000000');
  });
});

describe('spanText memo', () => {
  it('reads a part ending at midnight as its two times, on whichever date it falls', () => {
    const zone = 'America/Los_Angeles';
    const f = new Intl.DateTimeFormat('en-US', {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: zone,
    });
    const late = (date: string) => ({
      startMs: Date.parse(`${date}T23:00:00-08:00`),
      endMs: Date.parse(`${date}T23:00:00-08:00`) + 3_600_000,
      continuesBefore: false,
      continuesAfter: false,
    });
    const sameDay = { ...late('2026-12-01'), endMs: late('2026-12-01').startMs + 1_800_000 };
    // Not "12/1/2026, 11:00 PM – 12/2/2026, 12:00 AM" (formatRange across two dates), and the
    // first date's text is never handed to a later date's part.
    expect(plain(spanText(late('2026-12-01'), zone, EN))).toBe('11:00 PM – 12:00 AM');
    expect(plain(spanText(late('2026-12-05'), zone, EN))).toBe('11:00 PM – 12:00 AM');
    expect(spanText(sameDay, zone, EN)).toBe(f.formatRange(sameDay.startMs, sameDay.endMs));
  });

  it('names the zones of an hour whose two ends the clock reads alike (the night clocks go back)', () => {
    // 1:30 EDT to 1:30 EST is an hour, not the instant "1:30 AM" formatRange collapses it to.
    const span = {
      startMs: Date.parse('2026-11-01T01:30:00-04:00'),
      endMs: Date.parse('2026-11-01T01:30:00-05:00'),
      continuesBefore: false,
      continuesAfter: false,
    };
    expect(plain(spanText(span, 'America/New_York', EN))).toBe('1:30 AM EDT – 1:30 AM EST');
    // Lord Howe goes back half an hour: 1:45 (+11) to 1:45 (+10:30) is thirty minutes.
    const howe = {
      ...span,
      startMs: Date.parse('2026-04-05T01:45:00+11:00'),
      endMs: Date.parse('2026-04-05T01:45:00+10:30'),
    };
    expect(plain(spanText(howe, 'Australia/Lord_Howe', EN))).toBe(
      '1:45 AM GMT+11 – 1:45 AM GMT+10:30',
    );
  });

  it('names them too where the wall times read backwards or too long, and only across a change', () => {
    const NY = 'America/New_York';
    const span = (start: string, end: string) => ({
      startMs: Date.parse(start),
      endMs: Date.parse(end),
      continuesBefore: false,
      continuesAfter: false,
    });
    // 45 minutes the night clocks go back: "1:30 – 1:15 AM" read backwards.
    expect(
      plain(spanText(span('2026-11-01T01:30:00-04:00', '2026-11-01T01:15:00-05:00'), NY, EN)),
    ).toBe('1:30 AM EDT – 1:15 AM EST');
    // An hour the night clocks go forward: "1:30 – 3:30 AM" read as two.
    expect(
      plain(spanText(span('2026-03-08T01:30:00-05:00', '2026-03-08T03:30:00-04:00'), NY, EN)),
    ).toBe('1:30 AM EST – 3:30 AM EDT');
    // Half a minute on an ordinary day reads as one time, in one zone: no names.
    expect(
      plain(spanText(span('2026-11-23T09:00:00-05:00', '2026-11-23T09:00:30-05:00'), NY, EN)),
    ).not.toContain('EST');
  });
});

describe('an event’s own zone', () => {
  const ms = Date.parse('2026-11-23T17:00:00Z');
  it('gives the time there when its clock reads otherwise', () => {
    expect(plain(otherZoneTime(ms, 'America/New_York', 'America/Los_Angeles', EN) ?? '')).toBe(
      '12:00 PM',
    );
  });

  it('says nothing for another name of the same zone, the same offset, or an unknown zone', () => {
    // Google writes the new names; a browser may report the old ones.
    expect(otherZoneTime(ms, 'Asia/Kolkata', 'Asia/Calcutta', EN)).toBeUndefined();
    expect(otherZoneTime(ms, 'Europe/Kyiv', 'Europe/Kiev', EN)).toBeUndefined();
    expect(otherZoneTime(ms, 'Europe/Paris', 'Europe/Berlin', EN)).toBeUndefined();
    expect(otherZoneTime(ms, 'Mars/Olympus_Mons', 'Europe/Berlin', EN)).toBeUndefined();
  });
});
