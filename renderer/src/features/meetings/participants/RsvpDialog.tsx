import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rsvpStatus, rsvpStatusLabels, type Participant, type ParticipantList, type RsvpStatus } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText, showOnFields } from '../../../common/errors.ts';
import { PersonSelect } from '../shared/directoryOptions.tsx';
import { useLang } from '../../../common/useLang.ts';
import { requiredMark } from '../../../common/requiredMark.tsx';

interface RsvpValues {
  rsvp: RsvpStatus;
  reason: string;
  delegateBy: 'person' | 'name';
  delegatePersonId: string | null;
  delegateName: string;
}

/** The answer to the invitation: a refusal needs its reason, a delegation names who comes instead. */
export function RsvpDialog({ participant, onClose, onSaved }: { participant: Participant; onClose: () => void; onSaved: (list: ParticipantList) => void }) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const bridge = useBridge();
  const [form] = Form.useForm<RsvpValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const rsvp = Form.useWatch('rsvp', form);
  const delegateBy = Form.useWatch('delegateBy', form);

  async function submit(v: RsvpValues): Promise<void> {
    setSaving(true);
    setFailure(null);
    try {
      const list = await bridge.invoke('participants.setRsvp', {
        id: participant.id,
        rsvp: v.rsvp,
        ...(v.rsvp === 'declined' || v.rsvp === 'delegated' ? { reason: v.reason || null } : {}),
        ...(v.rsvp === 'delegated'
          ? v.delegateBy === 'person'
            ? { delegatePersonId: v.delegatePersonId ?? undefined }
            : { delegateName: v.delegateName || null }
          : {}),
      });
      onSaved(list);
    } catch (error) {
      if (!showOnFields(form, error, ['reason', 'delegatePersonId', 'delegateName'])) setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('rsvp.title', { name: participant.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure ? <Alert type="error" showIcon className="ns-block" title={failure} /> : null}
      <Form<RsvpValues>
        form={form}
        layout="vertical"
        name="rsvp"
        requiredMark={requiredMark}
        initialValues={{
          rsvp: participant.rsvp,
          reason: participant.rsvpReason ?? '',
          delegateBy: participant.rsvpDelegate && !participant.rsvpDelegate.personId ? 'name' : 'person',
          delegatePersonId: participant.rsvpDelegate?.personId ?? null,
          delegateName: participant.rsvpDelegate && !participant.rsvpDelegate.personId ? participant.rsvpDelegate.name : '',
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="rsvp" label={t('rsvp.answer')}>
          <Radio.Group optionType="button" options={rsvpStatus.options.map((s) => ({ value: s, label: rsvpStatusLabels[s][lang] }))} />
        </Form.Item>
        {rsvp === 'delegated' ? (
          <>
            <Form.Item name="delegateBy" label={t('rsvp.delegate')}>
              <Radio.Group
                options={[
                  { value: 'person', label: t('rsvp.delegateFromDirectory') },
                  { value: 'name', label: t('rsvp.delegateByName') },
                ]}
              />
            </Form.Item>
            {delegateBy === 'name' ? (
              <Form.Item name="delegateName" label={t('rsvp.delegateName')} rules={[{ required: true, whitespace: true, message: t('rsvp.delegateRequired') }]}>
                <Input placeholder={t('rsvp.delegateNamePlaceholder')} />
              </Form.Item>
            ) : (
              <Form.Item name="delegatePersonId" label={t('rsvp.delegatePerson')} rules={[{ required: true, message: t('rsvp.delegateRequired') }]}>
                <PersonSelect
                  initial={participant.rsvpDelegate?.personId ? { id: participant.rsvpDelegate.personId, label: participant.rsvpDelegate.name } : null}
                />
              </Form.Item>
            )}
          </>
        ) : null}
        {rsvp === 'declined' || rsvp === 'delegated' ? (
          <Form.Item
            name="reason"
            label={rsvp === 'declined' ? t('rsvp.reason') : t('rsvp.reasonOptional')}
            rules={rsvp === 'declined' ? [{ required: true, whitespace: true, message: t('rsvp.reasonRequired') }] : []}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
