import { Alert, Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantRoleLabels, type MeetingDetail, type ParticipantList, type ParticipantRole } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText } from '../../../common/errors.ts';
import { OrganizationSelect, PersonSelect } from '../shared/directoryOptions.tsx';
import { useLang } from '../../../common/useLang.ts';
import { requiredMark } from '../../../common/requiredMark.tsx';

interface AddValues {
  kind: 'person' | 'organization';
  personId: string | null;
  organizationId: string | null;
  role: ParticipantRole;
}

const personRoles: ParticipantRole[] = ['chair', 'member', 'guest', 'secretary'];
const unitRoles: ParticipantRole[] = ['member', 'guest'];

/** Invite one person or one unit, with their role in the meeting. */
export function AddParticipantDialog({ meeting, onClose, onAdded }: { meeting: MeetingDetail; onClose: () => void; onAdded: (list: ParticipantList, name: string) => void }) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const bridge = useBridge();
  const [form] = Form.useForm<AddValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);

  async function submit(v: AddValues): Promise<void> {
    setSaving(true);
    setFailure(null);
    try {
      const list = await bridge.invoke('participants.add', {
        meetingId: meeting.id,
        ...(v.kind === 'person' ? { personId: v.personId ?? undefined } : { organizationId: v.organizationId ?? undefined }),
        role: v.role,
      });
      const added = list.participants.find((p) => p.id === list.participantId);
      onAdded(list, added?.name ?? '');
      form.setFieldsValue({ personId: null, organizationId: null });
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  const roles = kind === 'organization' ? unitRoles : personRoles;

  return (
    <Modal
      open
      title={t('participants.addTitle')}
      okText={t('participants.addOk')}
      cancelText={t('participants.addDone')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure ? <Alert type="error" showIcon className="ns-block" title={failure} /> : null}
      <Form<AddValues>
        form={form}
        layout="vertical"
        name="add-participant"
        requiredMark={requiredMark}
        initialValues={{ kind: 'person', personId: null, organizationId: null, role: 'member' }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<AddValues>) => {
          if (changed.kind === 'organization' && !unitRoles.includes(form.getFieldValue('role') as ParticipantRole)) form.setFieldValue('role', 'member');
        }}
      >
        <Form.Item name="kind" label={t('participants.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'person', label: t('participants.kindPerson') },
              { value: 'organization', label: t('participants.kindUnit') },
            ]}
          />
        </Form.Item>
        {kind === 'organization' ? (
          <Form.Item name="organizationId" label={t('participants.unit')} rules={[{ required: true, message: t('participants.unitRequired') }]}>
            <OrganizationSelect />
          </Form.Item>
        ) : (
          <Form.Item name="personId" label={t('participants.person')} rules={[{ required: true, message: t('participants.personRequired') }]}>
            <PersonSelect />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('participants.role')}>
          <Select options={roles.map((r) => ({ value: r, label: participantRoleLabels[r][lang] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
