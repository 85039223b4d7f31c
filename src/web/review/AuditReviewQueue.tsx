/**
 * Systematic log review: flagged events (denials on a child, emergency access)
 * and a random sample of the last 30 days. Each gets a comment and "Markera
 * granskad". The sample is drawn anew on every fetch, so a reviewed event is
 * taken out of the list in place instead of fetching a new sample.
 */
import { Alert, Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import type { ReviewQueueItem, ReviewQueueResponse } from '../api-types.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

export const reviewQueueKey = ['audit', 'review-queue'] as const;

function useActionLabel() {
  const { t } = useTranslation();
  const labels = t('review.action', { returnObjects: true }) as Record<string, string>;
  return (action: string) => labels[action] ?? action;
}

function QueueItem({ item, onReviewed }: { item: ReviewQueueItem; onReviewed: (seq: number) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const actionLabel = useActionLabel();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const headingId = `review-event-${item.seq}`;
  const bases = t('review.basis', { returnObjects: true }) as Record<string, string>;

  const review = useMutation({
    mutationFn: (text: string) => api.reviewAuditEvent(item.seq, { comment: text, selectedAs: item.selectedAs }),
    onSuccess: () => {
      queryClient.setQueryData<ReviewQueueResponse>(reviewQueueKey, (data) =>
        data ? { ...data, items: data.items.filter((i) => i.seq !== item.seq) } : data,
      );
      onReviewed(item.seq);
    },
  });

  const trimmed = comment.trim();
  const commentError = !showErrors ? undefined : trimmed.length < 3 ? t('review.commentTooShort') : trimmed.length > 2000 ? t('review.commentTooLong') : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (review.isPending) return;
    setShowErrors(true);
    if (trimmed.length < 3 || trimmed.length > 2000) return commentRef.current?.focus();
    review.mutate(trimmed);
  };

  return (
    <Card className='review-card' data-color={item.selectedAs === 'flagged' ? 'warning' : 'neutral'}>
      <div className='consent-card__head'>
        <Tag data-color={item.selectedAs === 'flagged' ? 'warning' : 'neutral'} variant={item.selectedAs === 'flagged' ? 'default' : 'outline'}>
          {t(`review.selectedAs.${item.selectedAs}`)}
        </Tag>
        <Tag data-color={item.outcome === 'denied' ? 'danger' : 'success'} variant='outline'>
          {t(`review.outcome.${item.outcome}`)}
        </Tag>
        <Heading level={3} data-size='2xs' id={headingId}>
          {t('review.eventHeading', { seq: item.seq, action: actionLabel(item.action) })}
        </Heading>
      </div>
      <dl className='facts facts--compact'>
        <div>
          <dt>{t('review.time')}</dt>
          <dd>{formatDateTime(item.occurredAt, language)}</dd>
        </div>
        <div>
          <dt>{t('review.actor')}</dt>
          <dd>{item.actor?.name ?? t('review.system')}</dd>
        </div>
        <div>
          <dt>{t('review.unit')}</dt>
          <dd>{item.unit?.name ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('review.actionLabel')}</dt>
          <dd>
            {actionLabel(item.action)} <code className='code'>{item.action}</code>
          </dd>
        </div>
        <div>
          <dt>{t('review.child')}</dt>
          <dd>
            {item.childId ? <code className='code'>{item.childId}</code> : item.childCount !== null ? t('review.childCount', { count: item.childCount }) : '–'}
          </dd>
        </div>
        {item.basis && (
          <div>
            <dt>{t('review.basisLabel')}</dt>
            <dd>{bases[item.basis] ?? item.basis}</dd>
          </div>
        )}
        {item.purpose && (
          <div>
            <dt>{t('review.purpose')}</dt>
            <dd>{item.purpose}</dd>
          </div>
        )}
      </dl>
      <form className='stack-sm' onSubmit={submit} noValidate>
        <Textfield
          ref={commentRef}
          multiline
          rows={2}
          label={t('review.commentLabel')}
          description={t('review.commentDescription')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={commentError}
          aria-required='true'
        />
        {review.isError && <ErrorAlert error={review.error} headingLevel={3} />}
        <div>
          <Button type='submit' data-size='sm' aria-describedby={headingId} loading={review.isPending} aria-disabled={review.isPending || undefined}>
            {review.isPending ? t('review.submitting') : t('review.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

export function AuditReviewQueue() {
  const { t } = useTranslation();
  const queue = useQuery({
    queryKey: reviewQueueKey,
    queryFn: ({ signal }) => api.reviewQueue({ sample: 20 }, signal),
    staleTime: Infinity,
  });
  const [reviewed, setReviewed] = useState<number | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const items = queue.data?.items ?? [];

  return (
    <section aria-labelledby='audit-review-heading' className='stack-sm'>
      <Heading level={2} data-size='sm' id='audit-review-heading'>
        {t('review.queueHeading')}
      </Heading>
      <Paragraph>{t('review.queueIntro')}</Paragraph>
      {reviewed !== null && (
        <Alert data-color='success' ref={doneRef} tabIndex={-1} role='status'>
          <Paragraph>{t('review.reviewed', { seq: reviewed })}</Paragraph>
        </Alert>
      )}
      {queue.isPending && <Loading />}
      {queue.isError && <ErrorAlert error={queue.error} headingLevel={3} onRetry={() => void queue.refetch()} />}
      {queue.isSuccess && queue.data.moreFlagged && (
        <Alert data-color='warning'>
          <Paragraph>{t('review.moreFlagged')}</Paragraph>
        </Alert>
      )}
      {queue.isSuccess && items.length === 0 && <Paragraph>{t('review.queueEmpty')}</Paragraph>}
      {items.length > 0 && (
        <ul className='card-list'>
          {items.map((item) => (
            <li key={item.seq}>
              <QueueItem
                item={item}
                onReviewed={(seq) => {
                  setReviewed(seq);
                  requestAnimationFrame(() => doneRef.current?.focus());
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {queue.isSuccess && (
        <div>
          <Button variant='secondary' data-size='sm' onClick={() => void queue.refetch()} loading={queue.isFetching}>
            {t('review.newSample')}
          </Button>
        </div>
      )}
    </section>
  );
}
