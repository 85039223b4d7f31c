/** Turns the API's tool definition and assessments into the plain data the pictures draw, in the interface language. */
import type { Assessment, AssessmentTrendPoint, ToolDefinition } from '../api-types.ts';
import { formatDate, localized } from '../format.ts';
import type { Language } from '../i18n/index.ts';
import type { TrendPoint } from './IndicatorTrend.tsx';
import type { WheelIndicator, WheelRating, WheelScale } from './types.ts';

export function wheelIndicators(tool: ToolDefinition, language: Language): WheelIndicator[] {
  return tool.indicators.map((i) => ({
    key: i.key,
    name: localized(i.name, language),
    childStatement: i.childStatement ? localized(i.childStatement, language) : null,
  }));
}

export function wheelScale(tool: ToolDefinition, language: Language): WheelScale {
  return {
    min: tool.scale.min,
    max: tool.scale.max,
    labels: tool.scale.labels.map((l) => ({ value: l.value, label: localized(l.label, language) })),
  };
}

export function wheelRatings(assessment: Pick<Assessment, 'ratings'>): WheelRating[] {
  return assessment.ratings.map((r) => ({ indicator: r.indicator, professional: r.professional, child: r.child, guardians: r.guardians }));
}

export function trendPoints(points: readonly AssessmentTrendPoint[] | undefined, language: Language): TrendPoint[] {
  return (points ?? []).map((p) => ({
    date: p.assessmentId,
    label: formatDate(p.assessedOn, language),
    professional: p.professional,
    child: p.child,
    guardians: p.guardians,
  }));
}

/** Today as YYYY-MM-DD in the local time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
