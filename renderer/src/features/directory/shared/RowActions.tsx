import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

interface RowActionsProps {
  name: string;
  onEdit?: () => void;
  onDelete?: () => Promise<void> | void;
  /** Why the row cannot be deleted; the button stays visible but disabled, with the reason. */
  deleteBlocked?: string | null;
}

/** Edit and delete for one row; delete asks first. Buttons are named after the row for screen readers. */
export function RowActions({ name, onEdit, onDelete, deleteBlocked }: RowActionsProps) {
  const { t } = useTranslation('directory');
  return (
    <Space size={4}>
      {onEdit ? (
        <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.editNamed', { name })} onClick={onEdit}>
          {t('common.edit')}
        </Button>
      ) : null}
      {onDelete ? (
        deleteBlocked ? (
          <Tooltip title={deleteBlocked}>
            <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('common.deleteNamed', { name })} disabled>
              {t('common.delete')}
            </Button>
          </Tooltip>
        ) : (
          <Popconfirm
            title={t('common.deleteConfirm', { name })}
            description={t('common.deleteConfirmHint')}
            okText={t('common.deleteYes')}
            cancelText={t('common.deleteNo')}
            okButtonProps={{ danger: true }}
            onConfirm={onDelete}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.deleteNamed', { name })}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        )
      ) : null}
    </Space>
  );
}
