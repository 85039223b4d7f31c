/**
 * The resilience matrix as a two-axis plot: vulnerability ← → resilience
 * (the child's own qualities) across, adversity ↓ ↑ protective environment
 * (family, school, community) up, four labelled quadrants and the child's
 * position as a dot. A text alternative says where the dot is and, when given,
 * lists the facts gathered under each factor.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { safeId } from './types.ts';

export const MATRIX_FACTORS = ['resilience', 'vulnerability', 'protective_environment', 'adversity'] as const;
export type MatrixFactor = (typeof MATRIX_FACTORS)[number];

/** The four areas of the plot, named by the pole of each axis (as the API's `matrix.area`). */
export const MATRIX_AREAS = [
  'resilience_protective_environment',
  'resilience_adversity',
  'vulnerability_protective_environment',
  'vulnerability_adversity',
] as const;
export type MatrixArea = (typeof MATRIX_AREAS)[number];

/** The axes run from −5 to +5 (the API's MATRIX_AXIS_MIN/MAX); 0 is the middle. */
export const MATRIX_RANGE = { min: -5, max: 5 } as const;

/** x: vulnerability (min) … resilience (max); y: adversity (min) … protective environment (max). */
export type MatrixPosition = { x: number; y: number };

export type ResilienceMatrixPlotProps = {
  position?: MatrixPosition | null;
  /** The range of both axes; the middle is neutral. */
  range?: { min: number; max: number };
  facts?: Partial<Record<MatrixFactor, readonly string[]>>;
  title?: string;
};

const SIZE = 420;
const PAD = 70;
const PLOT = SIZE - PAD * 2;

/** Which quadrant a position falls in; null on an axis (the middle of either scale). */
export function quadrantOf(position: MatrixPosition, range: { min: number; max: number } = MATRIX_RANGE): MatrixArea | null {
  const middle = (range.min + range.max) / 2;
  if (position.x === middle || position.y === middle) return null;
  const resilient = position.x > middle;
  const protective = position.y > middle;
  if (protective) return resilient ? 'resilience_protective_environment' : 'vulnerability_protective_environment';
  return resilient ? 'resilience_adversity' : 'vulnerability_adversity';
}

/** SVG coordinates of a position (y grows downwards in SVG). */
export function matrixPoint(position: MatrixPosition, range: { min: number; max: number } = MATRIX_RANGE): { cx: number; cy: number } {
  const span = range.max - range.min || 1;
  const clamp = (v: number) => Math.min(range.max, Math.max(range.min, v));
  const fx = (clamp(position.x) - range.min) / span;
  const fy = (clamp(position.y) - range.min) / span;
  return { cx: Math.round((PAD + fx * PLOT) * 100) / 100, cy: Math.round((PAD + (1 - fy) * PLOT) * 100) / 100 };
}

const QUADRANTS: { key: MatrixArea; x: number; y: number; fill: string }[] = [
  { key: 'vulnerability_protective_environment', x: PAD, y: PAD, fill: '#eef3f8' },
  { key: 'resilience_protective_environment', x: PAD + PLOT / 2, y: PAD, fill: '#e6f2ea' },
  { key: 'vulnerability_adversity', x: PAD, y: PAD + PLOT / 2, fill: '#f8ecea' },
  { key: 'resilience_adversity', x: PAD + PLOT / 2, y: PAD + PLOT / 2, fill: '#f6f1e3' },
];

export function ResilienceMatrixPlot({ position, range = MATRIX_RANGE, facts, title }: ResilienceMatrixPlotProps) {
  const { t } = useTranslation();
  const base = safeId(useId());
  const ids = { title: `${base}-title`, desc: `${base}-desc` };
  const heading = title ?? t('wellbeing.matrix.title');
  const quadrant = position ? quadrantOf(position, range) : null;
  const point = position ? matrixPoint(position, range) : null;

  const description = position
    ? [
        t('wellbeing.matrix.positionText', { x: position.x, y: position.y, min: range.min, max: range.max }),
        quadrant ? t('wellbeing.matrix.inQuadrant', { quadrant: t(`wellbeing.matrix.areas.${quadrant}`) }) : t('wellbeing.matrix.onAxis'),
      ].join(' ')
    : t('wellbeing.matrix.noPosition');

  const factorLists = MATRIX_FACTORS.filter((factor) => (facts?.[factor]?.length ?? 0) > 0);

  return (
    <figure className='resilience-matrix'>
      <svg role='img' aria-labelledby={`${ids.title} ${ids.desc}`} viewBox={`0 0 ${SIZE} ${SIZE}`} className='resilience-matrix__svg'>
        <title id={ids.title}>{heading}</title>
        <desc id={ids.desc}>{description}</desc>
        {QUADRANTS.map((q) => (
          <g key={q.key} data-quadrant={q.key} data-current={q.key === quadrant || undefined}>
            <rect
              x={q.x}
              y={q.y}
              width={PLOT / 2}
              height={PLOT / 2}
              fill={q.fill}
              stroke={q.key === quadrant ? '#1e1e1e' : '#8a8a8a'}
              strokeWidth={q.key === quadrant ? 3 : 1}
            />
            <QuadrantLabel text={t(`wellbeing.matrix.areas.${q.key}`)} x={q.x + PLOT / 4} y={q.y + (q.y === PAD ? 22 : PLOT / 2 - 34)} />
          </g>
        ))}
        <line x1={PAD} x2={PAD + PLOT} y1={PAD + PLOT / 2} y2={PAD + PLOT / 2} stroke='#3d3d3d' strokeWidth='1.5' />
        <line y1={PAD} y2={PAD + PLOT} x1={PAD + PLOT / 2} x2={PAD + PLOT / 2} stroke='#3d3d3d' strokeWidth='1.5' />
        <text x={PAD + PLOT / 2} y={PAD - 14} textAnchor='middle' className='resilience-matrix__axis'>
          ↑ {t('wellbeing.matrix.factors.protective_environment')}
        </text>
        <text x={PAD + PLOT / 2} y={PAD + PLOT + 24} textAnchor='middle' className='resilience-matrix__axis'>
          ↓ {t('wellbeing.matrix.factors.adversity')}
        </text>
        <text
          x={PAD - 14}
          y={PAD + PLOT / 2}
          textAnchor='middle'
          transform={`rotate(-90 ${PAD - 14} ${PAD + PLOT / 2})`}
          className='resilience-matrix__axis'
        >
          ← {t('wellbeing.matrix.factors.vulnerability')}
        </text>
        <text
          x={PAD + PLOT + 14}
          y={PAD + PLOT / 2}
          textAnchor='middle'
          transform={`rotate(90 ${PAD + PLOT + 14} ${PAD + PLOT / 2})`}
          className='resilience-matrix__axis'
        >
          {t('wellbeing.matrix.factors.resilience')} →
        </text>
        {point && (
          <g className='resilience-matrix__position' data-cx={point.cx} data-cy={point.cy}>
            <circle cx={point.cx} cy={point.cy} r='11' fill='#1e1e1e' stroke='#ffffff' strokeWidth='3' />
            <circle cx={point.cx} cy={point.cy} r='3' fill='#ffffff' />
          </g>
        )}
      </svg>
      <figcaption className='resilience-matrix__caption'>
        <p>{description}</p>
        {factorLists.length > 0 && (
          <div className='resilience-matrix__facts'>
            {factorLists.map((factor) => (
              <div key={factor} data-factor={factor}>
                <p className='resilience-matrix__facts-heading'>{t(`wellbeing.matrix.factors.${factor}`)}</p>
                <ul className='plain-list'>
                  {facts?.[factor]?.map((fact, i) => <li key={i}>{fact}</li>)}
                </ul>
              </div>
            ))}
          </div>
        )}
      </figcaption>
    </figure>
  );
}

/** Wraps a quadrant label over two lines at " – " or the middle space. */
function QuadrantLabel({ text, x, y }: { text: string; x: number; y: number }) {
  const words = text.split(' ');
  const half = Math.ceil(words.length / 2);
  const lines = words.length > 2 ? [words.slice(0, half).join(' '), words.slice(half).join(' ')] : [text];
  return (
    <text x={x} y={y} textAnchor='middle' className='resilience-matrix__quadrant'>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : '1.2em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
