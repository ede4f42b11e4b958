import { v7 as uuidv7 } from 'uuid';
import { searchKey } from '../domains/directory/search.ts';
import { meetingSearchKey } from '../domains/meetings/index.ts';
import type { SqliteDatabase } from '../runtime.ts';
import { generatePlan, planYears, type PlanSeedCounts } from './generate-plan.ts';
import { generateTasks, type SeedDirective, type SeedMeeting, type SeedUnit, type TaskSeedCounts } from './generate-tasks.ts';
import { createRandom, type Random } from './random.ts';
import {
  agendaTitle,
  committeeNames,
  documentSummary,
  extraDepartments,
  familyNames,
  givenNames,
  localCommittees,
  meetingTitle,
  middleNames,
  organizationNames,
  pageText,
  places,
  positions,
} from './vietnamese-text.ts';

/** A document row the seeder wants stored and indexed like any imported one. */
export interface SeedDocument {
  id: string;
  blobSha256: string;
  fileName: string;
  pageCount: number;
  number: string;
  notation: string;
  issueDate: string;
  issuer: string;
  summary: string;
  typeCode: string;
  createdAt: string;
}

export interface SeedTarget {
  db: SqliteDatabase;
  /** Real PDF blobs the seeded documents point at (the store keeps each once). */
  blobs: readonly string[];
  /** Insert one document with its page texts, in the caller's transaction. */
  insertDocument(document: SeedDocument, pages: string[]): void;
  onProgress?(done: number, total: number): void;
}

export interface SeedOptions {
  years: number;
  /** The dataset ends here (meetings run up to a month after). */
  until: Date;
  seed?: number;
}

export interface SeedCounts {
  organizations: number;
  people: number;
  committees: number;
  rooms: number;
  meetings: number;
  agendaItems: number;
  participants: number;
  documents: number;
  pages: number;
  /** The tasks (nhiệm vụ) of the same years, their history and extensions. */
  tasks: TaskSeedCounts;
  /** The main committee's action plan of the same years: its targets, goals and reported values. */
  plan: PlanSeedCounts;
}

/**
 * Per year of one province; a ten-year dataset is 3,000 meetings, 25,000 items, 40,000 documents,
 * 100,000 pages, and 30,000 tasks across about sixty units (generate-tasks.ts).
 */
const PER_YEAR = { meetings: 300, agendaItems: 2_500, documents: 4_000, pages: 10_000 };
const COMMITTEES = 30;
const DOC_TYPES = ['BC', 'TTr', 'KH', 'NQ', 'QĐ', 'TB', 'KL', 'CV', 'ĐA'];
/** The documents that give tasks: resolutions, decisions, notices of conclusions, official letters. */
const DIRECTIVE_TYPES = new Set(['NQ', 'QĐ', 'TB', 'KL', 'CV']);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Việt Nam is UTC+7 all year: the day of an instant there, as days since 1970-01-01. */
const vnDay = (ms: number) => Math.floor((ms + 7 * HOUR) / DAY);

function personName(r: Random): string {
  return `${r.pick(familyNames)} ${r.pick(middleNames)} ${r.pick(givenNames)}`;
}

/** Split `total` into `parts` positive integers that add up to it, randomly. */
function spread(r: Random, total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const out = Array.from({ length: parts }, () => base);
  for (let left = total - base * parts; left > 0; left--) out[r.int(0, parts - 1)]! += 1;
  // Shuffle some weight around so meetings differ.
  for (let i = 0; i < parts; i++) {
    const j = r.int(0, parts - 1);
    const move = Math.min(out[i]! - 1, r.int(0, Math.floor(base / 2)));
    if (move > 0) {
      out[i]! -= move;
      out[j]! += move;
    }
  }
  return out;
}

/**
 * The benchmark's ten-year dataset of one province, scaled by `years`: directory, committees,
 * meetings with agendas and participants, documents with page texts in the search index, and the
 * tasks given at those meetings and by those documents.
 * Written straight to the tables in year-sized transactions (the seeder is a tool, not a user).
 */
export function generateDataset(target: SeedTarget, options: SeedOptions): SeedCounts {
  const { db } = target;
  const r = createRandom(options.seed ?? 20260105);
  const years = options.years;
  const now = options.until.toISOString();
  const counts: Omit<SeedCounts, 'tasks' | 'plan'> = { organizations: 0, people: 0, committees: 0, rooms: 0, meetings: 0, agendaItems: 0, participants: 0, documents: 0, pages: 0 };

  const orgIds: string[] = [];
  const peopleIds: string[] = [];
  const committeeIds: string[] = [];
  const committeeTitle = new Map<string, string>();
  const roomIds: string[] = [];
  const orgName = new Map<string, string>();
  const units: SeedUnit[] = [];
  const heldMeetings: SeedMeeting[] = [];
  const directives: SeedDirective[] = [];

  db.transaction(() => {
    const insertOrg = db.prepare(
      'INSERT INTO organizations (id, organ_code, name, short_name, parent_id, search_key, created_by, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, NULL, ?, ?)',
    );
    const addOrg = (id: string, code: string, name: string, parent: string | null) => insertOrg.run(id, code, name, parent, searchKey(name, code), now, now);
    const province = uuidv7();
    addOrg(province, '000.00.00.H41', 'Ủy ban nhân dân tỉnh Lào Cai', null);
    orgIds.push(province);
    orgName.set(province, 'Ủy ban nhân dân tỉnh Lào Cai');
    let n = 1;
    const addUnit = (level: number, fullName: string, shortName: string) => {
      const id = uuidv7();
      addOrg(id, `000.${String(n).padStart(2, '0')}.${level}.H41`, fullName, province);
      orgIds.push(id);
      orgName.set(id, shortName);
      units.push({ id, name: fullName });
      n += 1;
    };
    // The subjects of the generated prose that are units (not "Ban Chỉ đạo", nor a district left unnamed).
    const departments = [...organizationNames.slice(1), ...extraDepartments].filter((name) => name !== 'Ban Chỉ đạo' && name !== 'Ủy ban nhân dân huyện');
    for (const name of departments) addUnit(31, `${name} tỉnh Lào Cai`.replace(' tỉnh tỉnh', ' tỉnh').replace('Lào Cai tỉnh Lào Cai', 'Lào Cai'), name);
    for (const place of places) addUnit(32, `Ủy ban nhân dân huyện ${place}`, `UBND huyện ${place}`);
    for (const name of localCommittees) addUnit(33, name, name.replace('Ủy ban nhân dân', 'UBND'));
    counts.organizations = orgIds.length;

    const insertPerson = db.prepare(
      'INSERT INTO people (id, full_name, position, organization_id, email, phone, search_key, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, NULL, ?, NULL, ?, ?)',
    );
    for (let i = 0; i < 600; i++) {
      const id = uuidv7();
      const name = personName(r);
      const position = r.pick(positions);
      insertPerson.run(id, name, position, r.pick(orgIds), searchKey(name, position), now, now);
      peopleIds.push(id);
    }
    counts.people = peopleIds.length;

    const insertRoom = db.prepare('INSERT INTO rooms (id, name, location, capacity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= 10; i++) {
      const id = uuidv7();
      insertRoom.run(id, `Phòng họp ${i}`, `Tầng ${1 + (i % 5)}, Trụ sở khối 2`, 20 + 10 * (i % 4), now, now);
      roomIds.push(id);
    }
    counts.rooms = roomIds.length;

    const insertCommittee = db.prepare(
      'INSERT INTO committees (id, name, short_name, quorum_percent, created_by, created_at, updated_at) VALUES (?, ?, NULL, ?, NULL, ?, ?)',
    );
    const insertMember = db.prepare(
      'INSERT INTO committee_members (id, committee_id, person_id, organization_id, role, position) VALUES (?, ?, ?, NULL, ?, ?)',
    );
    for (let i = 0; i < COMMITTEES; i++) {
      const id = uuidv7();
      const base = committeeNames[i % committeeNames.length]!;
      const name = i < committeeNames.length ? `${base} tỉnh` : `${base} (giai đoạn ${2 + Math.floor(i / committeeNames.length)})`;
      insertCommittee.run(id, name, 50, now, now);
      committeeTitle.set(id, base);
      const members = new Set<string>();
      while (members.size < 12) members.add(r.pick(peopleIds));
      [...members].forEach((person, k) => insertMember.run(uuidv7(), id, person, k === 0 ? 'head' : k < 3 ? 'deputy' : k === 11 ? 'secretary' : 'member', k));
      committeeIds.push(id);
    }
    counts.committees = committeeIds.length;
  })();

  const insertMeeting = db.prepare(
    `INSERT INTO meetings (id, committee_id, kind_code, title, starts_at, ends_at, room_id, online, chair_person_id, secretary_person_id,
       chairing_org_id, classification, status, description, revision, origin, search_key, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, 'local', ?, NULL, ?, ?)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO agenda_items (id, meeting_id, parent_id, position, title, description, presenter_person_id, presenter_org_id,
       preparing_org_id, duration_minutes, outcome, created_at, updated_at)
     VALUES (?, ?, NULL, ?, ?, NULL, ?, NULL, ?, ?, NULL, ?, ?)`,
  );
  const insertParticipant = db.prepare(
    `INSERT INTO participants (id, meeting_id, person_id, organization_id, role, position, rsvp) VALUES (?, ?, ?, NULL, ?, ?, 'confirmed')`,
  );
  const insertAttachment = db.prepare(
    'INSERT INTO meeting_documents (id, meeting_id, agenda_item_id, document_id, position, attached_by, attached_at) VALUES (?, ?, ?, ?, ?, NULL, ?)',
  );

  const totalMeetings = PER_YEAR.meetings * years;
  const itemsPerMeeting = spread(r, PER_YEAR.agendaItems * years, totalMeetings);
  const totalDocuments = PER_YEAR.documents * years;
  const pagesPerDocument = spread(r, PER_YEAR.pages * years, totalDocuments);
  const start = options.until.getTime() - years * 365 * DAY;
  const step = (options.until.getTime() + 30 * DAY - start) / totalMeetings;
  let documentIndex = 0;

  const writeDocument = (at: number): string => {
    const id = uuidv7({ msecs: at });
    const pages = Array.from({ length: pagesPerDocument[documentIndex]! }, () => pageText(r, r.int(900, 2200)));
    const type = r.pick(DOC_TYPES);
    const issuer = r.pick(orgIds);
    const issued = new Date(at - r.int(1, 20) * DAY).toISOString().slice(0, 10);
    const number = String(r.int(1, 999));
    target.insertDocument(
      {
        id,
        blobSha256: target.blobs[documentIndex % target.blobs.length]!,
        fileName: `${type}-${number}-${issued}.pdf`,
        pageCount: pages.length,
        number,
        notation: `${type}-${r.pick(['UBND', 'BCĐ', 'SKHĐT', 'STC', 'SGTVT'])}`,
        issueDate: issued,
        issuer: orgName.get(issuer)!,
        summary: documentSummary(r),
        typeCode: type,
        createdAt: new Date(at).toISOString(),
      },
      pages,
    );
    if (DIRECTIVE_TYPES.has(type)) directives.push({ id, day: vnDay(at) });
    documentIndex += 1;
    counts.documents += 1;
    counts.pages += pages.length;
    return id;
  };

  // One transaction per ~year of meetings keeps memory flat and lets progress show.
  const batch = PER_YEAR.meetings;
  for (let from = 0; from < totalMeetings; from += batch) {
    db.transaction(() => {
      for (let i = from; i < Math.min(totalMeetings, from + batch); i++) {
        const day = new Date(start + i * step);
        // 08:00 or 14:00 in Hanoi time (UTC+7).
        const begins = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), r.chance(0.6) ? 1 : 7);
        const ends = begins + r.int(2, 4) * HOUR;
        const id = uuidv7({ msecs: begins });
        const committee = r.pick(committeeIds);
        const past = ends < options.until.getTime();
        const status = past ? (ends < options.until.getTime() - 90 * DAY ? 'archived' : 'ended') : r.chance(0.5) ? 'published' : 'draft';
        const chair = r.pick(peopleIds);
        const stamp = new Date(begins - 7 * DAY).toISOString();
        const title = meetingTitle(r, committeeTitle.get(committee)!);
        insertMeeting.run(
          id,
          committee,
          r.pick(['regular', 'regular', 'thematic', 'extraordinary']),
          title,
          new Date(begins).toISOString(),
          new Date(ends).toISOString(),
          r.chance(0.8) ? r.pick(roomIds) : null,
          r.chance(0.3) ? 1 : 0,
          chair,
          r.pick(peopleIds),
          r.pick(orgIds),
          r.chance(0.05) ? 'confidential' : 'normal',
          status,
          meetingSearchKey(title),
          stamp,
          stamp,
        );
        counts.meetings += 1;
        const itemIds: string[] = [];
        for (let k = 0; k < itemsPerMeeting[i]!; k++) {
          const itemId = uuidv7({ msecs: begins });
          insertItem.run(itemId, id, k, agendaTitle(r), r.pick(peopleIds), r.pick(orgIds), r.pick([15, 20, 30, 45]), stamp, stamp);
          itemIds.push(itemId);
          counts.agendaItems += 1;
        }
        if (past) heldMeetings.push({ id, committeeId: committee, day: vnDay(begins), itemIds });
        const people = new Set<string>([chair]);
        while (people.size < 10) people.add(r.pick(peopleIds));
        [...people].forEach((person, k) => insertParticipant.run(uuidv7(), id, person, k === 0 ? 'chair' : k === 9 ? 'secretary' : 'member', k));
        counts.participants += people.size;
        // Documents arrive steadily: about 13 a meeting, most attached to an agenda item.
        const due = Math.round(((i + 1) / totalMeetings) * totalDocuments);
        let position = 0;
        while (documentIndex < due) {
          const documentId = writeDocument(begins - DAY);
          if (itemIds.length > 0 && r.chance(0.7)) insertAttachment.run(uuidv7(), id, r.pick(itemIds), documentId, position++, stamp);
        }
      }
    })();
    target.onProgress?.(Math.min(totalMeetings, from + batch), totalMeetings);
  }

  // Tasks come last, on a random stream of their own, in one transaction (30,000 tasks and their
  // history take seconds).
  const tasks = generateTasks({
    db,
    r: createRandom(((options.seed ?? 20260105) ^ 0x7a5c) >>> 0),
    years,
    until: options.until,
    units,
    supervisors: peopleIds,
    meetings: heldMeetings,
    directives,
  });
  // The main (first) committee's plan of chỉ tiêu over the same years, on a stream of its own too,
  // so adding it changed nothing above.
  const plan = generatePlan({
    db,
    r: createRandom(((options.seed ?? 20260105) ^ 0x91a7) >>> 0),
    committeeId: committeeIds[0] ?? null,
    title: 'Kế hoạch phát triển kinh tế – xã hội tỉnh Lào Cai',
    code: '45/KH-BCĐ',
    ...planYears(years, options.until),
    until: options.until,
    units,
    reporters: peopleIds,
  });
  return { ...counts, tasks, plan };
}
