/** Present / absent / excused for one person: three large options (≥ 44 px, for a tablet in the meeting), a radio group underneath. */
import { Fieldset } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PRESENCES, type Presence } from './types.ts';

export function PresencePicker({
  name,
  legend,
  description,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  description?: string;
  value: Presence | null;
  onChange: (value: Presence) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset className='presence-picker' data-presence={value ?? undefined}>
      <Fieldset.Legend className='presence-picker__legend'>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      <div className='presence-picker__options'>
        {PRESENCES.map((p) => (
          <label key={p} className='presence-option' data-value={p}>
            <input type='radio' name={name} value={p} checked={value === p} onChange={() => onChange(p)} />
            <span className='presence-option__face'>{t(`meetings.presence.${p}`)}</span>
          </label>
        ))}
      </div>
    </Fieldset>
  );
}
