/** For managers: emergency accesses not yet reviewed – who, where, why, how long – each judged justified or not, with a comment. */
import { Alert, Button, Card, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import type { EmergencyAccess, EmergencyReviewOutcome } from '../api-types.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

export const emergencyReviewKey = ['emergency-access', { reviewed: false }] as const;

function EmergencyItem({ access, onReviewed }: { access: EmergencyAccess; onReviewed: (access: EmergencyAccess) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<EmergencyReviewOutcome | null>(null);
  const [comment, setComment] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const outcomeRef = useRef<HTMLFieldSetElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const headingId = `emergency-${access.id}`;

  const review = useMutation({
    mutationFn: (body: { outcome: EmergencyReviewOutcome; comment: string }) => api.reviewEmergencyAccess(access.id, body),
    onSuccess: async () => {
      onReviewed(access);
      await queryClient.invalidateQueries({ queryKey: ['emergency-access'] });
    },
  });

  const trimmed = comment.trim();
  const outcomeError = showErrors && !outcome ? t('emergencyReview.outcomeRequired') : undefined;
  const commentError = !showErrors ? undefined : trimmed.length < 3 ? t('emergencyReview.commentTooShort') : trimmed.length > 2000 ? t('emergencyReview.commentTooLong') : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (review.isPending) return;
    setShowErrors(true);
    if (!outcome) return outcomeRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
    if (trimmed.length < 3 || trimmed.length > 2000) return commentRef.current?.focus();
    review.mutate({ outcome, comment: trimmed });
  };

  return (
    <Card className='review-card' data-color='warning'>
      <Heading level={3} data-size='2xs' id={headingId}>
        {t('emergencyReview.itemHeading', { name: access.staff.name, date: formatDateTime(access.grantedAt, language) })}
      </Heading>
      <dl className='facts facts--compact'>
        <div>
          <dt>{t('emergencyReview.who')}</dt>
          <dd>{[access.staff.name, access.staff.title].filter(Boolean).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('emergencyReview.unit')}</dt>
          <dd>{access.unit?.name ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('emergencyReview.granted')}</dt>
          <dd>{formatDateTime(access.grantedAt, language)}</dd>
        </div>
        <div>
          <dt>{access.active ? t('emergencyReview.expiresActive') : t('emergencyReview.expires')}</dt>
          <dd>{formatDateTime(access.expiresAt, language)}</dd>
        </div>
        <div>
          <dt>{t('emergencyReview.child')}</dt>
          <dd>
            <code className='code'>{access.childId}</code>
          </dd>
        </div>
      </dl>
      <div>
        <Paragraph data-size='sm' className='consent-card__label'>
          {t('emergencyReview.reason')}
        </Paragraph>
        <blockquote className='child-view'>{access.reason}</blockquote>
      </div>
      <form className='stack-sm' onSubmit={submit} noValidate>
        <Fieldset ref={outcomeRef}>
          <Fieldset.Legend>{t('emergencyReview.outcomeLegend')}</Fieldset.Legend>
          <Radio
            name={`outcome-${access.id}`}
            value='justified'
            label={t('emergencyReview.justified')}
            checked={outcome === 'justified'}
            onChange={() => setOutcome('justified')}
          />
          <Radio
            name={`outcome-${access.id}`}
            value='not_justified'
            label={t('emergencyReview.notJustified')}
            checked={outcome === 'not_justified'}
            onChange={() => setOutcome('not_justified')}
          />
          {outcomeError && <ValidationMessage>{outcomeError}</ValidationMessage>}
        </Fieldset>
        <Textfield
          ref={commentRef}
          multiline
          rows={2}
          label={t('emergencyReview.commentLabel')}
          description={t('emergencyReview.commentDescription')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={commentError}
          aria-required='true'
        />
        {review.isError && <ErrorAlert error={review.error} headingLevel={3} />}
        <div>
          <Button type='submit' data-size='sm' aria-describedby={headingId} loading={review.isPending} aria-disabled={review.isPending || undefined}>
            {review.isPending ? t('emergencyReview.submitting') : t('emergencyReview.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

export function EmergencyReviews() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: emergencyReviewKey,
    queryFn: ({ signal }) => api.emergencyAccesses({ reviewed: false }, signal).then((r) => r.items),
  });
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  return (
    <section aria-labelledby='emergency-review-heading' className='stack-sm'>
      <Heading level={2} data-size='sm' id='emergency-review-heading'>
        {t('emergencyReview.heading')}
      </Heading>
      <Paragraph>{t('emergencyReview.intro')}</Paragraph>
      {done !== null && (
        <Alert data-color='success' ref={doneRef} tabIndex={-1} role='status'>
          <Paragraph>{t('emergencyReview.done', { name: done })}</Paragraph>
        </Alert>
      )}
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} headingLevel={3} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.data.length === 0 && <Paragraph>{t('emergencyReview.none')}</Paragraph>}
      {list.isSuccess && list.data.length > 0 && (
        <ul className='card-list'>
          {list.data.map((a) => (
            <li key={a.id}>
              <EmergencyItem
                access={a}
                onReviewed={(reviewed) => {
                  setDone(reviewed.staff.name);
                  requestAnimationFrame(() => doneRef.current?.focus());
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
