/** "Vem är barnkontakt?": enter a personnummer, see only the contact (or a clear message). */
import { Alert, Button, Card, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, isApiError } from '../api.ts';
import type { LookupResponse } from '../api-types.ts';
import { ErrorAlert } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { localized, telHref } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

function LookupResult({ result }: { result: LookupResponse }) {
  const { t } = useTranslation();
  const contact = result.contact;
  if (result.status === 'assigned' && contact) {
    const title = localized(contact.title, currentLanguage());
    return (
      <Card data-color='accent' variant='tinted' className='named-person-card'>
        <Heading level={2} data-size='sm'>
          {t('namedPerson.fallbackTitle')}
        </Heading>
        <Paragraph data-size='lg'>
          <strong>{contact.name}</strong>
        </Paragraph>
        <dl className='facts facts--compact'>
          {title && (
            <div>
              <dt>{t('namedPerson.title')}</dt>
              <dd>{title}</dd>
            </div>
          )}
          {contact.unitName && (
            <div>
              <dt>{t('namedPerson.unit')}</dt>
              <dd>{contact.unitName}</dd>
            </div>
          )}
          <div>
            <dt>{t('namedPerson.phone')}</dt>
            <dd>{contact.phone ? <DsLink href={telHref(contact.phone)}>{contact.phone}</DsLink> : t('common.notGiven')}</dd>
          </div>
        </dl>
      </Card>
    );
  }
  return (
    <Alert data-color={result.status === 'declined' ? 'info' : 'warning'}>
      <Heading level={2} data-size='xs'>
        {t('lookup.resultHeading')}
      </Heading>
      <Paragraph>{result.status === 'declined' ? t('lookup.declined') : t('lookup.none')}</Paragraph>
    </Alert>
  );
}

export function LookupPage() {
  const { t } = useTranslation();
  usePageTitle(t('lookup.title'));
  const [personnummer, setPersonnummer] = useState('');
  const [missing, setMissing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const lookup = useMutation({ mutationFn: (value: string) => api.lookup(value) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = personnummer.trim();
    setMissing(!value);
    if (!value) {
      lookup.reset();
      return inputRef.current?.focus();
    }
    lookup.mutate(value);
  };

  const invalid = isApiError(lookup.error, 422) || isApiError(lookup.error, 400);
  const fieldError = missing ? t('lookup.required') : invalid ? lookup.error?.message : undefined;

  return (
    <div className='narrow stack'>
      <Heading level={1} data-size='lg'>
        {t('lookup.title')}
      </Heading>
      <Paragraph>{t('lookup.intro')}</Paragraph>
      <form className='search-form' onSubmit={submit} noValidate>
        <Textfield
          ref={inputRef}
          className='search-form__field'
          label={t('lookup.label')}
          description={t('lookup.description')}
          name='personnummer'
          inputMode='numeric'
          autoComplete='off'
          value={personnummer}
          onChange={(e) => setPersonnummer(e.target.value)}
          error={fieldError}
          aria-required='true'
        />
        <div className='search-form__buttons'>
          <Button type='submit' loading={lookup.isPending}>
            {t('lookup.submit')}
          </Button>
        </div>
      </form>
      <div aria-live='polite' className='stack'>
        {lookup.isSuccess && <LookupResult result={lookup.data} />}
        {isApiError(lookup.error, 404) && (
          <Alert data-color='warning'>
            <Heading level={2} data-size='xs'>
              {t('lookup.resultHeading')}
            </Heading>
            <Paragraph>{t('lookup.notFound', { personnummer: lookup.variables })}</Paragraph>
          </Alert>
        )}
        {lookup.isError && !invalid && !isApiError(lookup.error, 404) && <ErrorAlert error={lookup.error} />}
      </div>
      <Paragraph data-size='sm'>
        {t('emergency.lookupHint')}{' '}
        <DsLink asChild>
          <Link to='/emergency'>{t('emergency.lookupLink')}</Link>
        </DsLink>
      </Paragraph>
    </div>
  );
}
