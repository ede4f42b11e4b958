import { RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Popover, Segmented, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationKind } from '../../../../../shared/contract/annotations.ts';
import { ColorSwatches } from './ColorSwatches.tsx';
import { ToolIcon } from './KindIcon.tsx';
import { fontSizeChoices, opacityChoices, thicknessChoices, toolOrder, toolShortcuts, type ToolId, type ToolStyle } from './model/tools.ts';

export interface StyleTarget {
  kind: AnnotationKind;
  style: ToolStyle;
  /** Changing the style changes this annotation (selected) rather than only the tool's default. */
  annotation: boolean;
}

interface ToolbarProps {
  tool: ToolId;
  onTool(tool: ToolId): void;
  styleTarget: StyleTarget | null;
  onStyle(change: Partial<ToolStyle>): void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  /** The export/import menu and the save indicator. */
  children?: ReactNode;
}

function StyleEditor({ target, onStyle }: { target: StyleTarget; onStyle(change: Partial<ToolStyle>): void }) {
  const { t } = useTranslation('annotations');
  const { kind, style } = target;
  const thick = kind === 'ink' || kind === 'rectangle' || kind === 'ellipse' || kind === 'arrow' || kind === 'underline' || kind === 'strikeout';
  return (
    <div className="ns-annot-style">
      <Typography.Text type="secondary" className="ns-annot-style-title">
        {target.annotation ? t('toolbar.styleSelected') : t('toolbar.styleTool', { tool: t(`kinds.${kind}`) })}
      </Typography.Text>
      <ColorSwatches value={style.color} onChange={(color) => onStyle({ color })} />
      {thick ? (
        <label className="ns-annot-style-row">
          <span>{t('toolbar.thickness')}</span>
          <Segmented
            size="small"
            value={style.thickness}
            options={thicknessChoices.map((v) => ({ value: v, label: t('toolbar.points', { value: v }) }))}
            onChange={(v) => onStyle({ thickness: Number(v) })}
          />
        </label>
      ) : null}
      {kind === 'highlight' ? (
        <label className="ns-annot-style-row">
          <span>{t('toolbar.opacity')}</span>
          <Segmented
            size="small"
            value={style.opacity}
            options={opacityChoices.map((v) => ({ value: v, label: `${Math.round(v * 100)}%` }))}
            onChange={(v) => onStyle({ opacity: Number(v) })}
          />
        </label>
      ) : null}
      {kind === 'freetext' ? (
        <label className="ns-annot-style-row">
          <span>{t('toolbar.fontSize')}</span>
          <Segmented
            size="small"
            value={style.fontSize}
            options={fontSizeChoices.map((v) => ({ value: v, label: String(v) }))}
            onChange={(v) => onStyle({ fontSize: Number(v) })}
          />
        </label>
      ) : null}
    </div>
  );
}

/** The annotation tools in the reader's toolbar: one button per tool (with its key), style, undo/redo. */
export function AnnotationToolbar(props: ToolbarProps) {
  const { t } = useTranslation('annotations');
  const target = props.styleTarget;
  return (
    <div className="ns-annot-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="ns-annot-tools" role="group" aria-label={t('toolbar.tools')}>
        {toolOrder.map((tool) => (
          <Tooltip key={tool} title={t('toolbar.toolTip', { tool: t(`tools.${tool}`), key: toolShortcuts[tool] })}>
            <Button
              type={props.tool === tool ? 'primary' : 'text'}
              ghost={false}
              size="small"
              icon={<ToolIcon tool={tool} />}
              aria-label={t(`tools.${tool}`)}
              aria-pressed={props.tool === tool}
              aria-keyshortcuts={toolShortcuts[tool]}
              // Keep the text selection: pressing "Tô sáng" after selecting text marks it.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => props.onTool(tool)}
            />
          </Tooltip>
        ))}
      </div>
      <Popover trigger="click" placement="bottom" content={target ? <StyleEditor target={target} onStyle={props.onStyle} /> : null}>
        <Tooltip title={target ? t('toolbar.style') : t('toolbar.styleNone')}>
          <Button size="small" type="text" disabled={!target} aria-label={t('toolbar.style')} onMouseDown={(e) => e.preventDefault()}>
            <span className="ns-annot-style-dot" style={{ background: target?.style.color ?? '#d9d9d9' }} />
          </Button>
        </Tooltip>
      </Popover>
      <Tooltip title={t('toolbar.undo')}>
        <Button size="small" type="text" icon={<UndoOutlined />} aria-label={t('toolbar.undo')} disabled={!props.canUndo} onClick={props.onUndo} />
      </Tooltip>
      <Tooltip title={t('toolbar.redo')}>
        <Button size="small" type="text" icon={<RedoOutlined />} aria-label={t('toolbar.redo')} disabled={!props.canRedo} onClick={props.onRedo} />
      </Tooltip>
      {props.children}
    </div>
  );
}
