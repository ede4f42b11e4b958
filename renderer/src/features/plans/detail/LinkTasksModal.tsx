import { Alert, App as AntApp, Form, Modal, Select, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, TaskRow } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { requiredMark } from '../../../common/requiredMark.tsx';
import { errorText } from '../../../common/errors.ts';
import { useCoreSearch } from '../../../common/useCoreSearch.ts';
import { groupLabel, groupsInOrder } from '../shared/groupTree.ts';

interface Values {
  groupId: string;
  taskIds: string[];
}

/** Long task contents cut for the list of options (the full text is the option's title). */
function taskLabel(task: TaskRow): string {
  const content = task.content.length > 140 ? `${task.content.slice(0, 139)}…` : task.content;
  return `${content} — ${task.leadUnit.name}`;
}

/** The tasks matching what the user types, searched in the core (tasks.list { query }). */
function useTaskSearch() {
  const bridge = useBridge();
  const search = useCallback(async (query: string) => (await bridge.invoke('tasks.list', { ...(query ? { query } : {}), limit: 30 })).items, [bridge]);
  return useCoreSearch(search);
}

/** "Gắn nhiệm vụ…": a group of the plan and the tasks that carry it out (plans.linkTasks). */
export function LinkTasksModal({ detail, onClose, onLinked }: { detail: PlanDetail; onClose: () => void; onLinked: () => void }) {
  const { t } = useTranslation('plans');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const search = useTaskSearch();
  const chosen = Form.useWatch('taskIds', form);

  const groups = useMemo(
    () =>
      groupsInOrder(detail.groups).map(({ group, depth }) => ({
        value: group.id,
        label: groupLabel(group),
        depth: Math.min(depth, 2),
      })),
    [detail.groups],
  );
  const linkedHere = useMemo(() => new Map(detail.taskLinks.map((l) => [l.taskId, l.groupId])), [detail.taskLinks]);
  const groupTitle = useMemo(() => new Map(detail.groups.map((g) => [g.id, groupLabel(g)])), [detail.groups]);

  const options = useMemo(() => {
    const label = (task: TaskRow) => {
      const group = linkedHere.get(task.id);
      return group ? `${taskLabel(task)} (${t('tasks.modal.inGroup', { group: groupTitle.get(group) ?? '' })})` : taskLabel(task);
    };
    const list = search.found.map((task) => ({ value: task.id, label: label(task), title: task.content }));
    for (const id of chosen ?? []) {
      const task = search.known.get(id);
      if (task && !list.some((o) => o.value === id)) list.unshift({ value: id, label: label(task), title: task.content });
    }
    return list;
  }, [search.found, search.known, chosen, linkedHere, groupTitle, t]);

  async function submit(values: Values): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      const result = await bridge.invoke('plans.linkTasks', values);
      const count = result.linked + result.moved + result.unchanged;
      void message.success(t('tasks.modal.done', { count, group: groupTitle.get(values.groupId) ?? '' }));
      onLinked();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('tasks.modal.title')}
      okText={t('tasks.modal.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={680}
    >
      <Typography.Paragraph type="secondary" className="ns-small">
        {t('tasks.modal.hint')}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} className="ns-block" /> : null}
      <Form<Values>
        form={form}
        name="ns-plan-link-tasks"
        layout="vertical"
        requiredMark={requiredMark}
        initialValues={{ groupId: groups.length === 1 ? groups[0]!.value : undefined, taskIds: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="groupId" label={t('tasks.modal.group')} rules={[{ required: true, message: t('tasks.modal.groupRequired') }]}>
          <Select<string>
            options={groups}
            placeholder={t('tasks.modal.groupPlaceholder')}
            optionRender={(option) => <span className={`ns-plan-group-option-${option.data.depth}`}>{option.label}</span>}
          />
        </Form.Item>
        <Form.Item
          name="taskIds"
          label={t('tasks.modal.tasks')}
          rules={[{ required: true, type: 'array', min: 1, message: t('tasks.modal.tasksRequired') }]}
          extra={t('tasks.modal.tasksHint')}
        >
          <Select<string[]>
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: (value) => search.setQuery(value.trim()) }}
            placeholder={t('tasks.modal.tasksPlaceholder')}
            loading={search.loading}
            notFoundContent={search.loading ? t('tasks.modal.searching') : t('tasks.modal.noTasks')}
            onBlur={() => search.setQuery('')}
            options={options}
            maxCount={200}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
