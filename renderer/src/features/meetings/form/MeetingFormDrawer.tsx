import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BookingWarning, Classification, MeetingDetail } from '../../../../../shared/contract/index.ts';
import { MEETING_MAX_DAYS } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText, showOnFields } from '../../../common/errors.ts';
import { OrganizationSelect, PersonSelect, foldedFilter, personLabel, useCommittees, useMeetingKinds, useRooms } from '../shared/directoryOptions.tsx';
import { dayjsToInstant, instantToDayjs } from '../../../common/dayjsTime.ts';
import { BookingWarnings } from './BookingWarnings.tsx';
import { changedFields, inputOf, MEETING_FORM_FIELDS, valuesOf, type MeetingFormValues } from './meetingFormValues.ts';
import { requiredMark } from '../../../common/requiredMark.tsx';

interface MeetingFormDrawerProps {
  open: boolean;
  /** The meeting to edit; absent = a new draft. */
  meeting?: MeetingDetail;
  onClose: () => void;
  onSaved: (meeting: MeetingDetail) => void;
}

const classifications: Classification[] = ['normal', 'confidential', 'secret', 'top_secret'];

function tomorrowAt(hour: number, minute: number): string {
  const d = new Date(Date.now() + 24 * 3600_000);
  return dayjsToInstant(instantToDayjs(d.toISOString()).hour(hour).minute(minute));
}

/** Create or edit a meeting; double bookings of the chair or room are checked while the user types. */
export function MeetingFormDrawer({ open, meeting, onClose, onSaved }: MeetingFormDrawerProps) {
  const { t } = useTranslation('meetings');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<MeetingFormValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<BookingWarning[]>([]);
  const committees = useCommittees();
  const kinds = useMeetingKinds();
  const rooms = useRooms();
  const editing = meeting !== undefined;

  const initial = useMemo<MeetingFormValues>(
    () =>
      meeting
        ? valuesOf(meeting)
        : {
            committeeId: undefined,
            kindCode: undefined,
            title: '',
            startsAt: instantToDayjs(tomorrowAt(8, 0)),
            endsAt: instantToDayjs(tomorrowAt(11, 0)),
            roomId: null,
            online: false,
            bridgePoints: [],
            chairPersonId: null,
            secretaryPersonId: null,
            chairingOrgId: null,
            classification: 'normal',
            description: '',
          },
    [meeting],
  );


  const startsAt = Form.useWatch('startsAt', form);
  const endsAt = Form.useWatch('endsAt', form);
  const chairPersonId = Form.useWatch('chairPersonId', form);
  const roomId = Form.useWatch('roomId', form);
  const online = Form.useWatch('online', form);

  // Ask the core about clashes once the user pauses; a stale answer never replaces a newer one.
  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = window.setTimeout(() => {
      const start = startsAt ? dayjsToInstant(startsAt) : null;
      const end = endsAt ? dayjsToInstant(endsAt) : null;
      if (!start || !end || end <= start || (!chairPersonId && !roomId)) {
        setWarnings([]);
        return;
      }
      bridge
        .invoke('meetings.checkBooking', {
          startsAt: start,
          endsAt: end,
          ...(chairPersonId ? { chairPersonId } : {}),
          ...(roomId ? { roomId } : {}),
          ...(meeting ? { excludeMeetingId: meeting.id } : {}),
        })
        .then(
          (found) => live && setWarnings(found),
          () => live && setWarnings([]),
        );
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [bridge, open, startsAt, endsAt, chairPersonId, roomId, meeting]);

  // Choosing the committee of a new meeting proposes its head as chair and its secretary.
  const proposeFromCommittee = useCallback(
    async (committeeId: string) => {
      if (editing) return;
      try {
        const committee = await bridge.invoke('committees.get', { id: committeeId });
        const head = committee.members.find((m) => m.role === 'head' && m.personId);
        const secretary = committee.members.find((m) => m.role === 'secretary' && m.personId);
        if (head && !form.getFieldValue('chairPersonId')) form.setFieldValue('chairPersonId', head.personId);
        if (secretary && !form.getFieldValue('secretaryPersonId')) form.setFieldValue('secretaryPersonId', secretary.personId);
        if (!form.getFieldValue('chairingOrgId')) {
          const standing = committee.members.find((m) => m.role === 'standing_agency' && m.organizationId);
          if (standing) form.setFieldValue('chairingOrgId', standing.organizationId);
        }
      } catch {
        // Only a convenience: the user picks the chair by hand.
      }
    },
    [bridge, editing, form],
  );

  // A new meeting starts on the only committee (with its head as chair) and the first kind, so the
  // common case is a title away.
  useEffect(() => {
    if (!open || editing) return;
    if (!form.getFieldValue('committeeId') && committees.data?.length === 1) {
      form.setFieldValue('committeeId', committees.data[0]!.id);
      void proposeFromCommittee(committees.data[0]!.id);
    }
    if (!form.getFieldValue('kindCode') && kinds.data?.length) form.setFieldValue('kindCode', kinds.data[0]!.code);
  }, [open, editing, form, committees.data, kinds.data, proposeFromCommittee]);

  async function submit(values: MeetingFormValues): Promise<void> {
    setSaving(true);
    setFailure(null);
    try {
      const input = inputOf(values);
      let result;
      if (meeting) {
        const patch = changedFields(inputOf(valuesOf(meeting)), input);
        if (Object.keys(patch).length === 0) {
          void message.info(t('form.nothingChanged'));
          onClose();
          return;
        }
        result = await bridge.invoke('meetings.update', { id: meeting.id, ...patch });
      } else {
        result = await bridge.invoke('meetings.create', input);
      }
      if (result.warnings.length > 0) void message.warning(t('form.savedWithWarnings', { count: result.warnings.length }), 6);
      else void message.success(meeting ? t('form.updated') : t('form.created'));
      onSaved(result.meeting);
    } catch (error) {
      if (!showOnFields(form, error, MEETING_FORM_FIELDS)) setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  const noCommittee = committees.status === 'ready' && committees.data.length === 0;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={editing ? t('form.editTitle') : t('form.createTitle')}
      footer={
        <Flex gap="small" justify="end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} disabled={noCommittee}>
            {editing ? t('form.save') : t('form.create')}
          </Button>
        </Flex>
      }
    >
      {noCommittee ? (
        <Alert
          type="info"
          showIcon
          className="ns-block"
          title={t('form.noCommittee')}
          description={<Link to="/directory/committees">{t('form.noCommitteeLink')}</Link>}
        />
      ) : null}
      {meeting && meeting.status !== 'draft' ? (
        <Alert type="info" showIcon className="ns-block" title={t('form.publishedNotice')} />
      ) : null}
      {failure ? <Alert type="error" showIcon className="ns-block" title={t('form.saveFailed', { message: failure })} /> : null}
      <Form<MeetingFormValues>
        form={form}
        name="meeting"
        requiredMark={requiredMark}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => void submit(values)}
        scrollToFirstError
      >
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="committeeId" label={t('form.committee')} rules={[{ required: true, message: t('form.committeeRequired') }]}>
              <Select
                showSearch={{ filterOption: foldedFilter }}
                loading={committees.status === 'loading'}
                placeholder={t('form.committeePlaceholder')}
                options={(committees.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                onChange={(id: string) => void proposeFromCommittee(id)}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="kindCode" label={t('form.kind')} rules={[{ required: true, message: t('form.kindRequired') }]}>
              <Select
                loading={kinds.status === 'loading'}
                placeholder={t('form.kindPlaceholder')}
                options={(kinds.data ?? []).map((k) => ({ value: k.code, label: k.label }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t('form.title')}
          rules={[
            { required: true, whitespace: true, message: t('form.titleRequired') },
            { max: 500, message: t('form.tooLong', { max: 500 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder={t('form.titlePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="startsAt" label={t('form.startsAt')} rules={[{ required: true, message: t('form.startsAtRequired') }]}>
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format="DD/MM/YYYY HH:mm"
                needConfirm={false}
                className="ns-full-width"
                onChange={(value) => {
                  // Keep the meeting's length when the start moves.
                  const end = form.getFieldValue('endsAt') as MeetingFormValues['endsAt'];
                  const previous = startsAt;
                  if (value && previous && end && end.isAfter(previous)) form.setFieldValue('endsAt', value.add(end.diff(previous, 'minute'), 'minute'));
                  else if (value && (!end || !end.isAfter(value))) form.setFieldValue('endsAt', value.add(2, 'hour'));
                  // The end was checked against the new start before it moved along; check it again.
                  void form.validateFields(['endsAt']).catch(() => undefined);
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="endsAt"
              label={t('form.endsAt')}
              dependencies={['startsAt']}
              rules={[
                { required: true, message: t('form.endsAtRequired') },
                ({ getFieldValue }) => ({
                  validator(_, value: MeetingFormValues['endsAt']) {
                    const start = getFieldValue('startsAt') as MeetingFormValues['startsAt'];
                    if (!value || !start) return Promise.resolve();
                    if (!value.isAfter(start)) return Promise.reject(new Error(t('form.endBeforeStart')));
                    if (value.diff(start, 'day', true) > MEETING_MAX_DAYS) {
                      return Promise.reject(new Error(t('form.tooLongMeeting', { days: MEETING_MAX_DAYS })));
                    }
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="DD/MM/YYYY HH:mm" needConfirm={false} className="ns-full-width" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="roomId" label={t('form.room')}>
              <Select
                allowClear
                showSearch={{ filterOption: foldedFilter }}
                loading={rooms.status === 'loading'}
                placeholder={t('form.roomPlaceholder')}
                notFoundContent={t('form.noRooms')}
                options={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.location ? `${r.name} — ${r.location}` : r.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="online" label={t('form.online')} valuePropName="checked">
              <Switch checkedChildren={t('form.onlineYes')} unCheckedChildren={t('form.onlineNo')} />
            </Form.Item>
          </Col>
        </Row>
        {online ? (
          <Form.List name="bridgePoints">
            {(fields, { add, remove }) => (
              <fieldset className="ns-fieldset">
                <legend>{t('form.bridgePoints')}</legend>
                {fields.length === 0 ? (
                  <Typography.Paragraph type="secondary">{t('form.bridgePointsEmpty')}</Typography.Paragraph>
                ) : null}
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" className="ns-bridge-row">
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[{ required: true, whitespace: true, message: t('form.bridgePointNameRequired') }]}
                    >
                      <Input aria-label={t('form.bridgePointName', { n: index + 1 })} placeholder={t('form.bridgePointNamePlaceholder')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'location']}>
                      <Input aria-label={t('form.bridgePointLocation', { n: index + 1 })} placeholder={t('form.bridgePointLocationPlaceholder')} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('form.removeBridgePoint', { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', location: '' })}>
                  {t('form.addBridgePoint')}
                </Button>
              </fieldset>
            )}
          </Form.List>
        ) : null}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="chairPersonId" label={t('form.chair')}>
              <PersonSelect initial={meeting?.chair ? { id: meeting.chair.id, label: personLabel(meeting.chair) } : null} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="secretaryPersonId" label={t('form.secretary')}>
              <PersonSelect initial={meeting?.secretary ? { id: meeting.secretary.id, label: personLabel(meeting.secretary) } : null} />
            </Form.Item>
          </Col>
        </Row>
        <BookingWarnings warnings={warnings} linkMeetings={false} />
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="chairingOrgId" label={t('form.chairingOrg')}>
              <OrganizationSelect />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="classification" label={t('form.classification')}>
              <Select options={classifications.map((c) => ({ value: c, label: t(`classification.${c}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('form.description')} rules={[{ max: 5000, message: t('form.tooLong', { max: 5000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('form.descriptionPlaceholder')} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" className="ns-small">
        {t('form.timeZoneNote')}
      </Typography.Text>
    </Drawer>
  );
}
