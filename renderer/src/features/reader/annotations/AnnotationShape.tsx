import { memo, useMemo } from 'react';
import type { Annotation, GeometryOf, Quad } from '../../../../../shared/contract/annotations.ts';
import { NOTE_ICON_SIZE } from '../../../../../shared/annotations/geometry.ts';
import { inkOutlinePath } from './inkPath.ts';

function quadPath(q: Quad): string {
  // QuadPoints are UL, UR, LL, LR: draw them round the edge.
  return `M${q[0]} ${q[1]} L${q[2]} ${q[3]} L${q[6]} ${q[7]} L${q[4]} ${q[5]} Z`;
}

/** Points along the edge between two quad corners, `t` of the way from the lower edge (0) to the upper (1). */
function lineAcross(q: Quad, t: number): [number, number, number, number] {
  const lx = q[4] + (q[0] - q[4]) * t;
  const ly = q[5] + (q[1] - q[5]) * t;
  const rx = q[6] + (q[2] - q[6]) * t;
  const ry = q[7] + (q[3] - q[7]) * t;
  return [lx, ly, rx, ry];
}

function Markup({ a }: { a: Annotation }) {
  const { quads } = a.geometry as GeometryOf<'highlight'>;
  if (a.kind === 'highlight') {
    return (
      <path
        className="ns-annot-highlight"
        d={quads.map(quadPath).join(' ')}
        fill={a.color}
        fillOpacity={a.opacity}
      />
    );
  }
  // Underline a little above the box's bottom (the descenders), strikeout through the middle.
  const t = a.kind === 'underline' ? 0.08 : 0.42;
  return (
    <g stroke={a.color} strokeOpacity={a.opacity} strokeWidth={Math.max(0.75, a.thickness)} strokeLinecap="butt">
      {quads.map((q, i) => {
        const [x1, y1, x2, y2] = lineAcross(q, t);
        return <line key={i} x1={x1} y1={y1} x2={x2} y2={y2} />;
      })}
    </g>
  );
}

function Ink({ a }: { a: Annotation }) {
  const { strokes } = a.geometry as GeometryOf<'ink'>;
  const d = useMemo(() => strokes.map((s) => inkOutlinePath(s, a.thickness)).join(' '), [strokes, a.thickness]);
  return <path d={d} fill={a.color} fillOpacity={a.opacity} />;
}

function Note({ a, rotation }: { a: Annotation; rotation: number }) {
  const [x, y] = (a.geometry as GeometryOf<'note'>).at;
  const s = NOTE_ICON_SIZE;
  // A folded paper with text lines, drawn in page space: y grows upwards here. Like Acrobat's
  // note icons (NoRotate) it stays upright when the page is turned: rotating by the view's angle
  // in this y-up frame undoes the viewport's turn, about the icon's centre so its box is unchanged.
  return (
    <g transform={rotation ? `rotate(${rotation} ${x + s / 2} ${y - s / 2})` : undefined}>
      <path
        d={`M${x} ${y} L${x + s} ${y} L${x + s} ${y - s * 0.7} L${x + s * 0.7} ${y - s} L${x} ${y - s} Z`}
        fill={a.color}
        stroke="#5f4b00"
        strokeWidth={0.8}
      />
      <path d={`M${x + s} ${y - s * 0.7} L${x + s * 0.7} ${y - s * 0.7} L${x + s * 0.7} ${y - s}`} fill="none" stroke="#5f4b00" strokeWidth={0.8} />
      <path
        d={`M${x + 4} ${y - 5} H${x + s - 4} M${x + 4} ${y - 9} H${x + s - 4} M${x + 4} ${y - 13} H${x + s * 0.6}`}
        stroke="#5f4b00"
        strokeWidth={1}
      />
    </g>
  );
}

function FreeText({ a, hideText }: { a: Annotation; hideText: boolean }) {
  const [x1, y1, x2, y2] = (a.geometry as GeometryOf<'freetext'>).rect;
  const size = a.fontSize ?? 12;
  // Text flows down the page: flip back to a y-down frame at the box's top-left corner.
  return (
    <g transform={`translate(${x1} ${y2}) scale(1 -1)`}>
      <rect x={0} y={0} width={x2 - x1} height={y2 - y1} fill="#ffffff" fillOpacity={0.01} />
      {hideText ? null : (
        <foreignObject x={0} y={0} width={x2 - x1} height={y2 - y1}>
          <div className="ns-annot-freetext" style={{ color: a.color, fontSize: `${size}px`, opacity: a.opacity }}>
            {a.contents}
          </div>
        </foreignObject>
      )}
    </g>
  );
}

function Shape({ a }: { a: Annotation }) {
  const common = { fill: 'none', stroke: a.color, strokeOpacity: a.opacity, strokeWidth: a.thickness } as const;
  if (a.kind === 'arrow') {
    const { from, to } = a.geometry as GeometryOf<'arrow'>;
    const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
    const head = Math.max(8, a.thickness * 4);
    const spread = Math.PI / 7;
    const left = [to[0] - head * Math.cos(angle - spread), to[1] - head * Math.sin(angle - spread)];
    const right = [to[0] - head * Math.cos(angle + spread), to[1] - head * Math.sin(angle + spread)];
    return (
      <g {...common} strokeLinecap="round" strokeLinejoin="round">
        <line x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} />
        <path d={`M${left[0]} ${left[1]} L${to[0]} ${to[1]} L${right[0]} ${right[1]}`} />
      </g>
    );
  }
  const [x1, y1, x2, y2] = (a.geometry as GeometryOf<'rectangle'>).rect;
  if (a.kind === 'ellipse') {
    return <ellipse {...common} cx={(x1 + x2) / 2} cy={(y1 + y2) / 2} rx={(x2 - x1) / 2} ry={(y2 - y1) / 2} />;
  }
  return <rect {...common} x={x1} y={y1} width={x2 - x1} height={y2 - y1} />;
}

/** One annotation drawn in PDF page space (the parent group applies the viewport's transform). */
export const AnnotationShape = memo(function AnnotationShape({
  a,
  faded,
  hideText,
  rotation = 0,
}: {
  a: Annotation;
  faded?: boolean;
  hideText?: boolean;
  /** The view's rotation in degrees (the page's /Rotate plus the reader's), for icons kept upright. */
  rotation?: number;
}) {
  let body;
  switch (a.kind) {
    case 'highlight':
    case 'underline':
    case 'strikeout':
      body = <Markup a={a} />;
      break;
    case 'ink':
      body = <Ink a={a} />;
      break;
    case 'note':
      body = <Note a={a} rotation={rotation} />;
      break;
    case 'freetext':
      body = <FreeText a={a} hideText={hideText ?? false} />;
      break;
    default:
      body = <Shape a={a} />;
  }
  return (
    <g data-annotation-id={a.id} data-kind={a.kind} opacity={faded ? 0.3 : undefined} className="ns-annot">
      {body}
    </g>
  );
});
