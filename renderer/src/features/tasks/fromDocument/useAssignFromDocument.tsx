import { ScheduleOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentSummary, TaskDetail } from '../../../../../shared/contract/index.ts';
import { TaskFormDrawer } from '../form/TaskFormDrawer.tsx';
import '../tasks.css';

interface AssignFromDocument {
  /** "Giao nhiệm vụ từ văn bản": opens the task form with the document chosen and its trích yếu as the content. */
  button: ReactNode;
  /** After a task is assigned: says so, with the way to the task (null until then). */
  notice: ReactNode;
  /** The form itself (a drawer): render it anywhere on the page. */
  drawer: ReactNode;
}

/**
 * Giao nhiệm vụ từ văn bản: a task whose source is this document of the store (a văn bản chỉ đạo).
 * The document's page places the button among its actions and the notice under its heading; it
 * calls this before it knows the document (hooks come first), so the form waits for `doc`.
 */
export function useAssignFromDocument(doc: DocumentSummary | undefined): AssignFromDocument {
  const { t } = useTranslation('tasks');
  const [open, setOpen] = useState(false);
  const [made, setMade] = useState<TaskDetail | null>(null);

  const button = (
    <Button icon={<ScheduleOutlined />} onClick={() => setOpen(true)} disabled={!doc} className="ns-task-from-document">
      {t('fromDocument.button')}
    </Button>
  );

  const notice = made ? (
    <Alert
      type="success"
      showIcon
      className="ns-task-assigned-notice"
      title={t('fromDocument.created', { unit: made.leadUnit.name })}
      description={<span className="ns-task-assigned-content">{made.content}</span>}
      closable={{ 'aria-label': t('common.close'), afterClose: () => setMade(null) }}
      action={
        <Link to={`/tasks/${made.id}`} className="ns-task-assigned-link">
          {t('fromDocument.open')}
        </Link>
      }
    />
  ) : null;

  const drawer = doc ? (
    <TaskFormDrawer
      open={open}
      document={doc}
      onClose={() => setOpen(false)}
      onSaved={(task) => {
        setOpen(false);
        setMade(task);
      }}
    />
  ) : null;

  return { button, notice, drawer };
}
