import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { urgency } from '../../../../../shared/contract/index.ts';
import { assignmentFields, assignmentState } from '../../../../../shared/sync/wire.ts';
import { dmy } from '../../tasks/shared/taskLabels.ts';
import { unitLabel } from '../useUnitNames.ts';

const FIELDS = [
  'content',
  'expectedResult',
  'source',
  'leadUnit',
  'coordinatingUnits',
  'personInCharge',
  'assignedOn',
  'deadlineKind',
  'workingDays',
  'review',
  'originalDeadline',
  'dueDate',
  'judgedBy',
  'urgency',
  'tags',
  'status',
  'percent',
] as const;
type Field = (typeof FIELDS)[number];

const isField = (name: string): name is Field => (FIELDS as readonly string[]).includes(name);

const EMPTY = '—';

/** A value the screen has no words for, as it is; never an empty cell. */
function raw(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * A differing field of a conflict as the user reads it: its name in the words of the task form, and
 * its two values formatted (dates dd/mm/yyyy, units by name, statuses and urgencies in words). The
 * values come from the hub and a queued change, so each is checked against the wire's schema first.
 */
export function useFieldFormat(units: ReadonlyMap<string, string>) {
  const { t } = useTranslation('sync');
  const { t: tasksT } = useTranslation('tasks');

  const label = useCallback((field: string) => (isField(field) ? t(`field.${field}`) : field), [t]);

  const value = useCallback(
    (field: string, v: unknown): string => {
      if (v === null || v === undefined) return EMPTY;
      const shape = assignmentFields.shape;
      switch (field) {
        case 'assignedOn':
        case 'originalDeadline':
        case 'dueDate':
        case 'judgedBy':
          return typeof v === 'string' ? dmy(v) : raw(v);
        case 'leadUnit':
          return typeof v === 'string' ? unitLabel(units, v) : raw(v);
        case 'coordinatingUnits':
        case 'tags': {
          if (!Array.isArray(v)) return raw(v);
          const items = v.map((item) => (field === 'coordinatingUnits' && typeof item === 'string' ? unitLabel(units, item) : raw(item)));
          return items.length > 0 ? items.join(', ') : EMPTY;
        }
        case 'deadlineKind': {
          const kind = shape.deadlineKind.safeParse(v);
          return kind.success ? tasksT(`deadline.${kind.data}`) : raw(v);
        }
        case 'review': {
          const review = shape.review.safeParse(v);
          return review.success && review.data ? tasksT(`review.${review.data}`) : raw(v);
        }
        case 'urgency': {
          const level = urgency.safeParse(v);
          return level.success ? tasksT(`urgency.${level.data}`) : raw(v);
        }
        case 'status': {
          const status = assignmentState.shape.status.safeParse(v);
          return status.success ? tasksT(`status.${status.data}`) : raw(v);
        }
        case 'percent':
          return typeof v === 'number' ? `${v}%` : raw(v);
        case 'source': {
          const source = shape.source.safeParse(v);
          return source.success ? (source.data.label ?? t(`sourceKind.${source.data.kind}`)) : raw(v);
        }
        default:
          return raw(v);
      }
    },
    [t, tasksT, units],
  );

  return { label, value };
}
