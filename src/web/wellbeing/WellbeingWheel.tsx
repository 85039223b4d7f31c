/**
 * The wellbeing wheel as an SVG: one segment per indicator of the profile,
 * one ring per rater (inner = the professional, then the child, outermost the
 * guardians), each cell filled by its score on the profile's scale and
 * printed with the score itself. The picture is an image with a title and a
 * text description; the same numbers follow as a table.
 */
import { Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { sectorPath, polar } from './geometry.ts';
import { scaleValues, scoreColour, textColourOn } from './palette.ts';
import { ratersPresent, ratingOf, safeId, type Rater, type WheelIndicator, type WheelRating, type WheelScale } from './types.ts';

export type WellbeingWheelProps = {
  indicators: readonly WheelIndicator[];
  scale: WheelScale;
  ratings: readonly WheelRating[];
  /** Accessible title of the picture, e.g. "Välbefinnandehjulet 12 maj 2026". */
  title?: string;
  /** Which rings to draw; by default the professional and whoever else gave a score. */
  raters?: readonly Rater[];
  /** Show the table of values visibly (default) or only to screen readers. */
  table?: 'visible' | 'screen-reader';
};

const OUTER = 150;
const HUB = 28;
const LABEL_GAP = 12;
const MISSING_FILL = '#ffffff';

export function WellbeingWheel({ indicators, scale, ratings, title, raters, table = 'visible' }: WellbeingWheelProps) {
  const { t } = useTranslation();
  const base = safeId(useId());
  const ids = { title: `${base}-title`, desc: `${base}-desc`, hatch: `${base}-hatch` };
  const rings = raters && raters.length > 0 ? [...raters] : ratersPresent(ratings);
  const n = Math.max(1, indicators.length);
  const step = 360 / n;
  const ringWidth = (OUTER - HUB) / rings.length;
  const heading = title ?? t('wellbeing.wheel.title');
  const raterName = (rater: Rater) => t(`wellbeing.raters.${rater}`);
  const scoreText = (score: number | null) => (score === null ? t('wellbeing.wheel.noScore') : String(score));

  const description = [
    t('wellbeing.wheel.scaleDescription', { min: scale.min, max: scale.max }),
    ...rings.map(
      (rater) =>
        `${raterName(rater)}: ${indicators.map((indicator) => `${indicator.name} ${scoreText(ratingOf(ratings, indicator.key, rater))}`).join(', ')}.`,
    ),
  ].join(' ');

  const labelFor = (value: number) => scale.labels?.find((l) => l.value === value)?.label;

  return (
    <figure className='wellbeing-wheel'>
      <div className='wellbeing-wheel__picture'>
        <svg
          role='img'
          aria-labelledby={`${ids.title} ${ids.desc}`}
          viewBox='-300 -200 600 400'
          className='wellbeing-wheel__svg'
          data-segments={indicators.length}
        >
          <title id={ids.title}>{heading}</title>
          <desc id={ids.desc}>{description}</desc>
          <defs>
            <pattern id={ids.hatch} patternUnits='userSpaceOnUse' width='8' height='8' patternTransform='rotate(45)'>
              <rect width='8' height='8' fill={MISSING_FILL} />
              <line x1='0' y1='0' x2='0' y2='8' stroke='#767676' strokeWidth='2' />
            </pattern>
          </defs>
          {indicators.map((indicator, i) => {
            const start = i * step;
            const end = n === 1 ? 359.99 : (i + 1) * step;
            const middle = start + step / 2;
            return (
              <g key={indicator.key} className='wellbeing-wheel__segment' data-indicator={indicator.key}>
                {rings.map((rater, r) => {
                  const inner = HUB + r * ringWidth;
                  const outer = inner + ringWidth;
                  const score = ratingOf(ratings, indicator.key, rater);
                  const fill = score === null ? MISSING_FILL : scoreColour(score, scale);
                  const at = polar((inner + outer) / 2, middle);
                  return (
                    <g key={rater} className='wellbeing-wheel__cell' data-rater={rater} data-score={score ?? ''}>
                      <path
                        d={sectorPath(inner, outer, start, end)}
                        fill={score === null ? `url(#${ids.hatch})` : fill}
                        data-fill={fill}
                        stroke='#ffffff'
                        strokeWidth='2'
                      />
                      <text
                        x={at.x}
                        y={at.y}
                        textAnchor='middle'
                        dominantBaseline='central'
                        className='wellbeing-wheel__score'
                        fill={score === null ? '#000000' : textColourOn(fill)}
                        paintOrder={score === null ? 'stroke' : undefined}
                        stroke={score === null ? '#ffffff' : undefined}
                        strokeWidth={score === null ? 4 : undefined}
                      >
                        {score === null ? '–' : score}
                      </text>
                    </g>
                  );
                })}
                <IndicatorLabel name={indicator.name} angle={middle} />
              </g>
            );
          })}
          <circle r={HUB} fill='#ffffff' stroke='#595959' strokeWidth='1' />
          <circle r={OUTER} fill='none' stroke='#595959' strokeWidth='1' />
        </svg>
        <div className='wellbeing-wheel__legend'>
          <p className='wellbeing-wheel__legend-heading'>{t('wellbeing.wheel.ringsHeading')}</p>
          <ol className='wellbeing-wheel__rings'>
            {rings.map((rater, r) => (
              <li key={rater}>
                <span className='wellbeing-wheel__ring-name'>
                  {t(r === 0 ? 'wellbeing.wheel.ringInnermost' : r === rings.length - 1 ? 'wellbeing.wheel.ringOutermost' : 'wellbeing.wheel.ringMiddle')}
                </span>
                {': '}
                {raterName(rater)}
              </li>
            ))}
          </ol>
          <p className='wellbeing-wheel__legend-heading'>{t('wellbeing.wheel.coloursHeading', { min: scale.min, max: scale.max })}</p>
          <ul className='wellbeing-wheel__swatches'>
            {scaleValues(scale).map((value) => {
              const fill = scoreColour(value, scale);
              return (
                <li key={value} data-score={value}>
                  <span className='wellbeing-wheel__swatch' style={{ background: fill, color: textColourOn(fill) }} aria-hidden='true'>
                    {value}
                  </span>
                  <span>
                    <span className='ds-sr-only'>{value}</span>
                    {labelFor(value) ?? ''}
                  </span>
                </li>
              );
            })}
            <li>
              <span className='wellbeing-wheel__swatch wellbeing-wheel__swatch--missing' aria-hidden='true'>
                –
              </span>
              <span>{t('wellbeing.wheel.noScore')}</span>
            </li>
          </ul>
        </div>
      </div>
      <div className={table === 'visible' ? 'table-scroll wellbeing-wheel__table' : 'ds-sr-only'}>
        <Table border data-size='sm'>
          <caption className={table === 'visible' ? 'wellbeing-wheel__caption' : undefined}>
            {t('wellbeing.wheel.tableCaption', { title: heading })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col'>{t('wellbeing.indicator')}</Table.HeaderCell>
              {rings.map((rater) => (
                <Table.HeaderCell scope='col' key={rater}>
                  {raterName(rater)}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {indicators.map((indicator) => (
              <Table.Row key={indicator.key}>
                <Table.HeaderCell scope='row'>
                  {indicator.name}
                  {indicator.childStatement && <span className='secondary-text'>”{indicator.childStatement}”</span>}
                </Table.HeaderCell>
                {rings.map((rater) => {
                  const score = ratingOf(ratings, indicator.key, rater);
                  const label = score === null ? undefined : labelFor(score);
                  return (
                    <Table.Cell key={rater} data-rater={rater}>
                      {scoreText(score)}
                      {label && <span className='secondary-text'>{label}</span>}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </figure>
  );
}

/** The indicator's name outside the wheel, anchored away from it. */
function IndicatorLabel({ name, angle }: { name: string; angle: number }) {
  const at = polar(OUTER + LABEL_GAP, angle);
  const normalised = ((angle % 360) + 360) % 360;
  const anchor = normalised < 5 || Math.abs(normalised - 180) < 5 ? 'middle' : normalised < 180 ? 'start' : 'end';
  const baseline = normalised < 60 || normalised > 300 ? 'auto' : normalised > 120 && normalised < 240 ? 'hanging' : 'central';
  return (
    <text x={at.x} y={at.y} textAnchor={anchor} dominantBaseline={baseline} className='wellbeing-wheel__label'>
      {name}
    </text>
  );
}
