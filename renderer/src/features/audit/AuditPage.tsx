import { ReloadOutlined, SafetyCertificateOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Empty, Flex, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  auditActionLabel,
  auditAreaOptions,
  type AuditEntryView,
  type AuditFilter,
  type AuditVerification,
  type DataArea,
} from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';
import { Page } from '../../shell/Page.tsx';
import { LoadFailedAlert } from '../../common/LoadFailedAlert.tsx';
import { foldedFilter } from '../meetings/shared/directoryOptions.tsx';
import { useLang } from '../../common/useLang.ts';
import { useRun } from '../../common/useRun.ts';
import { useSaveExport } from '../../common/useSaveExport.ts';
import { dateVi, timeVi } from '../../../../shared/vn-time.ts';
import './audit.css';

const PAGE_SIZE = 50;
/** Every area's change may add entries, so any of them refreshes the list. */
const ALL_AREAS: readonly DataArea[] = ['directory', 'profile', 'meetings', 'documents', 'packs', 'annotations'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The object named in words where it has a name (a setting's key), then the recorded details. */
function detailText(e: AuditEntryView): string {
  const named = e.entityId && !UUID.test(e.entityId) ? [e.entityId] : [];
  const details = Object.entries(e.detail ?? {}).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return [...named, ...details].join(' · ');
}

function VerificationResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation('audit');
  const lang = useLang();
  const head = result.head ? t('head', { seq: result.head.seq, hash: result.head.hash }) : null;
  if (result.ok) {
    return <Alert type="success" showIcon title={t('intact', { count: result.entries })} description={head} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t('tampered', { count: result.problems.length })}
      description={
        <>
          <ul className="ns-audit-problems">
            {result.problems.map((p) => (
              <li key={`${p.kind}-${p.seq}-${p.id ?? ''}`}>{p.message[lang]}</li>
            ))}
          </ul>
          <Typography.Paragraph>{t('tamperedHow')}</Typography.Paragraph>
          {head ? <Typography.Text type="secondary">{head}</Typography.Text> : null}
        </>
      }
    />
  );
}

/** Who changed what and when, the chain checked on demand, the filtered log exported for an inspection. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const saveExport = useSaveExport();
  const [actorId, setActorId] = useState<string | undefined>();
  const [area, setArea] = useState<string | undefined>();
  const [days, setDays] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);

  const filter: AuditFilter = {
    actorId,
    action: area,
    from: days?.[0]?.format('YYYY-MM-DD'),
    to: days?.[1]?.format('YYYY-MM-DD'),
  };
  const filterKey = JSON.stringify(filter);
  const loadEntries = useCallback(
    () => bridge.invoke('audit.list', { filter: JSON.parse(filterKey) as AuditFilter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [bridge, filterKey, page],
  );
  const entries = useCoreData(loadEntries, ALL_AREAS);
  const loadActors = useCallback(() => bridge.invoke('audit.actors', {}), [bridge]);
  const actors = useCoreData(loadActors, ['profile']);

  const verify = async () => {
    setVerifying(true);
    const result = await run(() => bridge.invoke('audit.verify', {}));
    setVerifying(false);
    if (result) setVerification(result);
  };

  const changeFilter = <T,>(set: (v: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  const data = entries.state.data;
  return (
    <Page title={t('title')} intro={t('intro')}>
      <Flex gap="small" wrap align="center" className="ns-audit-toolbar">
        <Select
          aria-label={t('filters.actor')}
          placeholder={t('filters.anyActor')}
          allowClear
          showSearch={{ filterOption: foldedFilter }}
          value={actorId}
          onChange={changeFilter(setActorId)}
          options={(actors.state.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.entries})` }))}
          className="ns-audit-select"
        />
        <Select
          aria-label={t('filters.area')}
          placeholder={t('filters.anyArea')}
          allowClear
          showSearch={{ filterOption: foldedFilter }}
          value={area}
          onChange={changeFilter(setArea)}
          options={auditAreaOptions.map((o) => ({ value: o.value, label: o.label[lang] })).sort((a, b) => a.label.localeCompare(b.label, lang))}
          className="ns-audit-select"
        />
        <DatePicker.RangePicker
          aria-label={t('filters.days')}
          placeholder={[t('filters.from'), t('filters.to')]}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          value={days}
          onChange={changeFilter(setDays)}
        />
        <Space className="ns-audit-actions">
          <Button icon={<ReloadOutlined />} onClick={entries.reload}>
            {t('refresh')}
          </Button>
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
            {verifying ? t('verifying') : t('verify')}
          </Button>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            onClick={() => void saveExport(() => bridge.invoke('audit.export', { filter: JSON.parse(filterKey) as AuditFilter }), (f) => t('exported', { fileName: f.fileName }))}
          >
            {t('export')}
          </Button>
        </Space>
      </Flex>
      {verification ? <VerificationResult result={verification} /> : null}
      {entries.state.status === 'failed' ? <LoadFailedAlert ns="directory" error={entries.state.error} onRetry={entries.reload} /> : null}
      <Table<AuditEntryView>
        className="ns-audit-table"
        size="small"
        rowKey="seq"
        loading={entries.state.status === 'loading'}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={<><div>{t('empty')}</div><Typography.Text type="secondary">{t('emptyHint')}</Typography.Text></>} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (count) => t('total', { count }),
          onChange: setPage,
        }}
        columns={[
          { title: t('columns.seq'), dataIndex: 'seq', width: 72, align: 'right' },
          {
            title: t('columns.at'),
            dataIndex: 'at',
            width: 150,
            render: (at: string) => `${timeVi(at)} ${dateVi(at)}`,
          },
          { title: t('columns.actor'), key: 'actor', width: 220, render: (_, e) => e.actor?.name ?? <Typography.Text type="secondary">{t('app')}</Typography.Text> },
          { title: t('columns.action'), key: 'action', width: 240, render: (_, e) => auditActionLabel(e.action, lang) },
          { title: t('columns.detail'), key: 'detail', ellipsis: true, render: (_, e) => <span title={detailText(e)}>{detailText(e)}</span> },
        ]}
      />
    </Page>
  );
}
