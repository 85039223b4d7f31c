/** Loading and error states used by every screen. */
import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className='loading' role='status'>
      <Spinner aria-hidden='true' data-size='sm' />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message;
  return fallback;
}

export function ErrorAlert({ error, onRetry, headingLevel = 2 }: { error: unknown; onRetry?: () => void; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <Alert data-color='danger' role='alert'>
      <Heading level={headingLevel} data-size='xs'>
        {t('common.errorHeading')}
      </Heading>
      <Paragraph>{errorMessage(error, t('common.errorHeading'))}</Paragraph>
      {onRetry && (
        <Button variant='secondary' data-size='sm' onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
