/**
 * My private calendar link (iCalendar): created – or replaced – on request and
 * shown once, with a copy button; it carries meeting times, titles and places,
 * never anything about a child. Stopping it makes the address stop working.
 */
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import { ErrorAlert } from '../components/Status.tsx';
import { meetingsApi } from './api.ts';
import { useFocusWhenShown } from './MeetingBits.tsx';
import type { CalendarFeed } from './types.ts';

type Copied = 'copied' | 'failed' | null;

export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const [feed, setFeed] = useState<CalendarFeed | null>(null);
  const [copied, setCopied] = useState<Copied>(null);
  const [stopped, setStopped] = useState<'stopped' | 'none' | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const stoppedRef = useFocusWhenShown<HTMLDivElement>(stopped);
  // A new address: focused and selected, ready to copy.
  useEffect(() => {
    if (!feed) return;
    urlRef.current?.focus();
    urlRef.current?.select();
  }, [feed]);

  const create = useMutation({
    mutationFn: () => meetingsApi.createCalendarFeed(),
    onSuccess: (created) => {
      setFeed(created);
      setCopied(null);
      setStopped(null);
    },
  });
  const revoke = useMutation({
    mutationFn: () => meetingsApi.revokeCalendarFeed(),
    onSuccess: () => {
      setFeed(null);
      setStopped('stopped');
    },
    onError: (error) => {
      if (isApiError(error, 404)) {
        setFeed(null);
        setStopped('none');
      }
    },
  });

  const copy = async () => {
    if (!feed) return;
    try {
      await navigator.clipboard.writeText(feed.url);
      setCopied('copied');
    } catch {
      urlRef.current?.focus();
      urlRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <section aria-labelledby='calendar-feed-heading' className='stack-sm calendar-feed'>
      <Heading level={2} data-size='md' id='calendar-feed-heading'>
        {t('meetings.feed.heading')}
      </Heading>
      <Paragraph>{t('meetings.feed.intro')}</Paragraph>
      <Paragraph>{t('meetings.feed.noChildData')}</Paragraph>
      {feed && (
        <Alert data-color='info' className='stack-sm'>
          <Heading level={3} data-size='xs'>
            {feed.replaced ? t('meetings.feed.replacedHeading') : t('meetings.feed.createdHeading')}
          </Heading>
          <Textfield ref={urlRef} label={t('meetings.feed.urlLabel')} description={t('meetings.feed.shownOnce')} value={feed.url} readOnly className='calendar-feed__url' />
          <div className='button-row'>
            <Button variant='secondary' onClick={() => void copy()}>
              {t('meetings.feed.copy')}
            </Button>
          </div>
          <p role='status' className='result-count'>
            {copied === 'copied' ? t('meetings.feed.copied') : copied === 'failed' ? t('meetings.feed.copyFailed') : ''}
          </p>
          {feed.replaced && <Paragraph data-size='sm'>{t('meetings.feed.oldStopped')}</Paragraph>}
        </Alert>
      )}
      {stopped && (
        <Alert data-color='success' ref={stoppedRef} tabIndex={-1} role='status'>
          <Paragraph>{stopped === 'stopped' ? t('meetings.feed.stopped') : t('meetings.feed.noneToStop')}</Paragraph>
        </Alert>
      )}
      {create.isError && <ErrorAlert error={create.error} headingLevel={3} />}
      {revoke.isError && !isApiError(revoke.error, 404) && <ErrorAlert error={revoke.error} headingLevel={3} />}
      <div className='button-row'>
        <Button onClick={() => create.mutate()} loading={create.isPending} aria-disabled={create.isPending || undefined}>
          {t('meetings.feed.create')}
        </Button>
        <Button variant='tertiary' onClick={() => revoke.mutate()} loading={revoke.isPending} aria-disabled={revoke.isPending || undefined}>
          {t('meetings.feed.stop')}
        </Button>
      </div>
      <Paragraph data-size='sm'>{t('meetings.feed.replaceHint')}</Paragraph>
    </section>
  );
}
