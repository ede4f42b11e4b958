import { LockOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppLock } from './LockContext.tsx';

/** In the navigation column: lock the app before stepping away from the laptop. */
export function LockButton() {
  const { t } = useTranslation('security');
  const { requestLock } = useAppLock();
  return (
    <Tooltip title={t('lockButtonHint')} placement="right">
      <Button type="text" icon={<LockOutlined />} className="ns-sider-lock" onClick={requestLock}>
        {t('lockButton')}
      </Button>
    </Tooltip>
  );
}
