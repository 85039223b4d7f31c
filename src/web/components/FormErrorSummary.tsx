/**
 * The error summary at the top of a form (GOV.UK pattern): one line per
 * problem, each a link that moves focus to the field (or the first input of a
 * group). Re-mounted per attempt (`key`) so it takes focus each time.
 */
import { ErrorSummary } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';

export type Problem = { target: string; message: string };

export function focusField(target: string): void {
  const element = document.getElementById(target);
  const input =
    element && ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)
      ? element
      : element?.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select, button');
  input?.focus();
  element?.scrollIntoView({ block: 'center' });
}

export function FormErrorSummary({ problems, heading, level = 2 }: { problems: readonly Problem[]; heading: string; level?: 2 | 3 }) {
  if (problems.length === 0) return null;
  const follow = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    event.preventDefault();
    focusField(target);
  };
  return (
    <ErrorSummary>
      <ErrorSummary.Heading level={level} data-size='xs'>
        {heading}
      </ErrorSummary.Heading>
      <ErrorSummary.List>
        {problems.map((p, i) => (
          <ErrorSummary.Item key={`${p.target}-${i}`}>
            {p.target ? (
              <ErrorSummary.Link href={`#${p.target}`} onClick={(e) => follow(e, p.target)}>
                {p.message}
              </ErrorSummary.Link>
            ) : (
              p.message
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
