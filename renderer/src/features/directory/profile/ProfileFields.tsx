import { Form, Input, Radio, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ProfileFormValues {
  fullName: string;
  position: string;
  unitName: string;
  organizationId?: string | null;
  workRole: 'secretariat' | 'member';
}

/** The fields the welcome form and "Hồ sơ của tôi" share. */
export function ProfileFields({ placeholders, organizationField }: { placeholders?: boolean; organizationField?: ReactNode }) {
  const { t } = useTranslation('directory');
  const required = { required: true, whitespace: true, message: t('common.required') };
  const max = (n: number) => ({ max: n, message: t('common.tooLong', { max: n }) });
  return (
    <>
      <Form.Item label={t('profile.fullName')} name="fullName" rules={[required, max(200)]}>
        <Input autoComplete="name" placeholder={placeholders ? t('welcome.fullNamePlaceholder') : undefined} />
      </Form.Item>
      <Form.Item label={t('profile.position')} name="position" rules={[required, max(200)]}>
        <Input autoComplete="organization-title" placeholder={placeholders ? t('welcome.positionPlaceholder') : undefined} />
      </Form.Item>
      <Form.Item label={t('profile.unitName')} name="unitName" rules={[required, max(300)]}>
        <Input autoComplete="organization" placeholder={placeholders ? t('welcome.unitPlaceholder') : undefined} />
      </Form.Item>
      {organizationField}
      <Form.Item label={t('profile.workRole')} name="workRole" rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group className="ns-role-choice" aria-label={t('profile.workRole')}>
          <Radio value="secretariat">
            <span className="ns-role-name">{t('profile.roleSecretariat')}</span>
            <Typography.Text type="secondary" className="ns-role-help">
              {t('profile.roleSecretariatHelp')}
            </Typography.Text>
          </Radio>
          <Radio value="member">
            <span className="ns-role-name">{t('profile.roleMember')}</span>
            <Typography.Text type="secondary" className="ns-role-help">
              {t('profile.roleMemberHelp')}
            </Typography.Text>
          </Radio>
        </Radio.Group>
      </Form.Item>
    </>
  );
}
