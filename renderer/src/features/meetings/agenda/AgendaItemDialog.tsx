import { Alert, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_MAX_MINUTES, type Agenda, type AgendaItem, type MeetingDetail, type PresenterInput } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText, showOnFields } from '../../../common/errors.ts';
import { OrganizationSelect, PersonSelect } from '../shared/directoryOptions.tsx';
import { requiredMark } from '../../../common/requiredMark.tsx';

export type AgendaDialogTarget =
  | { mode: 'add'; parent: AgendaItem | null }
  | { mode: 'edit'; item: AgendaItem };

interface ItemValues {
  title: string;
  description: string;
  presenterKind: 'person' | 'organization' | 'none';
  presenterPersonId: string | null;
  presenterOrgId: string | null;
  preparingOrgId: string | null;
  durationMinutes: number | null;
  /** '' = a top-level item, else the id of the item it sits under. */
  parentId: string;
  outcome: string;
}

const FIELDS = ['title', 'description', 'presenterPersonId', 'presenterOrgId', 'preparingOrgId', 'durationMinutes', 'outcome'];
const ALIASES = { presenter: 'presenterPersonId' };

function initialValues(target: AgendaDialogTarget): ItemValues {
  if (target.mode === 'add') {
    return {
      title: '',
      description: '',
      presenterKind: 'organization',
      presenterPersonId: null,
      presenterOrgId: null,
      preparingOrgId: null,
      durationMinutes: 15,
      parentId: target.parent?.id ?? '',
      outcome: '',
    };
  }
  const { item } = target;
  return {
    title: item.title,
    description: item.description ?? '',
    presenterKind: item.presenter?.kind ?? 'none',
    presenterPersonId: item.presenter?.kind === 'person' ? item.presenter.id : null,
    presenterOrgId: item.presenter?.kind === 'organization' ? item.presenter.id : null,
    preparingOrgId: item.preparingOrg?.id ?? null,
    durationMinutes: item.durationMinutes,
    parentId: item.parentId ?? '',
    outcome: item.outcome ?? '',
  };
}

function presenterOf(v: ItemValues): PresenterInput | null {
  if (v.presenterKind === 'person' && v.presenterPersonId) return { personId: v.presenterPersonId };
  if (v.presenterKind === 'organization' && v.presenterOrgId) return { organizationId: v.presenterOrgId };
  return null;
}

interface AgendaItemDialogProps {
  meeting: MeetingDetail;
  target: AgendaDialogTarget;
  onClose: () => void;
  onSaved: (agenda: Agenda, message: string) => void;
}

/** Add or edit an agenda item: title, presenter (a person or a unit), preparing unit, planned minutes. */
export function AgendaItemDialog({ meeting, target, onClose, onSaved }: AgendaItemDialogProps) {
  const { t } = useTranslation('meetings');
  const bridge = useBridge();
  const [form] = Form.useForm<ItemValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const presenterKind = Form.useWatch('presenterKind', form);
  const editing = target.mode === 'edit' ? target.item : null;
  // Sub-items cannot have sub-items (two levels), and an item with sub-items stays on top.
  const canMove = editing !== null && editing.children.length === 0;
  const parents = meeting.agenda.items.filter((i) => i.id !== editing?.id);
  const showOutcome = editing !== null && meeting.status !== 'draft';

  async function submit(v: ItemValues): Promise<void> {
    setSaving(true);
    setFailure(null);
    try {
      const presenter = presenterOf(v);
      if (target.mode === 'add') {
        const result = await bridge.invoke('agenda.add', {
          meetingId: meeting.id,
          // The parent comes from the button that opened the form (the field is only shown when editing).
          parentId: target.parent?.id ?? null,
          title: v.title,
          description: v.description || null,
          presenter,
          preparingOrgId: v.preparingOrgId ?? null,
          durationMinutes: v.durationMinutes ?? 0,
        });
        onSaved(result.agenda, t('agenda.added', { title: v.title.trim() }));
        return;
      }
      const item = target.item;
      let agenda = await bridge.invoke('agenda.update', {
        id: item.id,
        title: v.title,
        description: v.description || null,
        presenter,
        preparingOrgId: v.preparingOrgId ?? null,
        durationMinutes: v.durationMinutes ?? 0,
        ...(showOutcome ? { outcome: v.outcome || null } : {}),
      });
      if (canMove && (v.parentId || null) !== item.parentId) {
        agenda = await bridge.invoke('agenda.move', { id: item.id, parentId: v.parentId || null, index: 10_000 });
      }
      onSaved(agenda, t('agenda.updated', { title: v.title.trim() }));
    } catch (error) {
      if (!showOnFields(form, error, FIELDS, ALIASES)) setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  const title =
    target.mode === 'edit'
      ? t('agenda.editTitle', { number: target.item.number })
      : target.parent
        ? t('agenda.addChildTitle', { number: target.parent.number })
        : t('agenda.addTitle');

  return (
    <Modal
      open
      title={title}
      width={640}
      okText={target.mode === 'edit' ? t('common.save') : t('agenda.addOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure ? <Alert type="error" showIcon className="ns-block" title={failure} /> : null}
      <Form<ItemValues>
        form={form}
        layout="vertical"
        name="agenda-item"
        requiredMark={requiredMark}
        initialValues={initialValues(target)}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="title"
          label={t('agenda.itemTitle')}
          rules={[
            { required: true, whitespace: true, message: t('agenda.titleRequired') },
            { max: 500, message: t('form.tooLong', { max: 500 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} autoFocus />
        </Form.Item>
        <Form.Item name="presenterKind" label={t('agenda.presenter')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'organization', label: t('agenda.presenterOrg') },
              { value: 'person', label: t('agenda.presenterPerson') },
              { value: 'none', label: t('agenda.presenterNone') },
            ]}
          />
        </Form.Item>
        {presenterKind === 'person' ? (
          <Form.Item name="presenterPersonId" label={t('agenda.presenterPersonLabel')}>
            <PersonSelect
              initial={editing?.presenter?.kind === 'person' ? { id: editing.presenter.id, label: editing.presenter.name } : null}
            />
          </Form.Item>
        ) : presenterKind === 'organization' ? (
          <Form.Item name="presenterOrgId" label={t('agenda.presenterOrgLabel')}>
            <OrganizationSelect />
          </Form.Item>
        ) : null}
        <Form.Item name="preparingOrgId" label={t('agenda.preparingOrg')} extra={t('agenda.preparingOrgHint')}>
          <OrganizationSelect />
        </Form.Item>
        <Form.Item
          name="durationMinutes"
          label={t('agenda.duration')}
          rules={[{ type: 'integer', min: 0, max: AGENDA_MAX_MINUTES, message: t('agenda.durationRange', { max: AGENDA_MAX_MINUTES }) }]}
        >
          <InputNumber min={0} max={AGENDA_MAX_MINUTES} step={5} suffix={t('agenda.minutes')} className="ns-duration-input" />
        </Form.Item>
        {target.mode === 'edit' && canMove ? (
          <Form.Item name="parentId" label={t('agenda.parent')}>
            <Select
              options={[
                { value: '', label: t('agenda.parentTop') },
                ...parents.map((p) => ({ value: p.id, label: t('agenda.parentUnder', { number: p.number, title: p.title }) })),
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="description" label={t('agenda.description')} rules={[{ max: 5000, message: t('form.tooLong', { max: 5000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        {showOutcome ? (
          <Form.Item name="outcome" label={t('agenda.outcome')} rules={[{ max: 5000, message: t('form.tooLong', { max: 5000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
