import type { directoryMethods, MethodInput } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import type { Domain } from '../domain.ts';
import { createCatalogsService } from './catalogs.ts';
import { createChangeWriter } from './changes.ts';
import { createCommitteesService } from './committees.ts';
import { createImportService } from './import/import-service.ts';
import { createOrganizationsService } from './organizations.ts';
import { createPeopleService } from './people.ts';
import { createProfileService } from './profile.ts';
import { createRoomsService } from './rooms.ts';
import { registerDirectoryFold } from './search.ts';
import { createSigner } from './signing.ts';
import { createTrustedKeysService } from './trusted-keys.ts';

export { createSigner, fingerprintOf, holderText, verifySignature, type KeyHolder, type Signer, type SigningIdentity } from './signing.ts';
export { quorumCount } from './committees.ts';

/**
 * The directory: the local profile and its signing key, trusted keys, units, people, committees,
 * rooms, catalogs and spreadsheet import. Other domains use `signer`, `trustedKeys` and the
 * services below rather than reading these tables themselves.
 */
export function createDirectoryDomain(ctx: ServiceContext) {
  registerDirectoryFold(ctx.db);
  const change = createChangeWriter(ctx);
  const profile = createProfileService(ctx, change);
  const trustedKeys = createTrustedKeysService(ctx, change);
  const organizations = createOrganizationsService(ctx, change);
  const people = createPeopleService(ctx, change);
  const committees = createCommitteesService(ctx, change);
  const rooms = createRoomsService(ctx, change);
  const catalogs = createCatalogsService(ctx, change);
  const imports = createImportService(ctx, change);
  const signer = createSigner(ctx);

  const handlers: DomainHandlers<typeof directoryMethods> = {
    'profile.get': () => profile.get(),
    'profile.create': (input) => profile.create(input),
    'profile.update': (input) => profile.update(input),
    'profile.exportPublicKey': () => profile.exportPublicKey(),
    'keys.listTrusted': () => trustedKeys.list(),
    'keys.inspect': (input) => trustedKeys.inspect(input),
    'keys.trust': (input) => trustedKeys.trust(input),
    'keys.untrust': (input) => trustedKeys.untrust(input),
    'organizations.list': (input) => organizations.list(input),
    'organizations.create': (input) => organizations.create(input),
    'organizations.update': (input) => organizations.update(input),
    'organizations.delete': (input) => organizations.delete(input),
    'people.list': (input) => people.list(input),
    'people.create': (input) => people.create(input),
    'people.update': (input) => people.update(input),
    'people.delete': (input) => people.delete(input),
    'committees.list': () => committees.list(),
    'committees.get': ({ id }: MethodInput<'committees.get'>) => committees.get(id),
    'committees.create': (input) => committees.create(input),
    'committees.update': (input) => committees.update(input),
    'committees.delete': (input) => committees.delete(input),
    'committees.setMembers': (input) => committees.setMembers(input),
    'rooms.list': () => rooms.list(),
    'rooms.create': (input) => rooms.create(input),
    'rooms.update': (input) => rooms.update(input),
    'rooms.delete': (input) => rooms.delete(input),
    'catalogs.list': (input) => catalogs.list(input),
    'catalogs.save': (input) => catalogs.save(input),
    'catalogs.delete': (input) => catalogs.delete(input),
    'directory.importPreview': (input) => imports.preview(input),
    'directory.importCommit': (input) => imports.commit(input),
    'directory.importCancel': (input) => imports.cancel(input),
    'directory.importTemplate': (input) => imports.template(input),
  };

  const domain = {
    handlers,
    close: () => imports.close(),
    signer,
    trustedKeys,
    profile,
    organizations,
    people,
    committees,
    rooms,
    catalogs,
  };
  return domain satisfies Domain;
}

export type DirectoryDomain = ReturnType<typeof createDirectoryDomain>;
