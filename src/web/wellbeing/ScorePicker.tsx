/**
 * One rater's score for one indicator as a row of large radio buttons
 * (whole numbers of the profile's scale, plus "not rated"). Native radios, so
 * arrow keys move between scores; the chosen one is marked by a tick and a
 * thick border as well as its colour.
 */
import { useTranslation } from 'react-i18next';
import { scaleValues, scoreColour, textColourOn } from './palette.ts';
import type { WheelScale } from './types.ts';

export type ScorePickerProps = {
  id: string;
  name: string;
  legend: string;
  scale: WheelScale;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
};

export function ScorePicker({ id, name, legend, scale, value, onChange, error }: ScorePickerProps) {
  const { t } = useTranslation();
  const labelFor = (v: number) => scale.labels?.find((l) => l.value === v)?.label;
  const lowest = labelFor(scale.min);
  const highest = labelFor(scale.max);
  return (
    <fieldset id={id} className='score-picker' aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className='score-picker__legend'>{legend}</legend>
      <div className='score-picker__options'>
        {scaleValues(scale).map((v) => {
          const fill = scoreColour(v, scale);
          return (
            <label key={v} className='score-option' style={{ ['--score-fill' as string]: fill, ['--score-text' as string]: textColourOn(fill) }}>
              <input type='radio' name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
              <span className='score-option__face' aria-hidden='true'>
                {v}
              </span>
              <span className='ds-sr-only'>
                {v}
                {labelFor(v) ? ` – ${labelFor(v)}` : ''}
              </span>
            </label>
          );
        })}
        <label className='score-option score-option--none'>
          <input type='radio' name={name} value='' checked={value === null} onChange={() => onChange(null)} />
          <span className='score-option__face'>{t('assessment.notRated')}</span>
        </label>
      </div>
      {(lowest || highest) && (
        <p className='score-picker__anchors' aria-hidden='true'>
          <span>
            {scale.min} = {lowest}
          </span>
          <span>
            {scale.max} = {highest}
          </span>
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className='score-picker__error ds-validation-message' data-color='danger'>
          {error}
        </p>
      )}
    </fieldset>
  );
}
