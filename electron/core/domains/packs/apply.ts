import { existsSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { PackChange } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { blobPathOf } from '../../files/blob-file.ts';
import { placeTempBlob } from '../documents/blob-store.ts';
import { searchKey } from '../directory/search.ts';
import { meetingSearchKey } from '../meetings/index.ts';
import type { PackContent } from './format.ts';
import type { OpenedPack } from './read-pack.ts';

/** Adds a document's rows to the search index (the documents domain owns how). */
export type IndexDocument = (document: PackContent['documents'][number], pages: string[] | undefined) => void;

/**
 * Move each verified document into the content-addressed store, once: bytes already stored (the
 * same PDF in an earlier pack, or imported by the member) are not written again. Runs inside the
 * import's write transaction, as a document import places its file, so the start-up sweep of
 * another process (which holds the same lock) never sees a placed file before its row.
 */
function placePackBlobs(ctx: ServiceContext, pack: OpenedPack): number {
  let newBlobs = 0;
  for (const [sha256, scratch] of pack.blobs) {
    if (!existsSync(blobPathOf(ctx.paths, sha256))) newBlobs += 1;
    placeTempBlob(ctx, { tmp: scratch, sha256, size: pack.blobSizes.get(sha256)! });
  }
  return newBlobs;
}

/** Agenda items ordered so each comes after its parent, however deep; items in a cycle are left out (the insert of a child then fails). */
function parentsFirst<T extends { id: string; parent_id: string | null }>(items: T[]): T[] {
  const ordered: T[] = [];
  const placed = new Set<string>();
  let level = items.filter((a) => a.parent_id === null);
  while (level.length > 0) {
    for (const a of level) {
      ordered.push(a);
      placed.add(a.id);
    }
    level = items.filter((a) => a.parent_id !== null && placed.has(a.parent_id) && !placed.has(a.id));
  }
  return ordered.length === items.length ? ordered : [...ordered, ...items.filter((a) => !placed.has(a.id))];
}

/**
 * Replace the member's copy of the meeting with the pack's, in one transaction. Directory rows are
 * added or refreshed by id; documents are added by id and never removed (a member's notes hang on
 * them, and an old version stays readable); nothing of the member's own is touched.
 */
export function applyPack(
  ctx: ServiceContext,
  pack: OpenedPack,
  indexDocument: IndexDocument,
  reindexMetadata: (documentId: string) => void,
  changes: PackChange[],
): { importId: string; newBlobs: number } {
  const { db } = ctx;
  const { content, manifest } = pack;
  const now = ctx.now().toISOString();
  const importId = uuidv7();

  const newBlobs = db.transaction(() => {
    const orgExists = db.prepare('SELECT 1 FROM organizations WHERE id = ?').pluck();
    const orgByCode = db.prepare('SELECT id FROM organizations WHERE organ_code = ?').pluck();
    const insertOrg = db.prepare(
      'INSERT INTO organizations (id, organ_code, name, short_name, parent_id, search_key, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, NULL, ?, ?)',
    );
    const updateOrg = db.prepare('UPDATE organizations SET name = ?, short_name = ?, search_key = ?, updated_at = ? WHERE id = ?');
    const setOrgParent = db.prepare('UPDATE organizations SET parent_id = ? WHERE id = ? AND parent_id IS NULL');
    for (const o of content.organizations) {
      const key = searchKey(o.name, o.short_name, o.organ_code);
      if (orgExists.get(o.id)) updateOrg.run(o.name, o.short_name, key, now, o.id);
      else {
        // The member may have the same organ code under another id; keep theirs, drop the code here.
        const code = o.organ_code && !orgByCode.get(o.organ_code) ? o.organ_code : null;
        insertOrg.run(o.id, code, o.name, o.short_name, key, now, now);
      }
    }
    for (const o of content.organizations) if (o.parent_id) setOrgParent.run(o.parent_id, o.id);

    const upsertPerson = db.prepare(
      `INSERT INTO people (id, full_name, position, organization_id, email, phone, search_key, created_by, created_at, updated_at)
       VALUES (@id, @full_name, @position, @organization_id, @email, @phone, @search_key, NULL, @now, @now)
       ON CONFLICT (id) DO UPDATE SET full_name = excluded.full_name, position = excluded.position,
         organization_id = excluded.organization_id, search_key = excluded.search_key, updated_at = excluded.updated_at`,
    );
    for (const p of content.people) upsertPerson.run({ ...p, search_key: searchKey(p.full_name, p.position, p.email, p.phone), now });

    db.prepare(
      `INSERT INTO committees (id, name, short_name, quorum_percent, created_by, created_at, updated_at)
       VALUES (@id, @name, @short_name, @quorum_percent, NULL, @now, @now)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
         quorum_percent = excluded.quorum_percent, updated_at = excluded.updated_at`,
    ).run({ ...content.committee, now });
    if (content.room) {
      db.prepare(
        `INSERT INTO rooms (id, name, location, capacity, created_at, updated_at) VALUES (@id, @name, @location, @capacity, @now, @now)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, location = excluded.location, capacity = excluded.capacity, updated_at = excluded.updated_at`,
      ).run({ ...content.room, now });
    }
    db.prepare(
      `INSERT OR IGNORE INTO catalog_items (catalog, code, label, position, builtin)
       VALUES ('meeting_kind', ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM catalog_items WHERE catalog = 'meeting_kind'), 0)`,
    ).run(content.kind.code, content.kind.label);

    const m = content.meeting;
    db.prepare(
      `INSERT INTO meetings (id, committee_id, kind_code, title, starts_at, ends_at, room_id, online, chair_person_id,
         secretary_person_id, chairing_org_id, classification, status, description, revision, origin, pack_revision,
         search_key, created_by, created_at, updated_at)
       VALUES (@id, @committee_id, @kind_code, @title, @starts_at, @ends_at, @room_id, @online, @chair_person_id,
         @secretary_person_id, @chairing_org_id, @classification, @status, @description, @revision, 'pack', @revision,
         @search_key, NULL, @created_at, @updated_at)
       ON CONFLICT (id) DO UPDATE SET committee_id = excluded.committee_id, kind_code = excluded.kind_code,
         title = excluded.title, starts_at = excluded.starts_at, ends_at = excluded.ends_at, room_id = excluded.room_id,
         online = excluded.online, chair_person_id = excluded.chair_person_id,
         secretary_person_id = excluded.secretary_person_id, chairing_org_id = excluded.chairing_org_id,
         classification = excluded.classification, status = excluded.status, description = excluded.description,
         revision = excluded.revision, pack_revision = excluded.pack_revision, search_key = excluded.search_key,
         updated_at = excluded.updated_at`,
    ).run({ ...m, search_key: meetingSearchKey(m.title) });

    for (const table of ['meeting_documents', 'participants', 'meeting_bridge_points', 'meeting_changes']) {
      db.prepare(`DELETE FROM ${table} WHERE meeting_id = ?`).run(m.id);
    }
    db.prepare('DELETE FROM agenda_items WHERE meeting_id = ? AND parent_id IS NOT NULL').run(m.id);
    db.prepare('DELETE FROM agenda_items WHERE meeting_id = ?').run(m.id);

    const insertPoint = db.prepare('INSERT INTO meeting_bridge_points (id, meeting_id, name, location, position) VALUES (?, ?, ?, ?, ?)');
    for (const b of content.bridgePoints) insertPoint.run(b.id, m.id, b.name, b.location, b.position);

    const insertItem = db.prepare(
      `INSERT INTO agenda_items (id, meeting_id, parent_id, position, title, description, presenter_person_id, presenter_org_id,
         preparing_org_id, duration_minutes, outcome, created_at, updated_at)
       VALUES (@id, @meeting_id, @parent_id, @position, @title, @description, @presenter_person_id, @presenter_org_id,
         @preparing_org_id, @duration_minutes, @outcome, @created_at, @updated_at)`,
    );
    for (const a of parentsFirst(content.agendaItems)) insertItem.run({ ...a, meeting_id: m.id });

    const insertParticipant = db.prepare(
      `INSERT INTO participants (id, meeting_id, person_id, organization_id, role, position, rsvp, rsvp_reason, rsvp_delegate_id, rsvp_delegate_name)
       VALUES (@id, @meeting_id, @person_id, @organization_id, @role, @position, @rsvp, @rsvp_reason, @rsvp_delegate_id, @rsvp_delegate_name)`,
    );
    for (const p of content.participants) insertParticipant.run({ ...p, meeting_id: m.id });

    const insertBlob = db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)');
    for (const sha256 of pack.blobs.keys()) insertBlob.run(sha256, pack.blobSizes.get(sha256)!, now);

    const documentExists = db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck();
    const updateDocument = db.prepare(
      `UPDATE documents SET number = @number, notation = @notation, issue_date = @issue_date, issuer = @issuer,
         summary = @summary, type_code = @type_code, classification = @classification, urgency = @urgency, updated_at = @updated_at
       WHERE id = @id`,
    );
    // Older versions first, so a newer one can point at its predecessor.
    const ordered = [...content.documents].sort((a, b) => (a.id === b.previous_version_id ? -1 : b.id === a.previous_version_id ? 1 : 0));
    for (const d of ordered) {
      if (documentExists.get(d.id)) {
        updateDocument.run(d);
        reindexMetadata(d.id);
      }
      else {
        const previous = d.previous_version_id && documentExists.get(d.previous_version_id) ? d.previous_version_id : null;
        indexDocument({ ...d, previous_version_id: previous }, pack.pageTexts.get(d.id));
      }
    }

    const insertAttachment = db.prepare(
      `INSERT INTO meeting_documents (id, meeting_id, agenda_item_id, document_id, position, attached_by, attached_at)
       VALUES (@id, @meeting_id, @agenda_item_id, @document_id, @position, NULL, @attached_at)`,
    );
    for (const a of content.attachments) insertAttachment.run({ ...a, meeting_id: m.id });

    const insertChange = db.prepare('INSERT INTO meeting_changes (id, meeting_id, revision, at, by, summary) VALUES (?, ?, ?, ?, NULL, ?)');
    for (const c of content.changes) insertChange.run(c.id, m.id, c.revision, c.at, c.summary);

    db.prepare(
      'INSERT INTO pack_imports (id, meeting_id, revision, signer, manifest_sha, imported_at, summary) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(importId, m.id, manifest.revision, manifest.signer.fingerprint, pack.manifestSha, now, JSON.stringify(changes));
    // The room's certificate as the secretariat's signed pack names it: joining on the day pins it.
    if (pack.room) {
      db.prepare(
        'INSERT INTO live_room_pins (meeting_id, fingerprint, received_at) VALUES (?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET fingerprint = excluded.fingerprint, received_at = excluded.received_at',
      ).run(m.id, pack.room.fingerprint, now);
      if (pack.room.record) {
        db.prepare(
          'INSERT INTO live_room_records (meeting_id, record, received_at) VALUES (?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET record = excluded.record, received_at = excluded.received_at',
        ).run(m.id, JSON.stringify(pack.room.record), now);
      }
    }
    ctx.audit.record({
      action: 'packs.import',
      entity: 'meeting',
      entityId: m.id,
      detail: { revision: manifest.revision, signer: manifest.signer.fingerprint, documents: content.documents.length, changes: changes.length },
    });
    return placePackBlobs(ctx, pack);
  }).immediate();
  return { importId, newBlobs };
}
