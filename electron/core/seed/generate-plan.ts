import { v7 as uuidv7 } from 'uuid';
import type { TargetDirection } from '../../../shared/plans/attainment.ts';
import { foldText } from '../../../shared/text-fold.ts';
import type { SqliteDatabase } from '../runtime.ts';
import type { SeedUnit } from './generate-tasks.ts';
import type { Random } from './random.ts';

/**
 * How a target's figure runs through the year: a flow adds up quarter by quarter (thu ngân sách,
 * doanh nghiệp thành lập mới: the quarter's goal is the year's share so far, "lũy kế"); a rate is
 * the same all year (tỷ lệ che phủ rừng); a stock grows from last year's level (số xã đạt chuẩn).
 */
type Shape = 'flow' | 'rate' | 'stock';

interface TargetTemplate {
  group: 0 | 1 | 2;
  code: string;
  name: string;
  measure: string;
  /** The unit that owns it: the start of a seeded unit's name. */
  owner: string;
  direction: TargetDirection;
  shape: Shape;
  /** The goal of the first year, and how much it moves each year after (a factor for a flow, a step otherwise). */
  base: number;
  yearly: number;
  decimals: number;
  /** False: the plan gives only the year's goal (a quarter is judged against it). */
  quarterly: boolean;
}

const GROUPS = [
  { code: 'I', title: 'Các chỉ tiêu kinh tế' },
  { code: 'II', title: 'Các chỉ tiêu văn hóa – xã hội' },
  { code: 'III', title: 'Các chỉ tiêu môi trường, quốc phòng – an ninh' },
];

/** Chỉ tiêu chủ yếu of a northern mountain province's yearly socio-economic plan. */
const TEMPLATES: TargetTemplate[] = [
  { group: 0, code: '1', name: 'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)', measure: '%', owner: 'Sở Kế hoạch và Đầu tư', direction: 'higher', shape: 'rate', base: 8.5, yearly: 0.1, decimals: 2, quarterly: true },
  { group: 0, code: '2', name: 'GRDP bình quân đầu người', measure: 'triệu đồng', owner: 'Cục Thống kê', direction: 'higher', shape: 'rate', base: 92, yearly: 7, decimals: 1, quarterly: false },
  { group: 0, code: '3', name: 'Thu ngân sách nhà nước trên địa bàn', measure: 'tỷ đồng', owner: 'Sở Tài chính', direction: 'higher', shape: 'flow', base: 11_500, yearly: 1.07, decimals: 0, quarterly: true },
  { group: 0, code: '4', name: 'Tổng vốn đầu tư phát triển toàn xã hội', measure: 'tỷ đồng', owner: 'Sở Kế hoạch và Đầu tư', direction: 'higher', shape: 'flow', base: 40_000, yearly: 1.09, decimals: 0, quarterly: true },
  { group: 0, code: '5', name: 'Kim ngạch xuất nhập khẩu qua các cửa khẩu', measure: 'triệu USD', owner: 'Sở Công Thương', direction: 'higher', shape: 'flow', base: 3_000, yearly: 1.1, decimals: 1, quarterly: true },
  { group: 0, code: '6', name: 'Số doanh nghiệp thành lập mới', measure: 'doanh nghiệp', owner: 'Sở Kế hoạch và Đầu tư', direction: 'higher', shape: 'flow', base: 600, yearly: 1.05, decimals: 0, quarterly: true },
  { group: 0, code: '7', name: 'Tổng lượt khách du lịch', measure: 'triệu lượt', owner: 'Sở Văn hóa, Thể thao và Du lịch', direction: 'higher', shape: 'flow', base: 8.5, yearly: 1.08, decimals: 2, quarterly: true },
  { group: 1, code: '8', name: 'Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)', measure: '%', owner: 'Sở Lao động - Thương binh và Xã hội', direction: 'lower', shape: 'rate', base: 9.5, yearly: -1.5, decimals: 2, quarterly: true },
  { group: 1, code: '9', name: 'Số xã đạt chuẩn nông thôn mới (lũy kế)', measure: 'xã', owner: 'Văn phòng Điều phối nông thôn mới', direction: 'higher', shape: 'stock', base: 90, yearly: 6, decimals: 0, quarterly: true },
  { group: 1, code: '10', name: 'Tỷ lệ dân số tham gia bảo hiểm y tế', measure: '%', owner: 'Bảo hiểm xã hội', direction: 'higher', shape: 'rate', base: 95.5, yearly: 0.3, decimals: 1, quarterly: true },
  { group: 1, code: '11', name: 'Số lao động được giải quyết việc làm mới', measure: 'người', owner: 'Sở Lao động - Thương binh và Xã hội', direction: 'higher', shape: 'flow', base: 16_000, yearly: 1.02, decimals: 0, quarterly: true },
  { group: 1, code: '12', name: 'Tỷ lệ trường học đạt chuẩn quốc gia', measure: '%', owner: 'Sở Giáo dục và Đào tạo', direction: 'higher', shape: 'rate', base: 70, yearly: 2, decimals: 1, quarterly: true },
  { group: 2, code: '13', name: 'Tỷ lệ che phủ rừng', measure: '%', owner: 'Sở Nông nghiệp và Phát triển nông thôn', direction: 'higher', shape: 'rate', base: 60.5, yearly: 0.3, decimals: 1, quarterly: true },
  { group: 2, code: '14', name: 'Tỷ lệ chất thải rắn đô thị được thu gom, xử lý', measure: '%', owner: 'Sở Tài nguyên và Môi trường', direction: 'higher', shape: 'rate', base: 94, yearly: 0.5, decimals: 1, quarterly: true },
  { group: 2, code: '15', name: 'Số vụ tai nạn giao thông', measure: 'vụ', owner: 'Công an tỉnh', direction: 'lower', shape: 'flow', base: 180, yearly: 0.95, decimals: 0, quarterly: true },
  { group: 2, code: '16', name: 'Tỷ lệ hoàn thành chỉ tiêu tuyển quân', measure: '%', owner: 'Bộ Chỉ huy Quân sự tỉnh', direction: 'higher', shape: 'rate', base: 100, yearly: 0, decimals: 0, quarterly: true },
];

/** What share of a flow's year is due by the end of each quarter (lũy kế). */
const FLOW_SHARE = [0.22, 0.48, 0.73, 1];

/** Why a unit's figure fell short, as it writes beside the value. */
const SHORTFALL_NOTES = [
  'Do ảnh hưởng của mưa lũ, sạt lở đất kéo dài',
  'Tiến độ giải phóng mặt bằng một số dự án còn chậm',
  'Một số doanh nghiệp lớn tạm dừng sản xuất',
  'Thủ tục đầu tư điều chỉnh kéo dài',
  'Số liệu ước tính, sẽ cập nhật khi có số chính thức',
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface PlanSeedInput {
  db: SqliteDatabase;
  r: Random;
  committeeId: string | null;
  title: string;
  code: string | null;
  yearFrom: number;
  yearTo: number;
  /** Values are the units' estimates, sent shortly before each quarter (and year) ends, up to here. */
  until: Date;
  units: readonly SeedUnit[];
  /** People who report the values. */
  reporters: readonly string[];
  /**
   * The plan's targets assigned again to each of these units (a district, a department), each
   * set in a sub-group per unit under the areas: the benchmark's plan of some 500 targets.
   */
  copies?: readonly SeedUnit[];
}

export interface PlanSeedCounts {
  planId: string;
  groups: number;
  targets: number;
  goals: number;
  actuals: number;
}

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** The quarter's goal of a template in a year (index 0 = the plan's first year), or the year's when `quarter` is null. */
function goalOf(t: TargetTemplate, yearIndex: number, quarter: number | null, scale: number): number {
  if (t.shape === 'flow') {
    const year = t.base * t.yearly ** yearIndex * scale;
    return round(quarter === null ? year : year * FLOW_SHARE[quarter - 1]!, t.decimals);
  }
  if (t.shape === 'stock') {
    const start = (t.base + t.yearly * (yearIndex - 1)) * scale;
    const step = t.yearly * scale;
    return round(quarter === null ? start + step : start + (step * quarter) / 4, t.decimals);
  }
  const year = Math.max(0.5, t.base + t.yearly * yearIndex);
  const cap = t.measure === '%' ? 100 : Number.POSITIVE_INFINITY;
  return round(Math.min(cap, quarter === null || t.direction === 'lower' ? year : year * (0.96 + 0.01 * quarter)), t.decimals);
}

/**
 * One action plan (kế hoạch phát triển kinh tế – xã hội) with its areas, targets, yearly and
 * quarterly goals, and the values the owning units reported for the periods already over: most
 * reached, some nearly, a few not (with the unit's reason), now and then corrected later.
 * Written straight to the tables, in the caller's transaction or one of its own.
 */
export function generatePlan(input: PlanSeedInput): PlanSeedCounts {
  const { db, r } = input;
  const untilMs = input.until.getTime();
  const created = new Date(Date.UTC(input.yearFrom - 1, 11, 20, 2)).toISOString();
  const counts: PlanSeedCounts = { planId: uuidv7({ msecs: Date.parse(created) }), groups: 0, targets: 0, goals: 0, actuals: 0 };
  const ownerOf = (prefix: string) => input.units.find((u) => u.name.startsWith(prefix))?.id ?? (input.units.length ? r.pick(input.units).id : null);

  const insertPlan = db.prepare(
    `INSERT INTO action_plans (id, committee_id, title, code, year_from, year_to, near_percent, met_percent, source_file, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 80, 100, NULL, ?, NULL, ?)`,
  );
  const insertGroup = db.prepare('INSERT INTO plan_groups (id, plan_id, parent_id, code, title, position) VALUES (?, ?, ?, ?, ?, ?)');
  const insertTarget = db.prepare(
    `INSERT INTO plan_targets (id, plan_id, group_id, code, name, measure, owner_org_id, direction, source, position, search_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const insertGoal = db.prepare('INSERT INTO target_goals (target_id, period, value) VALUES (?, ?, ?)');
  const insertActual = db.prepare(
    'INSERT INTO target_actuals (id, target_id, period, value, note, evidence_document_id, reported_at, reported_by) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
  );

  /** A value as the unit reports it: mostly at or past the goal, some nearly, a few well short. */
  function reported(t: TargetTemplate, goal: number): { value: number; note: string | null } {
    const roll = r.next();
    let reach = roll < 0.62 ? 1 + r.next() * 0.08 : roll < 0.86 ? 0.82 + r.next() * 0.16 : 0.55 + r.next() * 0.22;
    // A rate (che phủ rừng, bảo hiểm y tế) moves by points, not by a fifth: it misses narrowly.
    if (t.shape === 'rate' && reach < 1) reach = 0.97 + (reach - 0.55) * 0.066;
    let value = t.direction === 'lower' ? goal / reach : goal * reach;
    if (t.measure === '%' && t.direction === 'higher') value = Math.min(value, 100);
    value = round(value, t.decimals);
    return { value, note: reach < 0.98 && r.chance(0.7) ? r.pick(SHORTFALL_NOTES) : null };
  }

  function write(): void {
    insertPlan.run(counts.planId, input.committeeId, input.title, input.code, input.yearFrom, input.yearTo, created, created);
    const groupIds = GROUPS.map((g, i) => {
      const id = uuidv7();
      insertGroup.run(id, counts.planId, null, g.code, g.title, i * 1000);
      counts.groups += 1;
      return id;
    });
    let position = 0;
    const sets: Array<{ unit: SeedUnit | null; groups: string[]; scale: number }> = [{ unit: null, groups: groupIds, scale: 1 }];
    (input.copies ?? []).forEach((unit, k) => {
      const groups = groupIds.map((parent, i) => {
        const id = uuidv7();
        insertGroup.run(id, counts.planId, parent, String(k + 1), unit.name, i * 1000 + k + 1);
        counts.groups += 1;
        return id;
      });
      sets.push({ unit, groups, scale: 0.02 + r.next() * 0.06 });
    });
    // Targets in plan order: each area's own, then its copies by unit.
    for (let g = 0; g < GROUPS.length; g++) {
      for (const set of sets) {
        for (const t of TEMPLATES.filter((x) => x.group === g)) {
          const id = uuidv7();
          const name = set.unit ? `${t.name} – ${set.unit.name}` : t.name;
          const code = set.unit ? `${sets.indexOf(set)}.${t.code}` : t.code;
          const owner = set.unit ? set.unit.id : ownerOf(t.owner);
          insertTarget.run(id, counts.planId, set.groups[g], code, name, t.measure, owner, t.direction, position++, foldText(`${name} ${code}`));
          counts.targets += 1;
          writeFigures(id, t, set.scale);
        }
      }
    }
  }

  function writeFigures(targetId: string, t: TargetTemplate, scale: number): void {
    for (let year = input.yearFrom; year <= input.yearTo; year++) {
      const yi = year - input.yearFrom;
      const yearGoal = goalOf(t, yi, null, scale);
      insertGoal.run(targetId, String(year), yearGoal);
      counts.goals += 1;
      let last: { value: number; note: string | null } | null = null;
      for (let q = 1; q <= 4; q++) {
        const goal = t.quarterly ? goalOf(t, yi, q, scale) : null;
        if (goal !== null) {
          insertGoal.run(targetId, `${year}-Q${q}`, goal);
          counts.goals += 1;
        }
        // The unit's estimate (ước thực hiện), sent between the 15th and the 25th of the quarter's
        // last month in office hours (Việt Nam), in time for the report as of the quarter's end.
        const at = Date.UTC(year, q * 3 - 1, 15 + r.int(0, 10), 1 + r.int(0, 8), r.int(0, 59));
        if (at > untilMs) continue;
        const value = reported(t, goal ?? (t.shape === 'flow' ? yearGoal * FLOW_SHARE[q - 1]! : yearGoal));
        last = value;
        actual(targetId, `${year}-Q${q}`, value, at, t.decimals);
      }
      if (last) {
        const at = Date.UTC(year, 11, 26 + r.int(0, 3), 2);
        if (at <= untilMs) actual(targetId, String(year), last, at, t.decimals);
      }
    }
  }

  function actual(targetId: string, period: string, v: { value: number; note: string | null }, at: number, decimals: number): void {
    insertActual.run(uuidv7({ msecs: at }), targetId, period, v.value, v.note, new Date(at).toISOString(), input.reporters.length ? r.pick(input.reporters) : null);
    counts.actuals += 1;
    // Now and then the unit corrects its estimate with the official figure a few weeks later (kept
    // in the history; a report on the period counts what was known by the period's end).
    const later = at + r.int(10, 30) * DAY;
    if (r.chance(0.08) && later <= untilMs) {
      const corrected = round(v.value * (0.99 + r.next() * 0.03), decimals);
      insertActual.run(uuidv7({ msecs: later }), targetId, period, corrected, 'Điều chỉnh theo số liệu chính thức', new Date(later).toISOString(), input.reporters.length ? r.pick(input.reporters) : null);
      counts.actuals += 1;
    }
  }

  db.transaction(write)();
  return counts;
}

/** The years a dataset of `years` ending at `until` spans, as the plan's years. */
export function planYears(years: number, until: Date): { yearFrom: number; yearTo: number } {
  const yearTo = new Date(until.getTime() + 7 * HOUR).getUTCFullYear();
  const yearFrom = new Date(until.getTime() + 7 * HOUR - years * 365 * DAY).getUTCFullYear();
  return { yearFrom, yearTo };
}
