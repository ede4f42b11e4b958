import type { tasksMethods } from '../../../../shared/contract/index.ts';
import type { TasksInput } from './input-types.ts';
import { dayKey } from '../../../../shared/vn-time.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import type { Domain } from '../domain.ts';
import type { MeetingsDomain } from '../meetings/index.ts';
import type { Outbox } from '../sync/outbox.ts';
import { createCalendarService } from './calendar-service.ts';
import { createMeetingLinks } from './meeting-links.ts';
import { createTaskReader } from './task-reader.ts';
import { createTaskService } from './task-service.ts';
import { createTaskStats } from './task-stats.ts';
import { createUnitRefs } from './unit-refs.ts';

/**
 * Chỉ đạo điều hành: tasks from conclusions, documents or given directly, their workflow and
 * history, the timeliness buckets as of any date, and the working calendar deadlines are counted in.
 */
export function createTasksDomain(ctx: ServiceContext, deps: { meetings: Pick<MeetingsDomain, 'handlers'>; outbox: Outbox }) {
  const units = createUnitRefs(ctx.db);
  const calendar = createCalendarService(ctx);
  const reader = createTaskReader(ctx.db, units);
  const soonLimit = (asOf: string) => calendar.calendar().addWorkingDays(asOf, ctx.setting('tasks.dueSoonWorkingDays'));
  /** "As of" a date, today in Việt Nam by default, whatever the machine's clock zone. */
  const clock = (asOf?: string) => {
    const day = asOf ?? dayKey(ctx.now());
    return { asOf: day, soonLimit: soonLimit(day) };
  };
  const service = createTaskService(ctx, { reader, units, calendar, clock, outbox: deps.outbox });
  const stats = createTaskStats(ctx.db, { reader, units, soonLimit });
  const links = createMeetingLinks(ctx, { meetings: deps.meetings, reader, units, clock });

  const handlers: DomainHandlers<typeof tasksMethods> = {
    'tasks.create': (input) => service.create(input),
    'tasks.createMany': (input) => service.createMany(input),
    'tasks.conclusionDrafts': (input) => links.drafts(input),
    'tasks.list': (input: TasksInput<'tasks.list'>) => {
      const c = clock(input.asOf);
      return { ...reader.list({ ...input, ...c }), asOf: c.asOf };
    },
    'tasks.get': ({ id, asOf }) => reader.detail(id, clock(asOf)),
    'tasks.report': (input) => service.report(input),
    'tasks.complete': (input) => service.complete(input),
    'tasks.accept': (input) => service.accept(input),
    'tasks.return': (input) => service.return(input),
    'tasks.pause': (input) => service.pause(input),
    'tasks.resume': (input) => service.resume(input),
    'tasks.cancel': (input) => service.cancel(input),
    'tasks.requestExtension': (input) => service.requestExtension(input),
    'tasks.decideExtension': (input) => service.decideExtension(input),
    'tasks.update': (input) => service.update(input),
    'tasks.remind': (input) => service.remind(input),
    'tasks.stats': (input: TasksInput<'tasks.stats'>) => stats.stats({ ...input, asOf: clock(input.asOf).asOf, dueSoonDays: ctx.setting('tasks.dueSoonWorkingDays') }),
    'tasks.alerts': ({ asOf }) => stats.alerts(clock(asOf).asOf),
    'tasks.addFollowUpItem': (input) => links.addFollowUpItem(input),
    'calendar.holidays': ({ year }) => calendar.year(year),
    'calendar.addDays': (input) => calendar.addDays(input),
    'calendar.setDays': (input) => calendar.setDays(input),
    'calendar.removeDay': (input) => calendar.removeDay(input),
  };

  // Other windows and the CLI may show the same tasks: tell them something changed.
  const quiet = new Set(['tasks.conclusionDrafts', 'tasks.list', 'tasks.get', 'tasks.stats', 'tasks.alerts', 'calendar.holidays', 'calendar.addDays']);
  for (const name of Object.keys(handlers) as Array<keyof typeof handlers>) {
    if (quiet.has(name)) continue;
    const inner = handlers[name] as (input: unknown) => unknown;
    (handlers as Record<string, unknown>)[name] = async (input: unknown) => {
      const result = await inner(input);
      ctx.events.emit('data.changed', { area: 'tasks' });
      return result;
    };
  }

  // The reports domain counts with the same reader and buckets as the dashboard.
  const domain = { handlers, calendar, reader, stats, units };
  return domain satisfies Domain;
}

export type TasksDomain = ReturnType<typeof createTasksDomain>;
