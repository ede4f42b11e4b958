import { v7 as uuidv7 } from 'uuid';
import {
  foldText,
  type Committee,
  type CommitteeMember,
  type CommitteeRole,
  type CommitteeSummary,
  type MethodInput,
} from '../../../../shared/contract/index.ts';
import type { PassRule } from '../../../../shared/room/tally.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { ChangeWriter } from './changes.ts';
import { notFound } from './errors.ts';

interface CommitteeRow {
  id: string;
  name: string;
  short_name: string | null;
  quorum_percent: number;
  pass_rule: PassRule | null;
  tie_to_chair: number | null;
  member_count: number;
  head_name: string | null;
  created_at: string;
  updated_at: string;
}

interface MemberRow {
  id: string;
  person_id: string | null;
  organization_id: string | null;
  role: CommitteeRole;
  name: string;
  person_position: string | null;
  detail: string | null;
}

function toSummary(row: CommitteeRow): CommitteeSummary {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    quorumPercent: row.quorum_percent,
    passRule: row.pass_rule ?? 'majority_present',
    tieToChair: row.tie_to_chair === 1,
    memberCount: row.member_count,
    headName: row.head_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Members needed for a quorum: the standing agency is a unit, not a voting member, so it is not counted. */
export function quorumCount(members: ReadonlyArray<{ role: CommitteeRole }>, quorumPercent: number): number {
  const voting = members.filter((m) => m.role !== 'standing_agency').length;
  return Math.ceil((voting * quorumPercent) / 100);
}

/** Ban Chỉ đạo with their ordered members: Trưởng ban, Phó Trưởng ban, thành viên, thư ký, cơ quan thường trực. */
export function createCommitteesService(ctx: ServiceContext, change: ChangeWriter) {
  const { db } = ctx;
  const summary = `c.*, r.pass_rule, r.tie_to_chair,
    (SELECT count(*) FROM committee_members m WHERE m.committee_id = c.id) AS member_count,
    (SELECT p.full_name FROM committee_members m JOIN people p ON p.id = m.person_id
      WHERE m.committee_id = c.id AND m.role = 'head' ORDER BY m.position LIMIT 1) AS head_name`;
  const selectAll = db.prepare(`SELECT ${summary} FROM committees c LEFT JOIN committee_vote_rules r ON r.committee_id = c.id`);
  const selectOne = db.prepare(`SELECT ${summary} FROM committees c LEFT JOIN committee_vote_rules r ON r.committee_id = c.id WHERE c.id = ?`);
  const setVoteRule = db.prepare(
    `INSERT INTO committee_vote_rules (committee_id, pass_rule, tie_to_chair) VALUES (?, ?, ?)
     ON CONFLICT (committee_id) DO UPDATE SET pass_rule = excluded.pass_rule, tie_to_chair = excluded.tie_to_chair`,
  );
  const selectMembers = db.prepare(
    `SELECT m.id, m.person_id, m.organization_id, m.role,
       coalesce(p.full_name, o.name) AS name,
       p.position AS person_position,
       CASE WHEN m.person_id IS NOT NULL THEN po.name ELSE o.organ_code END AS detail
     FROM committee_members m
     LEFT JOIN people p ON p.id = m.person_id
     LEFT JOIN organizations po ON po.id = p.organization_id
     LEFT JOIN organizations o ON o.id = m.organization_id
     WHERE m.committee_id = ? ORDER BY m.position`,
  );
  const insert = db.prepare(
    `INSERT INTO committees (id, name, short_name, quorum_percent, created_by, created_at, updated_at)
     VALUES (@id, @name, @shortName, @quorumPercent, @createdBy, @now, @now)`,
  );
  const update = db.prepare(
    'UPDATE committees SET name = @name, short_name = @shortName, quorum_percent = @quorumPercent, updated_at = @now WHERE id = @id',
  );
  const touch = db.prepare('UPDATE committees SET updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM committees WHERE id = ?');
  const meetingCount = db.prepare('SELECT count(*) FROM meetings WHERE committee_id = ?').pluck();
  const clearMembers = db.prepare('DELETE FROM committee_members WHERE committee_id = ?');
  const insertMember = db.prepare(
    `INSERT INTO committee_members (id, committee_id, person_id, organization_id, role, position)
     VALUES (@id, @committeeId, @personId, @organizationId, @role, @position)`,
  );
  const personName = db.prepare('SELECT full_name FROM people WHERE id = ?').pluck();
  const organizationName = db.prepare('SELECT name FROM organizations WHERE id = ?').pluck();
  const selectNames = db.prepare('SELECT id, name FROM committees');

  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

  function get(id: string): Committee {
    const row = selectOne.get(id) as CommitteeRow | undefined;
    if (!row) throw notFound('Ban Chỉ đạo', 'Committee');
    const members = (selectMembers.all(id) as MemberRow[]).map(
      (m): CommitteeMember => ({
        id: m.id,
        personId: m.person_id,
        organizationId: m.organization_id,
        role: m.role,
        name: m.name,
        personPosition: m.person_position,
        detail: m.detail,
      }),
    );
    const { memberCount: _count, headName: _head, ...rest } = toSummary(row);
    return { ...rest, members, quorumCount: quorumCount(members, row.quorum_percent) };
  }

  function assertNameFree(name: string, selfId: string | null): void {
    const folded = foldText(name);
    const clash = (selectNames.all() as Array<{ id: string; name: string }>).find((c) => c.id !== selfId && foldText(c.name) === folded);
    if (clash) {
      throw new CoreError(
        'CONFLICT',
        { vi: `Đã có Ban Chỉ đạo tên "${clash.name}".`, en: `A committee named "${clash.name}" already exists.` },
        { field: 'name' },
      );
    }
  }

  return {
    get,

    list(): CommitteeSummary[] {
      return (selectAll.all() as CommitteeRow[]).map(toSummary).sort((a, b) => collator.compare(a.name, b.name));
    },

    create(input: MethodInput<'committees.create'>): Committee {
      return change(
        'directory',
        (audit) => {
          assertNameFree(input.name, null);
          const id = uuidv7();
          insert.run({
            id,
            name: input.name,
            shortName: input.shortName ?? null,
            quorumPercent: input.quorumPercent ?? 50,
            createdBy: ctx.actorId(),
            now: ctx.now().toISOString(),
          });
          setVoteRule.run(id, input.passRule, input.tieToChair ? 1 : 0);
          audit({ action: 'committees.create', entity: 'committee', entityId: id, detail: { name: input.name } });
          return get(id);
        },
        (c) => c.id,
      );
    },

    update(input: MethodInput<'committees.update'>): Committee {
      return change(
        'directory',
        (audit) => {
          const before = get(input.id);
          assertNameFree(input.name, input.id);
          const passRule = input.passRule ?? before.passRule;
          const tieToChair = input.tieToChair ?? before.tieToChair;
          update.run({
            id: input.id,
            name: input.name,
            shortName: input.shortName ?? null,
            quorumPercent: input.quorumPercent ?? 50,
            now: ctx.now().toISOString(),
          });
          setVoteRule.run(input.id, passRule, tieToChair ? 1 : 0);
          audit({
            action: 'committees.update',
            entity: 'committee',
            entityId: input.id,
            detail: { name: input.name, quorumPercent: input.quorumPercent, passRule, tieToChair },
          });
          return get(input.id);
        },
        (c) => c.id,
      );
    },

    delete(input: MethodInput<'committees.delete'>): { id: string } {
      return change(
        'directory',
        (audit) => {
          const existing = get(input.id);
          const meetings = meetingCount.get(input.id) as number;
          if (meetings > 0) {
            throw new CoreError(
              'CONFLICT',
              {
                vi: `Không xóa được "${existing.name}" vì còn ${meetings} cuộc họp của Ban Chỉ đạo này.`,
                en: `"${existing.name}" cannot be deleted: it still has ${meetings} meetings.`,
              },
              { meetings },
            );
          }
          remove.run(input.id);
          audit({ action: 'committees.delete', entity: 'committee', entityId: input.id, detail: { name: existing.name } });
          return { id: input.id };
        },
        (r) => r.id,
      );
    },

    setMembers(input: MethodInput<'committees.setMembers'>): Committee {
      return change(
        'directory',
        (audit) => {
          get(input.committeeId);
          for (const m of input.members) {
            if (m.personId && !personName.get(m.personId)) throw notFound('cán bộ được chọn làm thành viên', 'A chosen member');
            if (m.organizationId && !organizationName.get(m.organizationId)) throw notFound('cơ quan, đơn vị được chọn', 'A chosen unit');
          }
          clearMembers.run(input.committeeId);
          input.members.forEach((m, position) =>
            insertMember.run({
              id: uuidv7(),
              committeeId: input.committeeId,
              personId: m.personId ?? null,
              organizationId: m.organizationId ?? null,
              role: m.role,
              position,
            }),
          );
          touch.run(ctx.now().toISOString(), input.committeeId);
          audit({
            action: 'committees.setMembers',
            entity: 'committee',
            entityId: input.committeeId,
            detail: { members: input.members.map((m) => ({ role: m.role, personId: m.personId, organizationId: m.organizationId })) },
          });
          return get(input.committeeId);
        },
        (c) => c.id,
      );
    },
  };
}

export type CommitteesService = ReturnType<typeof createCommitteesService>;
