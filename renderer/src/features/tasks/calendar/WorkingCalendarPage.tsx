import { ArrowLeftOutlined, DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Popconfirm, Radio, Row, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CalendarHoliday, CalendarYear } from '../../../../../shared/contract/index.ts';
import { dayStart, todayKey, weekdayName } from '../../../../../shared/vn-time.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { requiredMark } from '../../../common/requiredMark.tsx';
import { useLang } from '../../../common/useLang.ts';
import { useRun } from '../../../common/useRun.ts';
import { Page } from '../../../shell/Page.tsx';
import { dmy } from '../shared/taskLabels.ts';
import '../tasks.css';

type Override = CalendarYear['overrides'][number];

interface DayForm {
  date: Dayjs | null;
  kind: 'off' | 'work';
  note: string;
}

/**
 * Lịch làm việc: the public holidays of a year (Bộ luật Lao động), the days the administrator
 * changed by the year's official decisions, and the Saturdays worked. Deadlines in working days
 * are counted on it.
 */
export function WorkingCalendarPage() {
  const { t } = useTranslation('tasks');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const [search, setSearch] = useSearchParams();
  const thisYear = Number(todayKey().slice(0, 4));
  const year = Number(search.get('year')) || thisYear;
  const setYear = (y: number) => setSearch(y === thisYear ? {} : { year: String(y) }, { replace: true });
  const load = useCallback(() => bridge.invoke('calendar.holidays', { year }), [bridge, year]);
  const { state, reload, replace } = useCoreData(load, []);
  const [form] = Form.useForm<DayForm>();
  const [saving, setSaving] = useState(false);

  const weekday = (date: string) => weekdayName(dayStart(date), lang);

  async function add(values: DayForm): Promise<void> {
    if (!values.date) return;
    const date = values.date.format('YYYY-MM-DD');
    setSaving(true);
    const years = await run(
      () => bridge.invoke('calendar.setDays', { days: [{ date, kind: values.kind, note: values.note.trim() }] }),
      values.kind === 'off' ? t('calendar.addedOff', { date: dmy(date) }) : t('calendar.addedWork', { date: dmy(date) }),
    );
    setSaving(false);
    if (!years) return;
    form.resetFields();
    const shown = years.find((y: CalendarYear) => y.year === year);
    if (shown) replace(shown);
    else setYear(Number(date.slice(0, 4)));
  }

  async function remove(date: string): Promise<void> {
    const result = await run(() => bridge.invoke('calendar.removeDay', { date }), t('calendar.removed', { date: dmy(date) }));
    if (result) reload();
  }

  const removeButton = (date: string) => (
    <Popconfirm
      title={t('calendar.removeConfirm', { date: dmy(date) })}
      okText={t('calendar.remove')}
      cancelText={t('common.cancel')}
      onConfirm={() => void remove(date)}
    >
      <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('calendar.removeDay', { date: dmy(date) })} />
    </Popconfirm>
  );

  const data = state.data?.year === year ? state.data : undefined;
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 3 + i);

  return (
    <Page title={t('calendar.title')} intro={t('calendar.intro')}>
      <Flex className="ns-detail-top" gap="small" align="center" wrap>
        <Link to="/tasks" className="ns-back-link">
          <ArrowLeftOutlined aria-hidden /> {t('detail.backToList')}
        </Link>
        <Flex gap="small" align="center" className="ns-push-right" role="group" aria-label={t('calendar.yearLabel')}>
          <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label={t('calendar.prevYear')} disabled={year <= 1900} />
          <Select<number>
            aria-label={t('calendar.year')}
            value={year}
            onChange={setYear}
            options={(years.includes(year) ? years : [...years, year].sort()).map((y) => ({ value: y, label: t('calendar.yearOption', { year: y }) }))}
            className="ns-task-year"
          />
          <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label={t('calendar.nextYear')} disabled={year >= 2199} />
        </Flex>
      </Flex>

      {state.status === 'failed' ? <LoadFailedAlert ns="tasks" className="ns-block" error={state.error} onRetry={reload} /> : null}

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('calendar.holidays', { year })} className="ns-block">
            <Table<CalendarHoliday>
              size="small"
              rowKey="date"
              loading={!data && state.status === 'loading'}
              dataSource={data?.holidays ?? []}
              pagination={false}
              locale={{ emptyText: t('calendar.noHolidays') }}
              columns={[
                {
                  title: t('calendar.date'),
                  key: 'date',
                  width: 130,
                  render: (_, h) => (
                    <>
                      <div>{dmy(h.date)}</div>
                      <Typography.Text type="secondary" className="ns-small">
                        {weekday(h.date)}
                      </Typography.Text>
                    </>
                  ),
                },
                { title: t('calendar.name'), key: 'name', render: (_, h) => h.name[lang] },
                {
                  title: t('calendar.kind'),
                  key: 'kind',
                  width: 110,
                  render: (_, h) => <Tag color={h.kind === 'holiday' ? 'red' : 'orange'}>{t(`calendar.kinds.${h.kind}`)}</Tag>,
                },
                {
                  title: t('calendar.source'),
                  key: 'source',
                  width: 120,
                  render: (_, h) => (
                    <Tag color={h.source === 'override' ? 'blue' : 'default'} variant="outlined">
                      {t(`calendar.sources.${h.source}`)}
                    </Tag>
                  ),
                },
                { title: <span className="ns-sr-only">{t('common.actions')}</span>, key: 'remove', width: 48, render: (_, h) => (h.source === 'override' ? removeButton(h.date) : null) },
              ]}
            />
          </Card>
          <Card size="small" title={t('calendar.workingWeekends', { year })}>
            <Table
              size="small"
              rowKey="date"
              loading={!data && state.status === 'loading'}
              dataSource={data?.workingWeekends ?? []}
              pagination={false}
              locale={{ emptyText: t('calendar.noWorkingWeekends') }}
              columns={[
                {
                  title: t('calendar.date'),
                  key: 'date',
                  width: 130,
                  render: (_, d: { date: string }) => (
                    <>
                      <div>{dmy(d.date)}</div>
                      <Typography.Text type="secondary" className="ns-small">
                        {weekday(d.date)}
                      </Typography.Text>
                    </>
                  ),
                },
                { title: t('calendar.note'), dataIndex: 'note' },
                { title: <span className="ns-sr-only">{t('common.actions')}</span>, key: 'remove', width: 48, render: (_, d: { date: string }) => removeButton(d.date) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('calendar.addTitle')} className="ns-block">
            <Typography.Paragraph type="secondary" className="ns-small">
              {t('calendar.addHint')}
            </Typography.Paragraph>
            <Form<DayForm>
              form={form}
              layout="vertical"
              requiredMark={requiredMark}
              initialValues={{ date: null, kind: 'off', note: '' }}
              onFinish={(values) => void add(values)}
              disabled={saving}
            >
              <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: t('calendar.dateRequired') }]}>
                <DatePicker format="DD/MM/YYYY" className="ns-full-width" placeholder={t('form.datePlaceholder')} />
              </Form.Item>
              <Form.Item name="kind" label={t('calendar.kind')}>
                <Radio.Group
                  options={[
                    { value: 'off', label: t('calendar.kindOff') },
                    { value: 'work', label: t('calendar.kindWork') },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('calendar.note')}
                rules={[
                  { required: true, whitespace: true, message: t('calendar.noteRequired') },
                  { max: 200, message: t('form.tooLong', { max: 200 }) },
                ]}
              >
                <Input placeholder={t('calendar.notePlaceholder')} />
              </Form.Item>
              <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={saving}>
                {t('calendar.add')}
              </Button>
            </Form>
          </Card>
          <Card size="small" title={t('calendar.overrides', { year })} className="ns-task-overrides">
            <Typography.Paragraph type="secondary" className="ns-small">
              {t('calendar.overridesHint')}
            </Typography.Paragraph>
            <Table<Override>
              size="small"
              rowKey="date"
              loading={!data && state.status === 'loading'}
              dataSource={data?.overrides ?? []}
              pagination={false}
              locale={{ emptyText: t('calendar.noOverrides') }}
              columns={[
                {
                  title: t('calendar.date'),
                  key: 'date',
                  width: 104,
                  render: (_, d) => (
                    <>
                      <div>{dmy(d.date)}</div>
                      <Typography.Text type="secondary" className="ns-small">
                        {weekday(d.date)}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  title: t('calendar.change'),
                  key: 'change',
                  render: (_, d) => (
                    <>
                      <Tag color={d.kind === 'off' ? 'volcano' : 'green'}>{d.kind === 'off' ? t('calendar.kindOff') : t('calendar.kindWork')}</Tag>
                      <div className="ns-small">{d.note}</div>
                    </>
                  ),
                },
                { title: <span className="ns-sr-only">{t('common.actions')}</span>, key: 'remove', width: 48, render: (_, d) => removeButton(d.date) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
