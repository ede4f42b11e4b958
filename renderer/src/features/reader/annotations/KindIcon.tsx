import {
  BorderOutlined,
  EditOutlined,
  FontSizeOutlined,
  HighlightOutlined,
  MessageOutlined,
  StrikethroughOutlined,
  UnderlineOutlined,
} from '@ant-design/icons';
import type { ReactElement, ReactNode } from 'react';
import type { AnnotationKind } from '../../../../../shared/contract/annotations.ts';
import type { ToolId } from './model/tools.ts';

function Svg({ children }: { children: ReactNode }) {
  return (
    <span role="img" aria-hidden className="anticon">
      <svg viewBox="0 0 16 16" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round">
        {children}
      </svg>
    </span>
  );
}

export const SelectIcon = () => (
  <Svg>
    <path d="M3 2 L3 13 L6 10 L8.5 14.5 L10.3 13.6 L7.8 9.2 L12 9 Z" fill="currentColor" stroke="none" />
  </Svg>
);
export const EllipseIcon = () => (
  <Svg>
    <ellipse cx="8" cy="8" rx="6.2" ry="4.6" />
  </Svg>
);
export const ArrowIcon = () => (
  <Svg>
    <path d="M3 13 L13 3 M7 3 H13 V9" />
  </Svg>
);
export const EraserIcon = () => (
  <Svg>
    <path d="M6 13.5 H14 M2.8 9.6 L9 3.4 a1.4 1.4 0 0 1 2 0 L13 5.4 a1.4 1.4 0 0 1 0 2 L7.5 12.9 H5.3 L2.8 10.5 a0.6 0.6 0 0 1 0-0.9 Z M5.6 6.8 L9.6 10.8" />
  </Svg>
);

const icons: Record<ToolId, () => ReactElement> = {
  select: SelectIcon,
  highlight: () => <HighlightOutlined />,
  underline: () => <UnderlineOutlined />,
  strikeout: () => <StrikethroughOutlined />,
  ink: () => <EditOutlined />,
  note: () => <MessageOutlined />,
  freetext: () => <FontSizeOutlined />,
  rectangle: () => <BorderOutlined />,
  ellipse: EllipseIcon,
  arrow: ArrowIcon,
  eraser: EraserIcon,
};

export function ToolIcon({ tool }: { tool: ToolId }) {
  const Icon = icons[tool];
  return <Icon />;
}

/** The kind's icon in the annotation's colour (a coloured chip, legible for pale highlighter colours too). */
export function KindIcon({ kind, color }: { kind: AnnotationKind; color: string }) {
  return (
    <span className="ns-annot-kind" style={{ ['--annot-color' as string]: color }}>
      <ToolIcon tool={kind} />
    </span>
  );
}
