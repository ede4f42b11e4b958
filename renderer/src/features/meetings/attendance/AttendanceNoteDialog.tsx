import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../../../shared/contract/index.ts';
import { requiredMark } from '../../../common/requiredMark.tsx';

/** The one thing 'absent' and 'delegated' need: why they are absent, or who came instead. */
export function AttendanceNoteDialog({
  participant,
  kind,
  onClose,
  onSubmit,
}: {
  participant: Participant;
  kind: 'absent' | 'delegated';
  onClose: () => void;
  onSubmit: (text: string) => Promise<boolean>;
}) {
  const { t } = useTranslation('meetings');
  const [form] = Form.useForm<{ text: string }>();
  // What they said in answer to the invitation is the likely answer now.
  const initial = kind === 'absent' ? (participant.absenceReason ?? participant.rsvpReason ?? '') : (participant.attendanceDelegate ?? participant.rsvpDelegate?.name ?? '');
  return (
    <Modal
      open
      title={kind === 'absent' ? t('attendance.absentTitle', { name: participant.name }) : t('attendance.delegatedTitle', { name: participant.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={requiredMark}
        initialValues={{ text: initial }}
        onFinish={async (v) => {
          if (await onSubmit(v.text.trim())) onClose();
        }}
      >
        <Form.Item
          name="text"
          label={kind === 'absent' ? t('attendance.absenceReason') : t('attendance.delegateName')}
          rules={[
            { required: true, whitespace: true, message: kind === 'absent' ? t('rsvp.reasonRequired') : t('rsvp.delegateRequired') },
            { max: kind === 'absent' ? 500 : 200, message: t('form.tooLong', { max: kind === 'absent' ? 500 : 200 }) },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
