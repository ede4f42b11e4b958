import { v7 as uuidv7 } from 'uuid';
import { civilFromDay, dayFromCivil, daysInMonth } from '../../../shared/calendar/day-number.ts';
import { createWorkingCalendar, dayNumber, isoOf, type CalendarOverride } from '../../../shared/calendar/index.ts';
import type { TaskBucket } from '../../../shared/contract/index.ts';
import { taskSearchKey } from '../domains/tasks/task-reader.ts';
import type { SqliteDatabase } from '../runtime.ts';
import type { Random } from './random.ts';
import { extensionReasons, familyNames, givenNames, middleNames, progressText, taskContent, taskResult, taskTags } from './vietnamese-text.ts';

export interface SeedUnit {
  id: string;
  name: string;
}

/** A seeded meeting as its tasks see it: the Việt Nam day it was held (days since 1970-01-01). */
export interface SeedMeeting {
  id: string;
  committeeId: string;
  day: number;
  itemIds: readonly string[];
}

/** A seeded văn bản chỉ đạo a task can come from, by the day it entered the store. */
export interface SeedDirective {
  id: string;
  day: number;
}

export interface TaskSeedInput {
  db: SqliteDatabase;
  r: Random;
  years: number;
  until: Date;
  /** The units that lead and coordinate tasks (not the province's people's committee, which assigns them). */
  units: readonly SeedUnit[];
  /** Leaders who supervise tasks. */
  supervisors: readonly string[];
  /** Held meetings, oldest first. */
  meetings: readonly SeedMeeting[];
  /** Directive documents, oldest first. */
  directives: readonly SeedDirective[];
}

export interface TaskSeedCounts {
  tasks: number;
  taskEvents: number;
  taskExtensions: number;
  taskCoordinators: number;
  /** What the generator aimed each task at, as of the seed's today (cancelled ones are in none). */
  buckets: Record<TaskBucket | 'cancelled', number>;
}

/** A province gives about this many tasks a year (kết luận, chỉ đạo, văn bản giao việc). */
export const TASKS_PER_YEAR = 3_000;

/**
 * The mix as of the seed's today: most work done in time, some late, the rest still open. Tasks
 * are assigned evenly over the years (about TASKS_PER_YEAR each); the open ones are mostly recent
 * (the last fifth of the span, at least four months), plus the ongoing (thường xuyên) tasks and a
 * tail of long-overdue ones a real office keeps chasing, so older years end up mostly done.
 */
const MIX = { done_on_time: 0.65, done_late: 0.12, open_on_time: 0.15, open_late: 0.08 } as const;
const CANCELLED = 0.012;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Việt Nam is UTC+7 all year. */
const VN_OFFSET = 7 * HOUR;

type DeadlineKind = 'date' | 'working_days' | 'ongoing';
interface Template {
  kind: DeadlineKind;
  /** Working days, or calendar days for a date. */
  n: number;
  /** A date rounded to the end of its month ("trước ngày 30/6"). */
  monthEnd: boolean;
}

interface PlannedEvent {
  kind: string;
  day: number;
  percent?: number | null;
  text?: string | null;
  actor: string;
}

interface PlannedExtension {
  requestedDay: number;
  from: number;
  to: number;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  decidedDay: number | null;
  note: string | null;
}

const STANDING_OFFICE = ['Nguyễn Thị Lan, Chuyên viên Văn phòng UBND tỉnh', 'Trần Minh Hải, Phó Chánh Văn phòng UBND tỉnh', 'Lò Thị Mai, Chuyên viên Văn phòng UBND tỉnh'];
const CANCEL_REASONS = ['Nhiệm vụ không còn phù hợp do thay đổi chủ trương', 'Đã được lồng ghép vào nhiệm vụ khác', 'Dự án dừng triển khai theo chỉ đạo của Tỉnh ủy'];
const PAUSE_REASONS = ['Tạm dừng chờ ý kiến của các bộ, ngành Trung ương', 'Tạm dừng chờ bố trí vốn', 'Tạm dừng theo đề nghị của đơn vị chủ trì để điều chỉnh phạm vi'];
const RETURN_REASONS = ['Hồ sơ hoàn thành chưa đủ minh chứng', 'Kết quả chưa đáp ứng yêu cầu của kết luận', 'Đề nghị bổ sung ý kiến của đơn vị phối hợp'];

/**
 * The tasks of a province over the seeded years: most from the seeded meetings (their committee
 * and agenda item), some from directive documents, some given directly; deadlines as dates or
 * working days counted in the working calendar, progress reports, extensions and reminders, and the
 * timeliness mix above as of the seed's today. One transaction of prepared inserts, no audit per row
 * (the seed writes rows as a tool, like the rest of the dataset).
 */
export function generateTasks(input: TaskSeedInput): TaskSeedCounts {
  const { db, r, units, meetings, directives } = input;
  const cal = createWorkingCalendar(db.prepare('SELECT date, kind, note FROM calendar_days').all() as CalendarOverride[]);
  const untilMs = input.until.getTime();
  const today = Math.floor((untilMs + VN_OFFSET) / DAY);
  const startDay = today - input.years * 365;
  const counts: TaskSeedCounts = {
    tasks: 0,
    taskEvents: 0,
    taskExtensions: 0,
    taskCoordinators: 0,
    buckets: { done_on_time: 0, done_late: 0, open_on_time: 0, open_late: 0, cancelled: 0 },
  };

  const insertTask = db.prepare(
    `INSERT INTO tasks (id, content, expected_result, source_kind, meeting_id, agenda_item_id, conclusion_id, document_id, committee_id,
       lead_unit_id, person_in_charge, supervisor_id, assigned_on, deadline_kind, working_days, review, original_deadline, due_date, judged_by,
       urgency, classification, status, percent, completed_on, status_reason, tags, search_key, version, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  );
  const insertCoordinator = db.prepare('INSERT INTO task_coordinators (task_id, unit_id) VALUES (?, ?)');
  const insertEvent = db.prepare(
    `INSERT INTO task_events (id, task_id, kind, at, actor_id, actor_name, percent, text, documents) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, '[]')`,
  );
  const insertExtension = db.prepare(
    `INSERT INTO task_extensions (id, task_id, requested_at, requested_on, from_date, to_date, reason, status, decided_at, decided_by, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const between = (lo: number, hi: number) => (hi <= lo ? lo : r.int(lo, hi));
  /** Mostly small, sometimes large: days late, days overdue. */
  const skewed = (mean: number, max: number) => Math.max(1, Math.min(max, 1 + Math.floor(-Math.log(1 - r.next()) * mean)));
  const monthEnd = (day: number) => {
    const [y, m] = civilFromDay(day);
    return dayFromCivil(y, m, daysInMonth(y, m));
  };
  /** An instant on a Việt Nam office day (08:00–17:00). */
  const instantOn = (day: number) => day * DAY - VN_OFFSET + (8 + r.int(0, 8)) * HOUR + r.int(0, 59) * MINUTE;

  function template(long: boolean): Template {
    if (r.chance(0.35)) return { kind: 'working_days', n: r.pick(long ? [20, 30, 45, 60, 90] : [5, 7, 10, 15, 15, 20, 30, 30, 45, 60]), monthEnd: false };
    return { kind: 'date', n: r.pick(long ? [30, 60, 90, 120, 180, 270, 365] : [7, 10, 15, 20, 30, 30, 45, 60, 90, 120, 180]), monthEnd: r.chance(0.4) };
  }
  function dueOf(a: number, t: Template): number {
    if (t.kind === 'working_days') return dayNumber(cal.addWorkingDays(isoOf(a), t.n));
    return t.monthEnd ? monthEnd(a + t.n) : a + t.n;
  }

  // Where the open tasks sit in time (see MIX): the share of open-on-time tasks that are ongoing,
  // the share of overdue ones that are recent, and the recent windows, all widening with the span.
  const spanDays = today - startDay;
  const ongoingShare = Math.min(0.6, 0.3 + 0.035 * input.years);
  const recentLateShare = Math.max(0.5, 0.72 - 0.022 * input.years);
  const openWindow = Math.max(120, Math.round(0.2 * spanDays));
  const lateWindow = Math.max(150, Math.round(0.2 * spanDays));
  /** Done late among the done, a little above 12:77 because the most recent can only be done on time. */
  const lateAmongDone = 0.165;

  /**
   * A task assigned on day `a` (even over the span): the bucket it ends in as of today, drawn so the
   * whole span has MIX, and a deadline that makes that bucket happen.
   */
  function outcome(a: number): { bucket: TaskBucket | 'cancelled'; t: Template; due: number | null } {
    const age = today - a;
    const x = r.next();
    if (x < CANCELLED) {
      const t = template(false);
      return { bucket: 'cancelled', t, due: dueOf(a, t) };
    }
    const onTime = MIX.open_on_time * (ongoingShare + (age < openWindow ? ((1 - ongoingShare) * spanDays) / openWindow : 0));
    const late = age < 10 ? 0 : MIX.open_late * (1 - recentLateShare + (age < lateWindow ? (recentLateShare * spanDays) / lateWindow : 0));
    const y = (x - CANCELLED) / (1 - CANCELLED);
    if (y < onTime) {
      if (r.next() < (MIX.open_on_time * ongoingShare) / onTime) return { bucket: 'open_on_time', t: { kind: 'ongoing', n: 0, monthEnd: false }, due: null };
      const t = template(r.chance(0.5));
      const due = dueOf(a, t);
      if (due >= today) return { bucket: 'open_on_time', t, due };
      // A long deadline: the end of a month some weeks after today (a programme, a year's plan).
      const long: Template = { kind: 'date', n: age + r.int(5, 90), monthEnd: true };
      return { bucket: 'open_on_time', t: long, due: dueOf(a, long) };
    }
    if (y < onTime + late) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const t = template(false);
        const due = dueOf(a, t);
        if (due < today) return { bucket: 'open_late', t, due };
      }
      const t: Template = { kind: 'date', n: age - 2, monthEnd: false };
      return { bucket: 'open_late', t, due: dueOf(a, t) };
    }
    if (age > 12 && r.chance(lateAmongDone)) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const t = template(false);
        const due = dueOf(a, t);
        if (due <= today - 2) return { bucket: 'done_late', t, due };
      }
    }
    const t = template(false);
    return { bucket: 'done_on_time', t, due: dueOf(a, t) };
  }

  /** The last index whose day is on or before `day`, or -1. */
  function lastOnOrBefore(list: ReadonlyArray<{ day: number }>, day: number): number {
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.day <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  const personName = () => `${r.pick(familyNames)} ${r.pick(middleNames)} ${r.pick(givenNames)}`;
  const shortName = (name: string) => name.replace(/ tỉnh Lào Cai$/, '').replace(/^Ủy ban nhân dân /, 'UBND ');
  const total = TASKS_PER_YEAR * input.years;

  db.transaction(() => {
    for (let k = 0; k < total; k++) {
      // Evenly over the span, up to yesterday (a task is done at the earliest the day after).
      const a = startDay + Math.floor(((k + r.next()) / total) * spanDays);
      const { bucket, t, due: original } = outcome(a);
      counts.buckets[bucket] += 1;

      // Where it comes from: a meeting held a few days before, a directive, or a direct assignment.
      let source: 'direct' | 'document' = 'direct';
      let meeting: SeedMeeting | null = null;
      let documentId: string | null = null;
      const from = r.next();
      if (from < 0.72) {
        const i = lastOnOrBefore(meetings, a - r.int(0, 5));
        if (i >= 0) meeting = meetings[Math.max(0, i - r.int(0, 2))]!;
      } else if (from < 0.9) {
        const i = lastOnOrBefore(directives, a);
        if (i >= 0) {
          source = 'document';
          documentId = directives[Math.max(0, i - r.int(0, 3))]!.id;
        }
      }

      const lead = r.pick(units);
      const coordinating = new Map<string, SeedUnit>();
      const want = r.pick([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3]);
      while (coordinating.size < want) {
        const u = r.pick(units);
        if (u.id !== lead.id) coordinating.set(u.id, u);
      }
      const content = taskContent(r, shortName(lead.name), [...coordinating.values()].map((u) => shortName(u.name)));
      const expected = r.chance(0.6) ? taskResult(r) : null;
      const tags = r.chance(0.15) ? [r.pick(taskTags)] : [];
      const person = personName();
      const reporter = `${person}, ${shortName(lead.name)}`;
      const office = () => r.pick(STANDING_OFFICE);

      const events: PlannedEvent[] = [{ kind: 'created', day: a, actor: STANDING_OFFICE[0]! }];
      const plan = { extension: null as PlannedExtension | null };
      let due = original;
      let judged = original;
      let status = 'in_progress';
      let percent = 0;
      let completedOn: number | null = null;
      let reason: string | null = null;

      /** Progress reports from the lead unit between two days, at most five, climbing to `upTo` percent. */
      const progress = (fromDay: number, toDay: number, upTo: number) => {
        const gap = Math.max(r.int(10, 30), Math.ceil((toDay - fromDay) / 5));
        let day = fromDay + r.int(5, Math.min(20, gap));
        while (day < toDay && percent < upTo) {
          percent = Math.min(upTo, percent + r.int(10, 35));
          events.push({ kind: 'progress', day, percent, text: progressText(r, percent), actor: reporter });
          day += gap + r.int(0, 7);
        }
      };
      const remind = (fromDay: number, toDay: number, times: number) => {
        for (let i = 0; i < times && fromDay + 2 < toDay; i++) {
          fromDay = between(fromDay + 2, Math.min(toDay, fromDay + 30));
          events.push({ kind: 'reminded', day: fromDay, text: 'Đề nghị đơn vị khẩn trương thực hiện, báo cáo kết quả', actor: office() });
        }
      };
      const ask = (requestedDay: number, fromDate: number, to: number, decision: 'pending' | 'approved' | 'refused', decidedDay: number | null) => {
        const why = r.pick(extensionReasons);
        const by = office();
        const x: PlannedExtension = { requestedDay, from: fromDate, to, reason: why, status: decision, decidedDay, note: decision === 'refused' ? 'Không đồng ý gia hạn, đề nghị khẩn trương hoàn thành' : null };
        plan.extension = x;
        events.push({ kind: 'extension_requested', day: requestedDay, text: `${isoOf(to)}: ${why}`, actor: reporter });
        if (decision !== 'pending') events.push({ kind: `extension_${decision}`, day: decidedDay!, text: [isoOf(to), x.note].filter(Boolean).join(': '), actor: by });
        return x;
      };
      const complete = (day: number, accepted: boolean) => {
        // Now and then the office returned a first report of completion before accepting the second.
        if (accepted && r.chance(0.05) && day - a > 12) {
          const first = day - r.int(6, 10);
          events.push({ kind: 'completed', day: first, percent: 100, text: 'Đề nghị công nhận hoàn thành nhiệm vụ', actor: reporter });
          events.push({ kind: 'returned', day: first + r.int(1, 3), text: r.pick(RETURN_REASONS), actor: office() });
        }
        events.push({ kind: 'completed', day, percent: 100, text: 'Đã hoàn thành nhiệm vụ, gửi kèm báo cáo kết quả', actor: reporter });
        if (accepted) events.push({ kind: 'accepted', day: Math.min(today, day + r.int(0, 6)), actor: office() });
        completedOn = day;
        percent = 100;
        status = accepted ? 'done' : 'done_requested';
      };

      if (bucket === 'cancelled') {
        const end = between(a + 1, Math.min(today, a + 120));
        progress(a, end, 60);
        reason = r.pick(CANCEL_REASONS);
        events.push({ kind: 'cancelled', day: end, text: reason, actor: office() });
        status = 'cancelled';
      } else if (bucket === 'done_on_time') {
        const o = original!;
        let limit = Math.min(o, today);
        if (r.chance(0.08) && o < today - 3 && o - a >= 5) {
          // Asked in time and approved: the new date is the one it is judged by, and it was met.
          const to = o + r.int(10, 45);
          const asked = between(Math.max(a + 1, o - 10), o);
          ask(asked, o, to, 'approved', Math.min(today, asked + r.int(1, 5)));
          due = judged = to;
          limit = Math.min(to, today);
          progress(a, o, 80);
          complete(between(o + 1, limit), true);
        } else {
          const c = Math.min(limit, a + Math.max(1, Math.round((limit - a) * (1 - 0.75 * r.next() ** 2))));
          progress(a, c, 90);
          complete(c, true);
        }
      } else if (bucket === 'done_late') {
        const o = original!;
        const c = o + skewed(20, today - o);
        const variant = r.next();
        progress(a, Math.min(o, c), 80);
        if (variant < 0.2 && o > a) {
          const asked = between(Math.max(a + 1, o - 10), o);
          ask(asked, o, o + r.int(15, 60), 'refused', Math.min(c, asked + r.int(1, 5)));
        } else if (variant < 0.35) {
          // Asked after the deadline had passed: approved, but the task is still judged by the first date.
          const asked = between(o + 1, c);
          due = ask(asked, o, c + r.int(0, 20), 'approved', between(asked, c)).to;
        }
        if (c - o > 10) remind(o, c, 1);
        complete(c, true);
      } else if (bucket === 'open_on_time') {
        if (t.kind === 'ongoing') {
          status = r.chance(0.85) ? 'in_progress' : 'assigned';
          if (status === 'in_progress') progress(a, today, 90);
          if (percent === 0) status = 'assigned';
        } else {
          const o = original!;
          const variant = r.next();
          if (variant < 0.08 && a < today) {
            // Its first deadline was moved by an extension asked in time and approved.
            const latest = Math.min(o, today);
            const asked = between(Math.max(a + 1, latest - 10), latest);
            due = judged = ask(asked, o, o + r.int(10, 45), 'approved', Math.min(today, asked + r.int(1, 5))).to;
            progress(a, today, 85);
          } else if (variant < 0.14) {
            progress(a, today, 70);
            ask(between(Math.max(a + 1, today - 10), today), o, o + r.int(15, 45), 'pending', null);
          } else if (variant < 0.2 && a < today) {
            progress(a, today, 90);
            complete(between(Math.max(a + 1, today - 10), today), false);
          } else if (r.chance(0.04)) {
            progress(a, today, 50);
            reason = r.pick(PAUSE_REASONS);
            events.push({ kind: 'paused', day: between(a + 1, today), text: reason, actor: office() });
            status = 'paused';
          } else {
            progress(a, today, 90);
            status = percent > 0 ? 'in_progress' : 'assigned';
          }
        }
      } else {
        // open_late
        const o = original!;
        const variant = r.next();
        progress(a, today, 80);
        if (variant < 0.12 && o > a) {
          const asked = between(Math.max(a + 1, o - 10), o);
          ask(asked, o, o + r.int(15, 60), 'refused', Math.min(today, asked + r.int(1, 5)));
        } else if (variant < 0.2) {
          ask(between(o + 1, today), o, today + r.int(15, 60), 'pending', null);
        } else if (variant < 0.26) {
          const asked = between(o + 1, today);
          due = ask(asked, o, today + r.int(5, 60), 'approved', Math.min(today, asked + r.int(1, 5))).to;
        }
        remind(o, today, r.int(0, 3));
        const state = r.next();
        if (plan.extension === null && state < 0.1) complete(between(o + 1, today), false);
        else if (plan.extension === null && state < 0.16 && today - o > 4) {
          const first = between(o + 1, today - 3);
          events.push({ kind: 'completed', day: first, percent: 100, text: 'Đề nghị công nhận hoàn thành nhiệm vụ', actor: reporter });
          reason = r.pick(RETURN_REASONS);
          events.push({ kind: 'returned', day: first + r.int(1, 3), text: reason, actor: office() });
          status = 'returned';
          percent = 90;
        } else if (state < 0.2) {
          reason = r.pick(PAUSE_REASONS);
          events.push({ kind: 'paused', day: between(o, today), text: reason, actor: office() });
          status = 'paused';
        } else status = percent > 0 ? 'in_progress' : 'assigned';
      }

      // Write the task, its units, its history (in order, never after the seed's now) and its extension.
      events.sort((x, y) => x.day - y.day);
      const id = uuidv7({ msecs: instantOn(a) });
      let previous = 0;
      const stamps = events.map((e) => {
        let at = instantOn(Math.min(e.day, today));
        if (at <= previous) at = previous + 1_000 + r.int(0, 10) * MINUTE;
        previous = at;
        return at;
      });
      // Today's events happened before the seed's now: walk back from it, keeping their order.
      for (let i = stamps.length - 1, latest = untilMs - MINUTE; i >= 0 && stamps[i]! > latest; i--) {
        stamps[i] = latest;
        latest -= 1_000;
      }
      previous = stamps.at(-1)!;
      const createdAt = new Date(stamps[0]!).toISOString();
      insertTask.run(
        id,
        content,
        expected,
        meeting ? 'direct' : source,
        meeting?.id ?? null,
        meeting && meeting.itemIds.length && r.chance(0.8) ? r.pick(meeting.itemIds) : null,
        documentId,
        meeting?.committeeId ?? null,
        lead.id,
        person,
        r.chance(0.6) ? r.pick(input.supervisors) : null,
        isoOf(a),
        t.kind,
        t.kind === 'working_days' ? t.n : null,
        t.kind === 'ongoing' ? r.pick(['week', 'month', 'month', 'quarter', 'year']) : null,
        original === null ? null : isoOf(original),
        due === null ? null : isoOf(due),
        judged === null ? null : isoOf(judged),
        r.chance(0.85) ? 'normal' : r.pick(['urgent', 'urgent', 'urgent', 'very_urgent', 'flash']),
        r.chance(0.97) ? 'normal' : 'confidential',
        status,
        percent,
        completedOn === null ? null : isoOf(completedOn),
        reason,
        JSON.stringify(tags),
        taskSearchKey({ content, expected_result: expected, tags }),
        events.length,
        createdAt,
        new Date(previous).toISOString(),
      );
      for (const u of coordinating.keys()) insertCoordinator.run(id, u);
      counts.taskCoordinators += coordinating.size;
      events.forEach((e, i) => {
        insertEvent.run(uuidv7({ msecs: stamps[i]! }), id, e.kind, new Date(stamps[i]!).toISOString(), e.actor, e.percent ?? null, e.text ?? null);
      });
      counts.taskEvents += events.length;
      const x = plan.extension;
      if (x) {
        const at = stamps[events.findIndex((e) => e.kind === 'extension_requested')]!;
        const decided = events.findIndex((e) => e.kind === 'extension_approved' || e.kind === 'extension_refused');
        insertExtension.run(
          uuidv7({ msecs: at }),
          id,
          new Date(at).toISOString(),
          isoOf(x.requestedDay),
          isoOf(x.from),
          isoOf(x.to),
          x.reason,
          x.status,
          decided >= 0 ? new Date(stamps[decided]!).toISOString() : null,
          decided >= 0 ? events[decided]!.actor : null,
          x.note,
        );
        counts.taskExtensions += 1;
      }
      counts.tasks += 1;
    }
  })();
  return counts;
}
