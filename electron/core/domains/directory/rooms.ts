import { v7 as uuidv7 } from 'uuid';
import { foldText, type MethodInput, type Room } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { ChangeWriter } from './changes.ts';
import { notFound } from './errors.ts';

interface RoomRow {
  id: string;
  name: string;
  location: string | null;
  capacity: number | null;
  created_at: string;
  updated_at: string;
}

function toRoom(row: RoomRow): Room {
  return { id: row.id, name: row.name, location: row.location, capacity: row.capacity, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Phòng họp. A room a meeting was held in stays, so past meetings keep saying where they were. */
export function createRoomsService(ctx: ServiceContext, change: ChangeWriter) {
  const { db } = ctx;
  const selectAll = db.prepare('SELECT * FROM rooms');
  const selectOne = db.prepare('SELECT * FROM rooms WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO rooms (id, name, location, capacity, created_at, updated_at) VALUES (@id, @name, @location, @capacity, @now, @now)',
  );
  const update = db.prepare('UPDATE rooms SET name = @name, location = @location, capacity = @capacity, updated_at = @now WHERE id = @id');
  const remove = db.prepare('DELETE FROM rooms WHERE id = ?');
  const meetingCount = db.prepare('SELECT count(*) FROM meetings WHERE room_id = ?').pluck();
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

  function all(): Room[] {
    return (selectAll.all() as RoomRow[]).map(toRoom).sort((a, b) => collator.compare(a.name, b.name));
  }

  function get(id: string): Room {
    const row = selectOne.get(id) as RoomRow | undefined;
    if (!row) throw notFound('phòng họp', 'Meeting room');
    return toRoom(row);
  }

  function assertNameFree(name: string, selfId: string | null): void {
    const folded = foldText(name);
    const clash = all().find((r) => r.id !== selfId && foldText(r.name) === folded);
    if (clash) {
      throw new CoreError(
        'CONFLICT',
        { vi: `Đã có phòng họp tên "${clash.name}".`, en: `A room named "${clash.name}" already exists.` },
        { field: 'name' },
      );
    }
  }

  const fields = (input: MethodInput<'rooms.create'>) => ({
    name: input.name,
    location: input.location ?? null,
    capacity: input.capacity ?? null,
  });

  return {
    list: all,
    get,

    create(input: MethodInput<'rooms.create'>): Room {
      return change(
        'directory',
        (audit) => {
          assertNameFree(input.name, null);
          const id = uuidv7();
          insert.run({ ...fields(input), id, now: ctx.now().toISOString() });
          audit({ action: 'rooms.create', entity: 'room', entityId: id, detail: { name: input.name } });
          return get(id);
        },
        (r) => r.id,
      );
    },

    update(input: MethodInput<'rooms.update'>): Room {
      return change(
        'directory',
        (audit) => {
          get(input.id);
          assertNameFree(input.name, input.id);
          update.run({ ...fields(input), id: input.id, now: ctx.now().toISOString() });
          audit({ action: 'rooms.update', entity: 'room', entityId: input.id, detail: { name: input.name } });
          return get(input.id);
        },
        (r) => r.id,
      );
    },

    delete(input: MethodInput<'rooms.delete'>): { id: string } {
      return change(
        'directory',
        (audit) => {
          const existing = get(input.id);
          const meetings = meetingCount.get(input.id) as number;
          if (meetings > 0) {
            throw new CoreError(
              'CONFLICT',
              {
                vi: `Không xóa được "${existing.name}" vì đã có ${meetings} cuộc họp tổ chức tại phòng này.`,
                en: `"${existing.name}" cannot be deleted: ${meetings} meetings are held there.`,
              },
              { meetings },
            );
          }
          remove.run(input.id);
          audit({ action: 'rooms.delete', entity: 'room', entityId: input.id, detail: { name: existing.name } });
          return { id: input.id };
        },
        (r) => r.id,
      );
    },
  };
}

export type RoomsService = ReturnType<typeof createRoomsService>;
