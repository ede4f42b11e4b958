import type { TasksInput } from './input-types.ts';
import type { CalendarYear } from '../../../../shared/contract/index.ts';
import { createWorkingCalendar, type CalendarOverride } from '../../../../shared/calendar/index.ts';
import type { ServiceContext } from '../../context.ts';

type WorkingCalendar = ReturnType<typeof createWorkingCalendar>;

/**
 * The organ's working calendar: Việt Nam's holidays built in, plus the administrator's changes for
 * each year's official decisions (calendar_days). Built once and rebuilt only when a change lands,
 * because deadlines are computed on every task write and the bench adds 60 working days in µs.
 */
export function createCalendarService(ctx: ServiceContext) {
  const overrides = ctx.db.prepare('SELECT date, kind, note FROM calendar_days ORDER BY date');
  const yearOverrides = ctx.db.prepare("SELECT date, kind, note FROM calendar_days WHERE date BETWEEN ? || '-01-01' AND ? || '-12-31' ORDER BY date");
  const upsert = ctx.db.prepare(
    `INSERT INTO calendar_days (date, kind, note, created_at, created_by) VALUES (@date, @kind, @note, @now, @by)
     ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, note = excluded.note, created_at = excluded.created_at, created_by = excluded.created_by`,
  );
  const remove = ctx.db.prepare('DELETE FROM calendar_days WHERE date = ?');
  let cached: WorkingCalendar | null = null;

  function calendar(): WorkingCalendar {
    cached ??= createWorkingCalendar(overrides.all() as CalendarOverride[]);
    return cached;
  }

  function year(year: number): CalendarYear {
    const cal = calendar();
    return {
      year,
      holidays: cal.holidays(year),
      workingWeekends: cal.workingWeekends(year).map(({ date, note }) => ({ date, note })),
      overrides: yearOverrides.all(String(year), String(year)) as CalendarYear['overrides'],
    };
  }

  return {
    calendar,
    year,
    addDays({ from, days }: TasksInput<'calendar.addDays'>) {
      return { from, days, date: calendar().addWorkingDays(from, days) };
    },
    setDays({ days }: TasksInput<'calendar.setDays'>): CalendarYear[] {
      const now = ctx.now().toISOString();
      ctx.db.transaction(() => {
        for (const day of days) upsert.run({ ...day, now, by: ctx.actorId() });
        ctx.audit.record({ action: 'calendar.set', entity: 'calendar', detail: { days } });
      })();
      cached = null;
      return [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort().map(year);
    },
    removeDay({ date }: TasksInput<'calendar.removeDay'>) {
      const removed = ctx.db.transaction(() => {
        const changes = remove.run(date).changes > 0;
        if (changes) ctx.audit.record({ action: 'calendar.remove', entity: 'calendar', detail: { date } });
        return changes;
      })();
      cached = null;
      return { removed };
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
