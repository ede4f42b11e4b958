import type { OpinionRequestDetail } from '../../../../shared/contract/index.ts';
import { RecipientsTable } from './RecipientsTable.tsx';
import { SecretariatActions } from './SecretariatActions.tsx';
import { SummaryCard } from './SummaryCard.tsx';

/** The secretariat's side of a request: its actions, who has answered, and the summary so far. */
export function SecretariatPanel({ request }: { request: OpinionRequestDetail }) {
  return (
    <>
      <SecretariatActions request={request} />
      <RecipientsTable recipients={request.recipientList} />
      <SummaryCard requestId={request.id} />
    </>
  );
}
