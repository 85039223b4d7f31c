/** Search professionals who can be the named person and pick one (radio buttons). */
import { Button, Fieldset, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

type Props = {
  selected: string | null;
  onSelect: (staffId: string | null) => void;
  error?: string;
  groupRef: RefObject<HTMLFieldSetElement | null>;
};

export function StaffPicker({ selected, onSelect, error, groupRef }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const staff = useQuery({
    queryKey: ['staff', search],
    queryFn: ({ signal }) => api.staff({ search: search || undefined, limit: 10 }, signal).then((r) => r.items),
  });

  const runSearch = () => {
    onSelect(null);
    setSearch(draft.trim());
  };

  return (
    <div className='stack-sm'>
      <div className='search-form'>
        <Textfield
          className='search-form__field'
          label={t('change.staffSearchLabel')}
          description={t('change.staffSearchDescription')}
          type='search'
          autoComplete='off'
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // The search lives inside the change form: Enter searches instead of submitting.
            if (e.key === 'Enter') {
              e.preventDefault();
              runSearch();
            }
          }}
        />
        <div className='search-form__buttons'>
          <Button variant='secondary' onClick={runSearch}>
            {t('change.staffSearchButton')}
          </Button>
        </div>
      </div>
      {staff.isPending && <Loading />}
      {staff.isError && <ErrorAlert error={staff.error} headingLevel={3} />}
      {staff.isSuccess && staff.data.length === 0 && <Paragraph role='status'>{t('change.staffNone')}</Paragraph>}
      {staff.isSuccess && staff.data.length > 0 && (
        <Fieldset ref={groupRef} className='staff-options'>
          <Fieldset.Legend>{t('change.staffLegend')}</Fieldset.Legend>
          {staff.data.map((s) => (
            <Radio
              key={`${s.id}:${s.unitId}`}
              name='staffId'
              value={s.id}
              label={s.name}
              description={[s.title ?? localized(s.roleTitle, language), s.unitName].filter(Boolean).join(', ')}
              checked={selected === s.id}
              onChange={() => onSelect(s.id)}
            />
          ))}
          {error && <ValidationMessage>{error}</ValidationMessage>}
        </Fieldset>
      )}
      {!staff.isSuccess && error && <ValidationMessage>{error}</ValidationMessage>}
    </div>
  );
}
