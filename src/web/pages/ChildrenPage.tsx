/** "Mina barn": what needs me in the children's plans ("Att göra"), then the children the user may see, with search and keyset pagination. */
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../api.ts';
import { ChildSearchForm } from '../components/ChildSearchForm.tsx';
import { ChildrenTable } from '../components/ChildrenTable.tsx';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { MeetingsThisWeek } from '../meetings/MeetingsThisWeek.tsx';
import { WorkList } from '../plans/WorkList.tsx';

const PAGE_SIZE = 25;

export function ChildrenPage() {
  const { t } = useTranslation();
  usePageTitle(t('children.title'));
  const [params, setParams] = useSearchParams();
  const search = params.get('q')?.trim() ?? '';

  const children = useInfiniteQuery({
    queryKey: ['children', search],
    queryFn: ({ pageParam, signal }) => api.children({ search: search || undefined, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const items = children.data?.pages.flatMap((p) => p.items) ?? [];

  const onSearch = (value: string) => {
    const next = new URLSearchParams(params);
    if (value.trim()) next.set('q', value.trim());
    else next.delete('q');
    setParams(next);
  };

  return (
    <div className='stack'>
      <Heading level={1} data-size='lg'>
        {t('children.title')}
      </Heading>
      <Paragraph>{t('children.intro')}</Paragraph>
      {!search && <WorkList />}
      {!search && <MeetingsThisWeek />}
      <Heading level={2} data-size='md'>
        {t('children.listHeading')}
      </Heading>
      <ChildSearchForm key={search} initial={search} onSearch={onSearch} />

      {children.isPending && <Loading />}
      {children.isError && !children.isFetchNextPageError && (
        <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />
      )}
      {children.data && (
        <>
          <p className='result-count' role='status'>
            {items.length === 0
              ? search
                ? t('children.emptySearch', { search })
                : t('children.empty')
              : t('children.showing', { count: items.length }) + (children.hasNextPage ? ` ${t('children.moreAvailable')}` : '')}
          </p>
          {items.length > 0 && (
            <ChildrenTable
              items={items}
              caption={search ? t('children.captionSearch', { search }) : t('children.caption')}
            />
          )}
          {children.hasNextPage && (
            <div>
              <Button
                variant='secondary'
                onClick={() => void children.fetchNextPage()}
                loading={children.isFetchingNextPage}
                aria-disabled={children.isFetchingNextPage || undefined}
              >
                {children.isFetchingNextPage ? t('children.loadingMore') : t('children.showMore')}
              </Button>
            </div>
          )}
          {children.isFetchNextPageError && <ErrorAlert error={children.error} />}
        </>
      )}
    </div>
  );
}
