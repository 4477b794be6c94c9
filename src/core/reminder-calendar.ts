/**
 * The "Add to my calendar" feed: an iCalendar (RFC 5545) calendar with one recurring event, the person's reminder,
 * every chosen weekday at the chosen local time in their time zone. A calendar app subscribes to it by URL and
 * fetches it again now and then, so a change of days or time reaches the calendar without a new subscription.
 *
 * The event's time zone is described in the feed itself (a VTIMEZONE with the zone's offset changes, computed from
 * the runtime's zone rules for the years the feed covers), as RFC 5545 requires of a TZID: a calendar app then needs
 * no zone database of its own to place the event. No health data: only the reminder's days and time.
 */
import { orderedDays, WEEKDAYS, type ReminderSettings } from './reminder-record.js';
import { isoWeekday, offsetChanges, offsetMinutes, shiftDate, wallClock } from './zoned-time.js';
import type { Language } from './language.js';
import { CALENDAR_WORDS } from './i18n/reminder-texts.js';

/** How many years ahead the feed describes the zone's offset changes (calendar apps fetch the feed far more often). */
export const CALENDAR_ZONE_YEARS = 5;
/** The event's length: about one guided session. */
export const CALENDAR_EVENT_MINUTES = 15;

export interface CalendarFeedInput {
  settings: Pick<ReminderSettings, 'days' | 'time' | 'timeZone' | 'updatedAt'>;
  /** Stable while the feed's link stays the same, so a calendar app updates its event instead of adding one. */
  uid: string;
  /** When the feed is made (DTSTAMP). */
  now: number;
  /** The page the event links to (today's session). */
  url: string;
  /** The language of the event's words (English by default). */
  language?: Language;
}

const BYDAY: Record<(typeof WEEKDAYS)[number], string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
const compactDate = (date: string) => date.replaceAll('-', '');
const utcStamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const offsetText = (min: number) => `${min < 0 ? '-' : '+'}${pad(Math.trunc(min / 60))}${pad(min % 60)}`;
/** TEXT values escape backslash, semicolon, comma and newline (RFC 5545 §3.3.11). */
const text = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');

/** Content lines are folded at 75 octets: a CRLF and a space before the rest (§3.1). */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  const decoder = new TextDecoder();
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--; // never split a UTF-8 character
    parts.push(decoder.decode(bytes.slice(start, end)));
    start = end;
  }
  return parts.join('\r\n ');
}

/** The VTIMEZONE: the offset in force at `fromMs`, then each change up to `toMs`. */
function vtimezone(timeZone: string, fromMs: number, toMs: number): string[] {
  const first = offsetMinutes(timeZone, fromMs);
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    'BEGIN:STANDARD',
    `DTSTART:${compactDate(wallClock(timeZone, fromMs).date)}T000000`,
    `TZOFFSETFROM:${offsetText(first)}`,
    `TZOFFSETTO:${offsetText(first)}`,
    'END:STANDARD',
  ];
  for (const c of offsetChanges(timeZone, fromMs, toMs)) {
    // DTSTART of an observance is the local time of the change under the offset before it (§3.6.5).
    const local = new Date(c.at + c.from * 60_000).toISOString();
    const kind = c.to > c.from ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${local.slice(0, 19).replace(/[-:]/g, '')}`,
      `TZOFFSETFROM:${offsetText(c.from)}`,
      `TZOFFSETTO:${offsetText(c.to)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** The feed's text (CRLF line ends). With no day chosen it is a calendar without an event. */
export function reminderCalendar(input: CalendarFeedInput): string {
  const { settings: s, now } = input;
  const words = CALENDAR_WORDS[input.language ?? 'en'];
  const days = orderedDays(s.days);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Footing//Reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Footing',
    `X-WR-TIMEZONE:${s.timeZone}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    'X-PUBLISHED-TTL:PT12H',
  ];
  if (days.length) {
    // The first occurrence: the first chosen day on or after the day the reminder was set (RFC 5545 counts DTSTART
    // as an occurrence even when the rule would not, so it must be a chosen day).
    const setOn = wallClock(s.timeZone, Date.parse(s.updatedAt)).date;
    let start = setOn;
    while (!days.includes(WEEKDAYS[isoWeekday(start)]!)) start = shiftDate(start, 1);
    const from = Date.parse(`${start}T00:00:00Z`) - 86_400_000;
    const to = Date.UTC(new Date(now).getUTCFullYear() + CALENDAR_ZONE_YEARS + 1, 0, 1);
    lines.push(...vtimezone(s.timeZone, from, to));
    lines.push(
      'BEGIN:VEVENT',
      `UID:${input.uid}`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART;TZID=${s.timeZone}:${compactDate(start)}T${s.time.replace(':', '')}00`,
      `DURATION:PT${CALENDAR_EVENT_MINUTES}M`,
      `RRULE:FREQ=WEEKLY;BYDAY=${days.map((d) => BYDAY[d]).join(',')}`,
      `SUMMARY:${text(words.summary)}`,
      `DESCRIPTION:${text(words.description)}`,
      `URL:${input.url}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${text(words.summary)}`,
      'TRIGGER:PT0M',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
