import type { plansMethods } from '../../../../shared/contract/index.ts';
import { dayKey } from '../../../../shared/vn-time.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import type { Domain } from '../domain.ts';
import { createPlanImport } from './import/plan-import-service.ts';
import { createPlanReader } from './plan-reader.ts';
import { planStanding, reportedBefore } from './plan-standing.ts';
import { createPlanTasks } from './plan-tasks.ts';
import { createTargetValues } from './target-values.ts';

/**
 * Kế hoạch hành động and chỉ tiêu (issue 16): plans imported from spreadsheets, the values units
 * report per period, attainment against the plan's thresholds, the heat-map of units × areas, and
 * the tasks put under the plan's groups.
 */
export function createPlansDomain(ctx: ServiceContext) {
  const reader = createPlanReader(ctx.db);
  const values = createTargetValues(ctx, reader);
  const importer = createPlanImport(ctx);
  const tasks = createPlanTasks(ctx);
  const today = () => dayKey(ctx.now());

  /** A plan's standing for a period, values as known at the end of `asOf` (today by default). */
  function standing(planId: string, period: string, asOf = today()) {
    return planStanding(reader.detail(planId, reportedBefore(asOf)), period, asOf);
  }

  const handlers: DomainHandlers<typeof plansMethods> = {
    'plans.list': ({ committeeId }) => reader.list(committeeId),
    'plans.get': ({ planId }) => reader.detail(planId),
    'plans.standing': ({ planId, period, asOf }) => standing(planId, period, asOf),
    'plans.setThresholds': (input) => values.setThresholds(input),
    'plans.importPreview': (input) => importer.preview(input),
    'plans.importCommit': (input) => importer.commit(input),
    'plans.importCancel': (input) => importer.cancel(input),
    'plans.importTemplate': () => importer.template(),
    'plans.importFile': (input) => importer.importFile(input),
    'targets.report': (input) => values.report(input),
    'targets.history': ({ targetId }) => reader.history(targetId),
    'plans.linkTasks': (input) => tasks.link(input),
    'plans.unlinkTask': (input) => tasks.unlink(input),
  };

  const quiet = new Set(['plans.list', 'plans.get', 'plans.standing', 'plans.importPreview', 'plans.importCancel', 'plans.importTemplate', 'targets.history']);
  for (const name of Object.keys(handlers) as Array<keyof typeof handlers>) {
    if (quiet.has(name)) continue;
    const inner = handlers[name] as (input: unknown) => unknown;
    (handlers as Record<string, unknown>)[name] = async (input: unknown) => {
      const result = await inner(input);
      ctx.events.emit('data.changed', { area: 'plans' });
      return result;
    };
  }

  // The reports domain builds the targets report from the same reader and standing.
  const domain = { handlers, reader, standing, close: () => importer.close() };
  return domain satisfies Domain;
}

export type PlansDomain = ReturnType<typeof createPlansDomain>;
