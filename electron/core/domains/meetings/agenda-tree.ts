import type { Agenda, AgendaItem, AgendaPresenter, MeetingAttachment, MeetingRef } from '../../../../shared/contract/index.ts';

/** An agenda row with the names of who presents and who prepares. */
export interface AgendaRow {
  id: string;
  parent_id: string | null;
  position: number;
  title: string;
  description: string | null;
  presenter_person_id: string | null;
  presenter_name: string | null;
  presenter_position: string | null;
  presenter_unit: string | null;
  presenter_org_id: string | null;
  presenter_org_name: string | null;
  preparing_org_id: string | null;
  preparing_org_name: string | null;
  duration_minutes: number;
  outcome: string | null;
}

export const AGENDA_ROWS_SQL = `
  SELECT a.id, a.parent_id, a.position, a.title, a.description,
    a.presenter_person_id, pp.full_name AS presenter_name, pp.position AS presenter_position, ppo.name AS presenter_unit,
    a.presenter_org_id, po.name AS presenter_org_name,
    a.preparing_org_id, pr.name AS preparing_org_name,
    a.duration_minutes, a.outcome
  FROM agenda_items a
  LEFT JOIN people pp ON pp.id = a.presenter_person_id
  LEFT JOIN organizations ppo ON ppo.id = pp.organization_id
  LEFT JOIN organizations po ON po.id = a.presenter_org_id
  LEFT JOIN organizations pr ON pr.id = a.preparing_org_id
  WHERE a.meeting_id = ?
  ORDER BY a.position, a.id`;

const MINUTE = 60_000;

function presenterOf(row: AgendaRow): AgendaPresenter | null {
  if (row.presenter_person_id && row.presenter_name !== null) {
    return { kind: 'person', id: row.presenter_person_id, name: row.presenter_name, position: row.presenter_position, unitName: row.presenter_unit };
  }
  if (row.presenter_org_id && row.presenter_org_name !== null) {
    return { kind: 'organization', id: row.presenter_org_id, name: row.presenter_org_name };
  }
  return null;
}

function preparingOf(row: AgendaRow): MeetingRef | null {
  return row.preparing_org_id && row.preparing_org_name !== null ? { id: row.preparing_org_id, name: row.preparing_org_name } : null;
}

/**
 * The agenda as a tree with planned times. Items run one after another from the meeting's start;
 * an item's slot is its own duration, or the sum of its sub-items' slots when that is longer, and
 * its sub-items run one after another from the item's start inside that slot.
 */
export function buildAgenda(
  meeting: { id: string; startsAt: string; endsAt: string },
  rows: readonly AgendaRow[],
  documentsByItem: ReadonlyMap<string, MeetingAttachment[]>,
): Agenda {
  const byParent = new Map<string | null, AgendaRow[]>();
  for (const row of rows) {
    const siblings = byParent.get(row.parent_id) ?? [];
    siblings.push(row);
    byParent.set(row.parent_id, siblings);
  }
  for (const siblings of byParent.values()) siblings.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));

  function slotOf(row: AgendaRow): number {
    const children = byParent.get(row.id) ?? [];
    const inner = children.reduce((sum, child) => sum + slotOf(child), 0);
    return Math.max(row.duration_minutes, inner);
  }

  function place(row: AgendaRow, number: string, startMs: number): AgendaItem {
    const slot = slotOf(row);
    let cursor = startMs;
    const children = (byParent.get(row.id) ?? []).map((child, i) => {
      const item = place(child, `${number}.${i + 1}`, cursor);
      cursor += item.slotMinutes * MINUTE;
      return item;
    });
    return {
      id: row.id,
      parentId: row.parent_id,
      position: row.position,
      number,
      title: row.title,
      description: row.description,
      presenter: presenterOf(row),
      preparingOrg: preparingOf(row),
      durationMinutes: row.duration_minutes,
      slotMinutes: slot,
      plannedStartsAt: new Date(startMs).toISOString(),
      plannedEndsAt: new Date(startMs + slot * MINUTE).toISOString(),
      outcome: row.outcome,
      documents: documentsByItem.get(row.id) ?? [],
      children,
    };
  }

  const start = Date.parse(meeting.startsAt);
  let cursor = start;
  const items = (byParent.get(null) ?? []).map((row, i) => {
    const item = place(row, String(i + 1), cursor);
    cursor += item.slotMinutes * MINUTE;
    return item;
  });
  const totalMinutes = Math.round((cursor - start) / MINUTE);
  return {
    meetingId: meeting.id,
    items,
    totalMinutes,
    plannedEndsAt: new Date(cursor).toISOString(),
    overrunMinutes: Math.max(0, Math.round((cursor - Date.parse(meeting.endsAt)) / MINUTE)),
  };
}

/** Every item of the tree, depth first, in agenda order. */
export function flattenAgenda(items: readonly AgendaItem[]): AgendaItem[] {
  return items.flatMap((item) => [item, ...flattenAgenda(item.children)]);
}
