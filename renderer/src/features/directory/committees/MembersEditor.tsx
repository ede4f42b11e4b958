import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Committee, CommitteeRole } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText } from '../../../common/errors.ts';
import { foldedIncludes } from '../shared/text.ts';
import { unitOptions } from '../shared/unitOptions.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { useDebounced } from '../shared/useDebounced.ts';

interface DraftMember {
  /** Stable React key: the person or unit id with its kind. */
  key: string;
  personId: string | null;
  organizationId: string | null;
  role: CommitteeRole;
  name: string;
  detail: string | null;
}

const personRoles: CommitteeRole[] = ['head', 'deputy', 'member', 'secretary'];

function fromCommittee(committee: Committee): DraftMember[] {
  return committee.members.map((m) => ({
    key: m.personId ? `p:${m.personId}` : `o:${m.organizationId}`,
    personId: m.personId,
    organizationId: m.organizationId,
    role: m.role,
    name: m.name,
    detail: [m.personPosition, m.detail].filter(Boolean).join(' — ') || null,
  }));
}

/**
 * Members in order with their roles. Changes stay on screen until "Lưu danh sách thành viên", so a
 * list can be rearranged freely and saved once; until then the saved list follows the core.
 */
export function MembersEditor({ committee }: { committee: Committee }) {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [draft, setDraft] = useState<DraftMember[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [personQuery, setPersonQuery] = useState('');
  const search = useDebounced(personQuery.trim());
  const members = draft ?? fromCommittee(committee);
  const dirty = draft !== null;

  const loadPeople = useCallback(() => bridge.invoke('people.list', { ...(search ? { query: search } : {}), limit: 30 }), [bridge, search]);
  const people = useCoreData(loadPeople, ['directory']).state.data?.items ?? [];
  const loadUnits = useCallback(() => bridge.invoke('organizations.list', {}), [bridge]);
  const units = useCoreData(loadUnits, ['directory']).state.data ?? [];

  const present = useMemo(() => new Set(members.map((m) => m.key)), [members]);
  const heads = members.filter((m) => m.role === 'head').length;
  const voting = members.filter((m) => m.role !== 'standing_agency').length;
  const quorumCount = Math.ceil((voting * committee.quorumPercent) / 100);

  const change = (next: DraftMember[]) => setDraft(next);
  const move = (index: number, by: -1 | 1) => {
    const next = [...members];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    change(next);
  };

  function addPerson(personId: string): void {
    const person = people.find((p) => p.id === personId);
    if (!person) return;
    if (present.has(`p:${person.id}`)) {
      void message.info(t('committees.alreadyMember', { name: person.fullName }));
      return;
    }
    change([
      ...members,
      {
        key: `p:${person.id}`,
        personId: person.id,
        organizationId: null,
        // The first person added is usually the head; everyone after is a member until told otherwise.
        role: members.some((m) => m.personId) ? 'member' : 'head',
        name: person.fullName,
        detail: [person.position, person.organizationName].filter(Boolean).join(' — ') || null,
      },
    ]);
    setPersonQuery('');
  }

  function addUnit(organizationId: string): void {
    const unit = units.find((u) => u.id === organizationId);
    if (!unit || present.has(`o:${unit.id}`)) return;
    change([...members, { key: `o:${unit.id}`, personId: null, organizationId: unit.id, role: 'standing_agency', name: unit.name, detail: unit.organCode }]);
  }

  async function save(): Promise<void> {
    setSaving(true);
    try {
      await bridge.invoke('committees.setMembers', {
        committeeId: committee.id,
        members: members.map((m) => (m.personId ? { personId: m.personId, role: m.role } : { organizationId: m.organizationId!, role: m.role })),
      });
      setDraft(null);
      void message.success(t('committees.membersSaved'));
    } catch (error) {
      void message.error(t('common.failed', { message: errorText(error) }), 8);
    } finally {
      setSaving(false);
    }
  }

  const columns: TableColumnsType<DraftMember> = [
    { key: 'index', title: '#', width: 48, render: (_, _m, index) => index + 1 },
    {
      key: 'name',
      title: t('committees.member'),
      render: (_, m) => (
        <Flex vertical>
          <Typography.Text strong>{m.name}</Typography.Text>
          {m.detail ? <Typography.Text type="secondary">{m.detail}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      key: 'role',
      title: t('committees.role'),
      width: 210,
      render: (_, m, index) =>
        m.organizationId ? (
          // A unit can only be the standing agency: nothing to choose.
          <Typography.Text className="ns-role-fixed">{t('committees.roles.standing_agency')}</Typography.Text>
        ) : (
          <Select<CommitteeRole>
            className="ns-role-select"
            aria-label={t('committees.roleOf', { name: m.name })}
            value={m.role}
            onChange={(role) => change(members.map((x, i) => (i === index ? { ...x, role } : x)))}
            options={personRoles.map((role) => ({ value: role, label: t(`committees.roles.${role}`) }))}
          />
        ),
    },
    {
      key: 'order',
      title: t('common.actions'),
      width: 150,
      render: (_, m, index) => (
        <Flex gap={4}>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('committees.moveUp', { name: m.name })} onClick={() => move(index, -1)} />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === members.length - 1}
            aria-label={t('committees.moveDown', { name: m.name })}
            onClick={() => move(index, 1)}
          />
          <Button
            size="small"
            danger
            icon={<CloseOutlined />}
            aria-label={t('committees.remove', { name: m.name })}
            onClick={() => change(members.filter((_x, i) => i !== index))}
          />
        </Flex>
      ),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={2} className="ns-dir-card-title">
          {t('committees.membersTitle')}
        </Typography.Title>
      }
    >
      <Flex vertical gap="middle">
        <Flex gap="middle" wrap>
          <div className="ns-picker-field">
            <Typography.Text>{t('committees.pickPerson')}</Typography.Text>
            <Select<string>
              className="ns-member-picker"
              aria-label={t('committees.pickPerson')}
              placeholder={t('committees.pickPersonPlaceholder')}
              value={null}
              showSearch={{ filterOption: false, onSearch: setPersonQuery, searchValue: personQuery }}
              notFoundContent={t('committees.noPeople')}
              onChange={addPerson}
              options={people
                .filter((p) => !present.has(`p:${p.id}`))
                .map((p) => ({ value: p.id, label: [p.fullName, p.position, p.organizationName].filter(Boolean).join(' — ') }))}
            />
          </div>
          <div className="ns-picker-field">
            <Typography.Text>{t('committees.pickUnit')}</Typography.Text>
            <Select<string>
              className="ns-member-picker"
              aria-label={t('committees.pickUnit')}
              placeholder={t('committees.pickUnitPlaceholder')}
              value={null}
              showSearch={{ filterOption: (input, option) => foldedIncludes(option?.label, input) }}
              onChange={addUnit}
              options={unitOptions(units, new Set(members.flatMap((m) => (m.organizationId ? [m.organizationId] : []))))}
            />
          </div>
        </Flex>
        <Typography.Text>{t('committees.quorumSummary', { count: quorumCount, percent: committee.quorumPercent })}</Typography.Text>
        {heads > 1 ? <Alert type="error" showIcon title={t('committees.oneHead')} /> : null}
        <Table<DraftMember>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={members}
          pagination={false}
          locale={{ emptyText: t('committees.membersEmpty') }}
        />
        {dirty ? <Alert type="warning" showIcon title={t('committees.unsaved')} /> : null}
        <Flex gap="small">
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty || heads > 1} loading={saving} onClick={() => void save()}>
            {t('committees.saveMembers')}
          </Button>
          <Button icon={<UndoOutlined />} disabled={!dirty || saving} onClick={() => setDraft(null)}>
            {t('committees.revertMembers')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
