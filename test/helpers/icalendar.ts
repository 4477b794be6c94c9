/** Reads a calendar feed as a calendar app would: ical.js (Mozilla's iCalendar library), with the feed's own VTIMEZONE. */
import assert from 'node:assert/strict';
import ICAL from 'ical.js';

/** The feed's event and its first `count` occurrences as UTC ISO strings. */
export function occurrencesOf(feed: string, count: number): { event: ICAL.Event; utc: string[] } {
  const cal = new ICAL.Component(ICAL.parse(feed));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevent = cal.getFirstSubcomponent('vevent');
  assert.ok(vevent, 'the feed has an event');
  const event = new ICAL.Event(vevent);
  const it = event.iterator();
  const utc: string[] = [];
  for (let i = 0; i < count; i++) utc.push(it.next()!.toJSDate().toISOString());
  return { event, utc };
}

/** How many events the feed has. */
export const eventCount = (feed: string): number =>
  new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent').length;
