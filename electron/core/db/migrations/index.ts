import type { Migration } from '../migration.ts';
import { initial } from './0001-initial.ts';
import { secretariat } from './0002-secretariat.ts';
import { annotations } from './0003-annotations.ts';
import { auditChain } from './0004-audit-chain.ts';
import { trustPurpose } from './0005-trust-purpose.ts';
import { minutes } from './0006-minutes.ts';
import { notices } from './0007-notices.ts';
import { minutesTexts } from './0008-minutes-texts.ts';
import { tasks } from './0009-tasks.ts';
import { sync } from './0010-sync.ts';
import { plans } from './0011-plans.ts';
import { committeeVoteRules } from './0012-committee-vote-rules.ts';
import { liveRoom } from './0013-live-room.ts';
import { writtenOpinions } from './0014-written-opinions.ts';
import { opinionPublications } from './0015-opinion-publications.ts';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [initial, secretariat, annotations, auditChain, trustPurpose, minutes, notices, minutesTexts, tasks, sync, plans, committeeVoteRules, liveRoom, writtenOpinions, opinionPublications];

export const latestSchemaVersion = migrations.length;
