/** The notes on the child that the user may read, newest first, and a small form to write one (owned by the user's unit). */
import { Alert, Button, Card, Details, Field, Heading, Label, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { INFORMATION_CATEGORIES, type CreateNoteRequest, type InformationCategory } from '../api-types.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useLabels } from '../labels.ts';
import { notesQueryKey, useNotes } from './queries.ts';

function WriteNote({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const id = useId();
  const [category, setCategory] = useState<InformationCategory | ''>('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [saved, setSaved] = useState(false);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  const create = useMutation({
    mutationFn: (request: CreateNoteRequest) => api.createNote(childId, request),
    onSuccess: async () => {
      setSaved(true);
      setShowErrors(false);
      setCategory('');
      setTitle('');
      setBody('');
      requestAnimationFrame(() => savedRef.current?.focus());
      await queryClient.invalidateQueries({ queryKey: notesQueryKey(childId) });
    },
  });

  const categoryError = showErrors && !category ? t('notes.categoryRequired') : undefined;
  const titleError = !showErrors ? undefined : !title.trim() ? t('notes.titleRequired') : title.trim().length > 200 ? t('notes.titleTooLong') : undefined;
  const bodyError = !showErrors ? undefined : !body.trim() ? t('notes.bodyRequired') : body.trim().length > 20_000 ? t('notes.bodyTooLong') : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    setShowErrors(true);
    setSaved(false);
    if (!category) return categoryRef.current?.focus();
    if (!title.trim() || title.trim().length > 200) return titleRef.current?.focus();
    if (!body.trim() || body.trim().length > 20_000) return bodyRef.current?.focus();
    create.mutate({ category, title: title.trim(), body: body.trim() });
  };

  return (
    <Details className='write-note'>
      <Details.Summary>{t('notes.write')}</Details.Summary>
      <Details.Content>
        <form className='stack-sm' onSubmit={submit} noValidate>
          <Paragraph data-size='sm'>{t('notes.writeIntro')}</Paragraph>
          <Field>
            <Label htmlFor={`${id}-category`}>{t('notes.categoryLabel')}</Label>
            <Select
              id={`${id}-category`}
              ref={categoryRef}
              width='auto'
              value={category}
              onChange={(e) => setCategory(e.target.value as InformationCategory | '')}
              aria-invalid={categoryError ? true : undefined}
              aria-required='true'
            >
              <Select.Option value=''>{t('notes.categoryPlaceholder')}</Select.Option>
              {INFORMATION_CATEGORIES.map((c) => (
                <Select.Option key={c} value={c}>
                  {labels.category(c)}
                </Select.Option>
              ))}
            </Select>
            {categoryError && <ValidationMessage>{categoryError}</ValidationMessage>}
          </Field>
          <Textfield
            ref={titleRef}
            label={t('notes.titleLabel')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={titleError}
            aria-required='true'
            autoComplete='off'
          />
          <Textfield
            ref={bodyRef}
            multiline
            rows={5}
            label={t('notes.bodyLabel')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={bodyError}
            aria-required='true'
          />
          {create.isError && <ErrorAlert error={create.error} headingLevel={3} />}
          {saved && (
            <Alert data-color='success' ref={savedRef} tabIndex={-1} role='status'>
              <Paragraph>{t('notes.saved')}</Paragraph>
            </Alert>
          )}
          <div>
            <Button type='submit' loading={create.isPending} aria-disabled={create.isPending || undefined}>
              {create.isPending ? t('notes.saving') : t('notes.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

export function Notes({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const labels = useLabels();
  const notes = useNotes(childId);
  return (
    <section aria-labelledby='notes-heading' className='stack-sm'>
      <Heading level={2} data-size='sm' id='notes-heading'>
        {t('notes.heading')}
      </Heading>
      <Paragraph>{t('notes.intro')}</Paragraph>
      {notes.isPending && <Loading />}
      {notes.isError && <ErrorAlert error={notes.error} headingLevel={3} onRetry={() => void notes.refetch()} />}
      {notes.isSuccess && notes.data.length === 0 && <Paragraph>{t('notes.none')}</Paragraph>}
      {notes.isSuccess && notes.data.length > 0 && (
        <ul className='card-list'>
          {notes.data.map((n) => (
            <li key={n.id}>
              <Card className='note-card'>
                <Heading level={3} data-size='2xs'>
                  {n.title}
                </Heading>
                <div className='tags'>
                  <Tag data-size='sm' data-color='neutral'>
                    <span className='ds-sr-only'>{t('notes.categoryLabel')}: </span>
                    {labels.category(n.category)}
                  </Tag>
                </div>
                <p className='note-body'>{n.body}</p>
                <Paragraph data-size='sm' className='secondary-text'>
                  {t('notes.meta', { author: n.author, unit: n.owningUnitName, date: formatDateTime(n.createdAt, language) })}
                </Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <WriteNote childId={childId} />
    </section>
  );
}
