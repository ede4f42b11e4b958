import { v7 as uuidv7 } from 'uuid';
import type { PlanSummary, PlansInput, TargetActual } from '../../../../shared/contract/index.ts';
import { parseTargetPeriod, targetPeriodLabel } from '../../../../shared/plans/target-periods.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError, invalidInput } from '../../errors.ts';
import { targetActual, type ActualRow, type PlanReader } from './plan-reader.ts';

/**
 * What changes a plan after its import: a unit's reported value (a new row each time, so the
 * history and every past cut-off stay as they were) and the plan's thresholds.
 */
export function createTargetValues(ctx: ServiceContext, reader: PlanReader) {
  const insert = ctx.db.prepare(
    `INSERT INTO target_actuals (id, target_id, period, value, note, evidence_document_id, reported_at, reported_by, reporter_name)
     VALUES (@id, @targetId, @period, @value, @note, @evidence, @at, @by, @byName)`,
  );
  const documentExists = ctx.db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck();
  const touchPlan = ctx.db.prepare('UPDATE action_plans SET updated_at = ? WHERE id = ?');
  const setThresholds = ctx.db.prepare('UPDATE action_plans SET near_percent = @near, met_percent = @met, updated_at = @at WHERE id = @id');
  const actualById = ctx.db.prepare(
    'SELECT id, target_id, period, value, note, evidence_document_id, reported_at, reported_by, reporter_name FROM target_actuals WHERE id = ?',
  );
  const profile = ctx.db.prepare(`SELECT id, full_name || CASE WHEN position <> '' THEN ', ' || position ELSE '' END AS name FROM profile LIMIT 1`);

  return {
    report(input: PlansInput<'targets.report'>): TargetActual {
      const target = reader.target(input.targetId);
      const period = parseTargetPeriod(input.period)!;
      const [from, to] = target.planYears;
      if (period.year < from || period.year > to) {
        throw invalidInput([
          {
            path: 'period',
            message: `${targetPeriodLabel(input.period)} nằm ngoài thời gian của kế hoạch (${from === to ? from : `${from}–${to}`})`,
            messageEn: `${targetPeriodLabel(input.period, 'en')} is outside the plan's years (${from === to ? from : `${from}–${to}`})`,
          },
        ]);
      }
      if (input.evidenceDocumentId && !documentExists.get(input.evidenceDocumentId)) {
        throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy tài liệu minh chứng trong kho.', en: 'The evidence document is not in the store.' });
      }
      const id = uuidv7();
      const at = ctx.now().toISOString();
      const reporter = profile.get() as { id: string; name: string } | undefined;
      ctx.db
        .transaction(() => {
          insert.run({
            id,
            targetId: target.id,
            period: input.period,
            value: input.value,
            note: input.note ?? null,
            evidence: input.evidenceDocumentId ?? null,
            at,
            by: reporter?.id ?? ctx.actorId(),
            byName: reporter?.name ?? null,
          });
          touchPlan.run(at, target.planId);
          ctx.audit.record({
            action: 'targets.report',
            entity: 'target',
            entityId: target.id,
            detail: { planId: target.planId, period: input.period, value: input.value, evidenceDocumentId: input.evidenceDocumentId ?? null },
          });
        })
        .immediate();
      return targetActual(actualById.get(id) as ActualRow);
    },

    setThresholds({ planId, thresholds }: PlansInput<'plans.setThresholds'>): PlanSummary {
      const before = reader.summary(planId);
      ctx.db
        .transaction(() => {
          setThresholds.run({ id: planId, near: thresholds.nearPercent, met: thresholds.metPercent, at: ctx.now().toISOString() });
          ctx.audit.record({
            action: 'plans.setThresholds',
            entity: 'action_plan',
            entityId: planId,
            detail: { before: before.thresholds, after: thresholds },
          });
        })
        .immediate();
      return reader.summary(planId);
    },
  };
}
