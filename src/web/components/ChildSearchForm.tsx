/** Search field for the children list (name or personnummer); submit with Enter or the button. */
import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export function ChildSearchForm({ initial, onSearch }: { initial: string; onSearch: (value: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(value);
  };
  return (
    <form role='search' className='search-form' onSubmit={submit}>
      <Textfield
        className='search-form__field'
        label={t('children.searchLabel')}
        description={t('children.searchDescription')}
        type='search'
        name='q'
        autoComplete='off'
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <div className='search-form__buttons'>
        <Button type='submit'>{t('children.searchButton')}</Button>
        {initial && (
          <Button
            variant='tertiary'
            onClick={() => {
              setValue('');
              onSearch('');
            }}
          >
            {t('children.clearSearch')}
          </Button>
        )}
      </div>
    </form>
  );
}
