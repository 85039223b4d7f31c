/**
 * The child page's wellbeing section: the latest wheel (the child's own
 * rating beside the professional's), each indicator over time, My World
 * Triangle and the resilience matrix of the latest assessment, and the list
 * of all assessments the reader may see. Printable. When the reader may see
 * no assessment, the section says only that there is none.
 */
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../api.ts';
import type { Assessment, AssessmentTrendPoint, ToolDefinition } from '../api-types.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { formatDate, localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { trendPoints, wheelIndicators, wheelRatings, wheelScale } from './adapt.ts';
import { IndicatorTrend, TrendLegend } from './IndicatorTrend.tsx';
import { useAssessments } from './queries.ts';
import { MATRIX_FACTORS, ResilienceMatrixPlot } from './ResilienceMatrixPlot.tsx';
import { RATERS } from './types.ts';
import { WellbeingWheel } from './WellbeingWheel.tsx';

export function WellbeingSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const saved = (location.state as { assessmentSaved?: string } | null)?.assessmentSaved;
  const list = useAssessments(childId);

  const newLink = (
    <Button asChild variant='secondary' className='no-print'>
      <Link to={`/children/${childId}/assessments/new`}>{t('wellbeingSection.newAssessment')}</Link>
    </Button>
  );

  return (
    <section aria-labelledby='wellbeing-heading' id='wellbeing' className='stack wellbeing-section'>
      <div className='section-head'>
        <Heading level={2} data-size='md' id='wellbeing-heading'>
          {t('wellbeingSection.heading')}
        </Heading>
        <div className='button-row'>
          {newLink}
          {list.data && list.data.items.length > 0 && (
            <Button variant='tertiary' type='button' className='no-print' onClick={() => window.print()}>
              {t('wellbeingSection.print')}
            </Button>
          )}
        </div>
      </div>
      {saved && list.data?.items.some((a) => a.id === saved) && (
        <Alert data-color='success' role='status'>
          {t('wellbeingSection.saved')}
        </Alert>
      )}
      {list.isPending && <Loading />}
      {list.isError &&
        (isApiError(list.error, 403) || isApiError(list.error, 404) ? (
          <Paragraph>{t('wellbeingSection.none')}</Paragraph>
        ) : (
          <ErrorAlert error={list.error} headingLevel={3} onRetry={() => void list.refetch()} />
        ))}
      {list.isSuccess &&
        (list.data.items.length === 0 ? (
          <Paragraph>{t('wellbeingSection.none')}</Paragraph>
        ) : (
          <Assessments tool={list.data.tool} items={list.data.items} trend={list.data.trend} />
        ))}
    </section>
  );
}

function Assessments({ tool, items, trend }: { tool: ToolDefinition; items: Assessment[]; trend: Record<string, AssessmentTrendPoint[]> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const latest = items[0]!;
  const indicators = wheelIndicators(tool, language);
  const scale = wheelScale(tool, language);
  const date = formatDate(latest.assessedOn, language);
  const participants = (a: Assessment) =>
    [
      ...(a.participants.child ? [t('wellbeingSection.theChild')] : []),
      ...a.participants.guardians.map((g) => g.name ?? t('wellbeing.raters.guardians')),
      ...a.participants.professionals.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)),
    ].join(', ');
  const trendRaters = RATERS.filter((r) => Object.values(trend).some((points) => points.some((p) => p[r] !== null)));
  const withMatrix = items.find((a) => a.matrix.position !== null || a.matrix.facts.length > 0);
  const headingName = (key: string) => {
    const name = localized(tool.triangle.headings.find((h) => h.key === key)?.name, language) || key;
    return name.charAt(0).toLocaleUpperCase() + name.slice(1);
  };

  return (
    <>
      <div className='stack-sm'>
        <Heading level={3} data-size='sm'>
          {t('wellbeingSection.latestHeading', { date })}
        </Heading>
        <dl className='facts facts--compact'>
          <div>
            <dt>{t('wellbeingSection.by')}</dt>
            <dd>
              {latest.author}, {latest.owningUnitName}
            </dd>
          </div>
          {participants(latest) && (
            <div>
              <dt>{t('wellbeingSection.participants')}</dt>
              <dd>{participants(latest)}</dd>
            </div>
          )}
        </dl>
        <WellbeingWheel
          indicators={indicators}
          scale={scale}
          ratings={wheelRatings(latest)}
          title={t('wellbeingSection.latestWheel', { date })}
        />
        {latest.childView && (
          <div>
            <p className='field-heading'>{t('wellbeingSection.childSays')}</p>
            <blockquote className='child-view'>{latest.childView}</blockquote>
          </div>
        )}
        {latest.summary && (
          <div>
            <p className='field-heading'>{t('wellbeingSection.summary')}</p>
            <p className='note-body'>{latest.summary}</p>
          </div>
        )}
      </div>

      <div className='stack-sm'>
        <Heading level={3} data-size='sm'>
          {t('wellbeingSection.trendsHeading')}
        </Heading>
        {items.length < 2 ? (
          <Paragraph data-size='sm'>{t('wellbeingSection.trendsOne')}</Paragraph>
        ) : (
          <>
            <TrendLegend raters={trendRaters} />
            <div className='trend-grid'>
              {indicators.map((indicator) => (
                <IndicatorTrend key={indicator.key} name={indicator.name} scale={scale} points={trendPoints(trend[indicator.key], language)} />
              ))}
            </div>
          </>
        )}
      </div>

      {latest.triangle.length > 0 && (
        <div className='stack-sm'>
          <Heading level={3} data-size='sm'>
            {t('wellbeingSection.triangleHeading')}
          </Heading>
          <div className='triangle-summary'>
            {tool.triangle.sides.map((side) => {
              const entries = latest.triangle.filter((e) => e.side === side.key);
              if (entries.length === 0) return null;
              return (
                <div key={side.key} className='triangle-summary__side'>
                  <Heading level={4} data-size='2xs'>
                    {localized(side.name, language)}
                  </Heading>
                  <ul className='plain-list'>
                    {entries.map((e, i) => (
                      <li key={i} data-kind={e.kind}>
                        <strong>{e.kind === 'strength' ? t('wellbeingSection.strengths') : t('wellbeingSection.challenges')}</strong> –{' '}
                        {headingName(e.heading)}: {e.text}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        </div>
      )}

      {withMatrix && (
        <div className='stack-sm'>
          <Heading level={3} data-size='sm'>
            {t('wellbeingSection.matrixHeading')}
            {withMatrix !== latest && ` (${formatDate(withMatrix.assessedOn, language)})`}
          </Heading>
          <ResilienceMatrixPlot
            position={withMatrix.matrix.position}
            range={{ min: tool.matrix.axisMin, max: tool.matrix.axisMax }}
            facts={Object.fromEntries(MATRIX_FACTORS.map((f) => [f, withMatrix.matrix.facts.filter((x) => x.quadrant === f).map((x) => x.text)]))}
          />
        </div>
      )}

      {items.length > 1 && (
        <div className='stack-sm'>
          <Heading level={3} data-size='sm'>
            {t('wellbeingSection.historyHeading')}
          </Heading>
          <div className='table-scroll'>
            <Table zebra border data-size='sm'>
              <caption className='ds-sr-only'>{t('wellbeingSection.historyCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope='col'>{t('wellbeingSection.colDate')}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t('wellbeingSection.colBy')}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t('wellbeingSection.colParticipants')}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t('wellbeingSection.colMean')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((a) => (
                  <Table.Row key={a.id}>
                    <Table.Cell className='nowrap'>{formatDate(a.assessedOn, language)}</Table.Cell>
                    <Table.Cell>
                      {a.author}
                      <span className='secondary-text'>{a.owningUnitName}</span>
                    </Table.Cell>
                    <Table.Cell>{participants(a)}</Table.Cell>
                    <Table.Cell>{a.professionalMean === null ? t('wellbeing.wheel.noScore') : a.professionalMean.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </div>
      )}
    </>
  );
}
