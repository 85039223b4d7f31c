/**
 * Invite the family to a child's point: the message is recorded with the
 * meeting's time and place and the names of those invited. Samsyn sends
 * nothing – the professional gives or sends the invitation themselves.
 */
import { Alert, Button, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { meetingsApi } from './api.ts';
import { ApiErrorSummary, useFocusWhenShown } from './MeetingBits.tsx';
import { useMeetingChanged } from './queries.ts';
import type { AgendaItem, FamilyInvitation } from './types.ts';

const MAX = 4000;

export function InviteFamily({ meetingId, item, childName }: { meetingId: string; item: AgendaItem; childName: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const messageId = `${id}-message`;
  const changed = useMeetingChanged();
  const [message, setMessage] = useState(() => t('meetings.invite.defaultMessage'));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<FamilyInvitation | null>(null);
  /** Changing the key folds the form away after saving. */
  const [formKey, setFormKey] = useState(0);
  const savedRef = useFocusWhenShown<HTMLDivElement>(saved);

  const invite = useMutation({
    mutationFn: (text: string) => meetingsApi.inviteFamily(meetingId, item.id, { message: text }),
    onSuccess: async (invitation) => {
      setSaved(invitation);
      setFormKey((k) => k + 1);
      await changed();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (invite.isPending) return;
    setAttempt((n) => n + 1);
    const text = message.trim();
    const found: Problem[] = [];
    if (!text) found.push({ target: messageId, message: t('meetings.invite.messageRequired') });
    else if (text.length > MAX) found.push({ target: messageId, message: t('meetings.invite.messageTooLong', { max: MAX }) });
    setProblems(found);
    if (found.length === 0) invite.mutate(text);
  };

  const problemFor = (target: string) => problems.find((p) => p.target === target)?.message;

  return (
    <div className='stack-sm agenda-point__part'>
      <Heading level={4} data-size='xs'>
        {t('meetings.invite.heading')}
      </Heading>
      {saved && (
        <Alert data-color='success' ref={savedRef} tabIndex={-1} role='status' className='stack-sm'>
          <Paragraph>
            <strong>{t('meetings.invite.saved')}</strong> {t('meetings.invite.notSent')}
          </Paragraph>
          <Paragraph>{t('meetings.invite.invitees', { names: saved.invitees.map((i) => i.name ?? t('meetings.invite.theChild')).join(', ') })}</Paragraph>
        </Alert>
      )}
      {item.familyInvitedAt && item.familyInvitation ? (
        <>
          <Paragraph>{t('meetings.invite.recordedAt', { when: formatDateTime(item.familyInvitedAt, language) })}</Paragraph>
          <pre className='invitation-text'>{item.familyInvitation}</pre>
        </>
      ) : (
        <Paragraph>{t('meetings.invite.none')}</Paragraph>
      )}
      <Details key={formKey}>
        <Details.Summary>{item.familyInvitedAt ? t('meetings.invite.again') : t('meetings.invite.open', { name: childName })}</Details.Summary>
        <Details.Content>
          <form className='stack-sm' onSubmit={submit} noValidate>
            <Alert data-color='info'>
              <Paragraph>{t('meetings.invite.nothingSent')}</Paragraph>
            </Alert>
            <FormErrorSummary key={attempt} level={3} problems={problems} heading={t('meetings.errors.summaryHeading')} />
            {problems.length === 0 && <ApiErrorSummary error={invite.error} attempt={attempt} heading={t('meetings.invite.failed')} />}
            <Textfield
              id={messageId}
              multiline
              rows={5}
              label={t('meetings.invite.messageLabel')}
              description={t('meetings.invite.messageDescription')}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              error={problemFor(messageId)}
              aria-required='true'
            />
            <div>
              <Button type='submit' className='big-button' loading={invite.isPending} aria-disabled={invite.isPending || undefined}>
                {invite.isPending ? t('meetings.saving') : t('meetings.invite.submit')}
              </Button>
            </div>
          </form>
        </Details.Content>
      </Details>
    </div>
  );
}
