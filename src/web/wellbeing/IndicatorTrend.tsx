/**
 * One indicator over time as a small line chart: one line per rater, told
 * apart by line style and marker shape as well as colour, against a scale
 * with numbered gridlines. The numbers also follow as a table (visible or for
 * screen readers only).
 */
import { Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { scaleValues } from './palette.ts';
import { RATERS, safeId, type Rater, type WheelScale } from './types.ts';

export type TrendPoint = { date: string; /** The date as shown */ label: string } & Partial<Record<Rater, number | null>>;

export type IndicatorTrendProps = {
  name: string;
  scale: WheelScale;
  /** Oldest first. */
  points: readonly TrendPoint[];
  table?: 'visible' | 'screen-reader';
};

/** Line style per rater: colour, dash and marker, so no rater is told by colour alone. */
export const RATER_STYLE: Record<Rater, { colour: string; dash?: string; marker: 'circle' | 'square' | 'triangle' }> = {
  professional: { colour: '#1e4f8a', marker: 'circle' },
  child: { colour: '#a1400b', dash: '6 4', marker: 'square' },
  guardians: { colour: '#5b2a86', dash: '2 3', marker: 'triangle' },
};

const WIDTH = 260;
const HEIGHT = 130;
const PAD = { left: 26, right: 14, top: 12, bottom: 26 };

export function IndicatorTrend({ name, scale, points, table = 'screen-reader' }: IndicatorTrendProps) {
  const { t } = useTranslation();
  const base = safeId(useId());
  const ids = { title: `${base}-title`, desc: `${base}-desc` };
  const raters = RATERS.filter((rater) => points.some((p) => typeof p[rater] === 'number'));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (points.length - 1));
  const y = (score: number) => PAD.top + plotHeight - ((score - scale.min) / (scale.max - scale.min || 1)) * plotHeight;
  const raterName = (rater: Rater) => t(`wellbeing.raters.${rater}`);
  const value = (p: TrendPoint, rater: Rater) => {
    const v = p[rater];
    return typeof v === 'number' ? v : null;
  };

  const description =
    points.length === 0
      ? t('wellbeing.trend.none')
      : raters
          .map(
            (rater) =>
              `${raterName(rater)}: ${points.map((p) => `${p.label} ${value(p, rater) ?? t('wellbeing.wheel.noScore')}`).join(', ')}.`,
          )
          .join(' ');

  return (
    <figure className='indicator-trend' data-indicator-name={name}>
      <figcaption className='indicator-trend__name'>{name}</figcaption>
      <svg role='img' aria-labelledby={`${ids.title} ${ids.desc}`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className='indicator-trend__svg'>
        <title id={ids.title}>{t('wellbeing.trend.title', { name })}</title>
        <desc id={ids.desc}>{description}</desc>
        {scaleValues(scale).map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke='#d0d0d0' strokeWidth='1' />
            <text x={PAD.left - 6} y={y(v)} textAnchor='end' dominantBaseline='central' className='indicator-trend__axis'>
              {v}
            </text>
          </g>
        ))}
        {points.length > 0 && (
          <>
            <text x={x(0)} y={HEIGHT - 6} textAnchor={points.length === 1 ? 'middle' : 'start'} className='indicator-trend__axis'>
              {points[0]!.label}
            </text>
            {points.length > 1 && (
              <text x={x(points.length - 1)} y={HEIGHT - 6} textAnchor='end' className='indicator-trend__axis'>
                {points[points.length - 1]!.label}
              </text>
            )}
          </>
        )}
        {raters.map((rater) => {
          const style = RATER_STYLE[rater];
          const drawn = points.map((p, i) => ({ i, v: value(p, rater) })).filter((d): d is { i: number; v: number } => d.v !== null);
          return (
            <g key={rater} data-rater={rater} className='indicator-trend__series'>
              {drawn.length > 1 && (
                <polyline
                  points={drawn.map((d) => `${x(d.i)},${y(d.v)}`).join(' ')}
                  fill='none'
                  stroke={style.colour}
                  strokeWidth='2.5'
                  strokeDasharray={style.dash}
                />
              )}
              {drawn.map((d) => (
                <Marker key={d.i} shape={style.marker} x={x(d.i)} y={y(d.v)} colour={style.colour} score={d.v} />
              ))}
            </g>
          );
        })}
      </svg>
      <div className={table === 'visible' ? 'table-scroll' : 'ds-sr-only'}>
        <Table border data-size='sm'>
          <caption>{t('wellbeing.trend.tableCaption', { name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col'>{t('wellbeing.trend.date')}</Table.HeaderCell>
              {raters.map((rater) => (
                <Table.HeaderCell scope='col' key={rater}>
                  {raterName(rater)}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {points.map((p) => (
              <Table.Row key={p.date}>
                <Table.HeaderCell scope='row'>{p.label}</Table.HeaderCell>
                {raters.map((rater) => (
                  <Table.Cell key={rater}>{value(p, rater) ?? t('wellbeing.wheel.noScore')}</Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </figure>
  );
}

function Marker({ shape, x, y, colour, score }: { shape: 'circle' | 'square' | 'triangle'; x: number; y: number; colour: string; score: number }) {
  const r = 4.5;
  return (
    <g data-score={score}>
      {shape === 'circle' && <circle cx={x} cy={y} r={r} fill={colour} />}
      {shape === 'square' && <rect x={x - r} y={y - r} width={r * 2} height={r * 2} fill={colour} />}
      {shape === 'triangle' && <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} fill={colour} />}
    </g>
  );
}

/** The key to the line styles, as HTML so it is ordinary text. */
export function TrendLegend({ raters }: { raters: readonly Rater[] }) {
  const { t } = useTranslation();
  return (
    <ul className='trend-legend'>
      {raters.map((rater) => {
        const style = RATER_STYLE[rater];
        return (
          <li key={rater}>
            <svg width='36' height='14' aria-hidden='true' focusable='false'>
              <line x1='2' x2='34' y1='7' y2='7' stroke={style.colour} strokeWidth='2.5' strokeDasharray={style.dash} />
              <Marker shape={style.marker} x={18} y={7} colour={style.colour} score={0} />
            </svg>
            {t(`wellbeing.raters.${rater}`)}
          </li>
        );
      })}
    </ul>
  );
}
