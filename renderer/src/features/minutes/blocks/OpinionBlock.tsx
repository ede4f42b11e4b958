import { AutoComplete, Input } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionFields } from '../nodes/OpinionNode.tsx';
import { useMinutesContext } from './MinutesContext.tsx';
import { useBlockFields } from './useBlockFields.ts';
import { useNearViewport } from './useNearViewport.ts';

/** One speaker's opinion: the speaker (a participant, or a name typed) and what they said. */
export function OpinionBlock({ nodeKey, fields }: { nodeKey: string; fields: OpinionFields }) {
  const { t } = useTranslation('minutes');
  const { participants } = useMinutesContext();
  const { value, change, editable } = useBlockFields(nodeKey, fields);
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const people = useMemo(
    () =>
      participants
        .filter((p) => p.kind === 'person')
        .map((p) => ({ value: p.position ? `${p.name}, ${p.position}` : p.name, personId: p.personId, key: p.id })),
    [participants],
  );

  if (!editable || !near) {
    return (
      <div ref={ref}>
        <p className="ns-minutes-opinion-read">
          <strong>{value.speaker || t('opinion.noSpeaker')}:</strong> {value.text}
        </p>
      </div>
    );
  }
  return (
    <div className="ns-minutes-block-body">
      <div className="ns-minutes-block-label">{t('opinion.title')}</div>
      <AutoComplete
        className="ns-minutes-speaker"
        aria-label={t('opinion.speaker')}
        placeholder={t('opinion.speakerPlaceholder')}
        value={value.speaker}
        options={people.map((p) => ({ value: p.value, label: p.value, key: p.key }))}
        showSearch={{ filterOption: (input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase()) }}
        onChange={(speaker: string) => change({ speaker, personId: people.find((p) => p.value === speaker)?.personId ?? null })}
      />
      <Input.TextArea
        aria-label={t('opinion.text')}
        placeholder={t('opinion.textPlaceholder')}
        autoSize={{ minRows: 2 }}
        value={value.text}
        onChange={(e) => change({ text: e.target.value })}
      />
    </div>
  );
}
