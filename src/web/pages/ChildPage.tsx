/**
 * One child: header (with the named person and the lead professional), what is
 * shared (consent banner), named person (with change form), the child's plan,
 * wellbeing, guardians, the team (with the lead professional), consents,
 * notes, enrollments, named-person history.
 */
import { Heading, Link as DsLink } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../api.ts';
import { ChangeNamedPersonForm } from '../child/ChangeNamedPersonForm.tsx';
import { ChildHeader } from '../child/ChildHeader.tsx';
import { ConsentBanner } from '../child/ConsentBanner.tsx';
import { Consents } from '../child/Consents.tsx';
import { Enrollments } from '../child/Enrollments.tsx';
import { Guardians } from '../child/Guardians.tsx';
import { NamedPersonCard } from '../child/NamedPersonCard.tsx';
import { NamedPersonHistory } from '../child/NamedPersonHistory.tsx';
import { Notes } from '../child/Notes.tsx';
import { Team } from '../child/Team.tsx';
import { ChildMeetings } from '../meetings/ChildMeetings.tsx';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { EmergencyNotice } from '../emergency/EmergencyNotice.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { WellbeingSection } from '../wellbeing/WellbeingSection.tsx';
import { PlanSection } from '../plans/PlanSection.tsx';
import { useLeadProfessional } from '../plans/queries.ts';
import { fullName, localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

export const childQueryKey = (id: string) => ['child', id] as const;

export function ChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useQuery({
    queryKey: childQueryKey(id),
    queryFn: ({ signal }) => api.child(id, signal).then((r) => r.child),
  });
  const data = child.data;
  const lead = useLeadProfessional(id, child.isSuccess);
  usePageTitle(
    data ? (data.masked ? t('child.protectedIdentity') : fullName(data)) : child.isError ? t('child.notFoundTitle') : t('common.loading'),
  );

  const back = (
    <p>
      <DsLink asChild>
        <Link to='/'>{t('child.back')}</Link>
      </DsLink>
    </p>
  );

  if (child.isPending) return <Loading />;
  if (child.isError) {
    return (
      <div className='stack'>
        {back}
        <Heading level={1} data-size='lg'>
          {isApiError(child.error, 404) ? t('child.notFoundTitle') : t('common.errorHeading')}
        </Heading>
        <ErrorAlert error={child.error} onRetry={isApiError(child.error, 404) ? undefined : () => void child.refetch()} />
      </div>
    );
  }

  const detail = child.data;
  const title = localized(detail.modelProfile.namedPersonTitle, currentLanguage()) || t('namedPerson.fallbackTitle');
  return (
    <div className='stack child-page'>
      {back}
      <ChildHeader child={detail} namedPersonTitle={title} leadProfessional={lead.isSuccess ? lead.data.current : undefined} />
      <EmergencyNotice childId={id} />
      <ConsentBanner childId={id} consentsAnchor='consents-heading' />
      <section aria-labelledby='named-person-heading' className='stack'>
        <NamedPersonCard namedPerson={detail.namedPerson} title={title} headingId='named-person-heading' />
        <ChangeNamedPersonForm childId={id} title={title} />
      </section>
      <PlanSection childId={id} />
      <WellbeingSection childId={id} />
      <Guardians guardians={detail.guardians} />
      <Team childId={id} namedPerson={detail.namedPerson} />
      <ChildMeetings childId={id} />
      <Consents child={detail} headingId='consents-heading' />
      <Notes childId={id} />
      <Enrollments enrollments={detail.enrollments} />
      <NamedPersonHistory childId={id} title={title} />
    </div>
  );
}
