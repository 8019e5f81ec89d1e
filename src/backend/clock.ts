// The one clock of the backend. Backup names, the "already backed up today" check and the
// default "today" all read the user's LOCAL wall-clock time from it, so they cannot disagree
// (an office in Beijing at 07:00 is on today's date, while UTC is still on yesterday's).
// Tests inject fixedClock: its local time is given as text, so no result depends on TZ.
import { format } from 'date-fns';

/** Local wall-clock time without a zone: 'YYYY-MM-DDTHH:mm:ss'. */
export type LocalDateTime = string;

export interface Clock {
  /** the instant, for UTC timestamps (change_log.at, ledger rows) */
  now(): Date;
  /** the user's local wall-clock time, for anything named by date (backups, "today") */
  localNow(): LocalDateTime;
}

export const systemClock: Clock = {
  now: () => new Date(),
  localNow: () => format(new Date(), "yyyy-MM-dd'T'HH:mm:ss"),
};

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A clock stopped at a local time, e.g. fixedClock('2027-03-15T02:00', 480) is 02:00 in
 * Beijing (UTC+8), whose instant is 2027-03-14T18:00Z. The offset only affects now().
 */
export function fixedClock(local: string, utcOffsetMinutes = 0): Clock {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`fixedClock: expected YYYY-MM-DD[THH:mm[:ss]], got ${local}`);
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const text: LocalDateTime = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  const instant = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - utcOffsetMinutes * 60_000;
  return { now: () => new Date(instant), localNow: () => text };
}

/** A clock that can be moved, for tests that simulate many days. */
export function steppingClock(start: string, utcOffsetMinutes = 0): Clock & { set(local: string): void } {
  let current = fixedClock(start, utcOffsetMinutes);
  return {
    now: () => current.now(),
    localNow: () => current.localNow(),
    set(local: string) {
      current = fixedClock(local, utcOffsetMinutes);
    },
  };
}

/** 'YYYY-MM-DD' of the clock's local time. */
export function localDate(clock: Clock): string {
  return clock.localNow().slice(0, 10);
}
