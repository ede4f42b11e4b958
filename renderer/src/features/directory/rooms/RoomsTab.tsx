import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex, Form, Input, InputNumber, Modal, Table, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { EmptyHint } from '../shared/EmptyHint.tsx';
import { errorText, showOnFields } from '../../../common/errors.ts';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { RowActions } from '../shared/RowActions.tsx';
import { useAction } from '../shared/useAction.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';

interface RoomFormValues {
  name: string;
  location?: string | null;
  capacity?: number | null;
}

function RoomForm({ room, onClose }: { room: Room | null; onClose: () => void }) {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RoomFormValues>();
  const [saving, setSaving] = useState(false);

  async function submit(values: RoomFormValues): Promise<void> {
    setSaving(true);
    const input = { name: values.name, location: values.location ?? null, capacity: values.capacity ?? null };
    try {
      const saved = room ? await bridge.invoke('rooms.update', { id: room.id, ...input }) : await bridge.invoke('rooms.create', input);
      void message.success(t(room ? 'common.updated' : 'common.created', { name: saved.name }));
      onClose();
    } catch (error) {
      if (!showOnFields(form, error, ['name', 'location', 'capacity'])) void message.error(t('common.failed', { message: errorText(error) }), 8);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t(room ? 'rooms.editTitle' : 'rooms.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<RoomFormValues> form={form} layout="vertical" name="room" requiredMark={false} initialValues={room ?? {}} onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('rooms.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 200, message: t('common.tooLong', { max: 200 }) },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item label={t('rooms.location')} name="location" rules={[{ max: 300, message: t('common.tooLong', { max: 300 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('rooms.capacity')} name="capacity" rules={[{ type: 'integer', min: 1, max: 100000, message: t('rooms.capacityRange') }]}>
          <InputNumber min={1} max={100000} precision={0} className="ns-number-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RoomsTab() {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const run = useAction();
  const [editing, setEditing] = useState<Room | 'new' | null>(null);
  const load = useCallback(() => bridge.invoke('rooms.list', {}), [bridge]);
  const { state, reload } = useCoreData(load, ['directory']);
  const rooms = state.data ?? [];

  const columns: TableColumnsType<Room> = [
    { key: 'name', title: t('rooms.name'), dataIndex: 'name' },
    { key: 'location', title: t('rooms.location'), dataIndex: 'location' },
    { key: 'capacity', title: t('rooms.capacity'), dataIndex: 'capacity', width: 150, align: 'right' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_, r) => (
        <RowActions
          name={r.name}
          onEdit={() => setEditing(r)}
          onDelete={async () => {
            await run(() => bridge.invoke('rooms.delete', { id: r.id }), t('common.deleted', { name: r.name }));
          }}
        />
      ),
    },
  ];

  return (
    <section aria-label={t('tabs.rooms')}>
      <Flex gap="small" className="ns-dir-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('rooms.add')}
        </Button>
      </Flex>
      {state.status === 'failed' ? <LoadFailedAlert ns="directory" error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' && rooms.length === 0 ? (
        <EmptyHint title={t('rooms.empty')} hint={t('rooms.emptyHint')}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('rooms.add')}
          </Button>
        </EmptyHint>
      ) : (
        <Table<Room> size="small" rowKey="id" columns={columns} dataSource={rooms} loading={state.status === 'loading'} pagination={false} />
      )}
      {editing ? <RoomForm room={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
