/** The page frame: skip link, header (app name, navigation, language, user), main landmark. */
import { Button, Link as DsLink, SkipLink } from '@digdir/designsystemet-react';
import { useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { isLogReviewer, isManager, useMe } from '../auth.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';

/**
 * After client-side navigation, move focus to the new page's h1 (or main) so
 * screen-reader and keyboard users start at the new content. Waits briefly for
 * pages that render their heading after loading, and never steals focus from
 * something the user has already moved to.
 */
function useFocusOnNavigate(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const container = main.current;
    if (!container) return;
    const startedWith = document.activeElement;
    const untouched = () => document.activeElement === startedWith || document.activeElement === document.body;
    const focus = (target: HTMLElement) => {
      if (!untouched()) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    };
    const heading = container.querySelector<HTMLElement>('h1');
    if (heading) {
      focus(heading);
      return;
    }
    const observer = new MutationObserver(() => {
      const h1 = container.querySelector<HTMLElement>('h1');
      if (h1) {
        observer.disconnect();
        clearTimeout(timer);
        focus(h1);
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      focus(container);
    }, 3000);
    observer.observe(container, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname, main]);
}

/** From a child's page, "Raise a concern" starts with that child filled in. */
export function raiseConcernHref(pathname: string): string {
  const child = /^\/children\/([^/]+)/.exec(pathname)?.[1];
  return child ? `/concerns/new?child=${child}` : '/concerns/new';
}

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  const user = me.data ?? null;
  const { pathname } = useLocation();

  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    main.current?.focus();
  };

  return (
    <>
      <SkipLink href='#main-content' onClick={skip}>
        {t('nav.skipToContent')}
      </SkipLink>
      <header className='app-header'>
        <div className='app-header__inner'>
          <Link to='/' className='app-name'>
            {t('app.name')}
            <span className='app-name__tagline'>{t('app.tagline')}</span>
          </Link>
          {user && (
            <nav aria-label={t('nav.label')} className='app-nav'>
              <ul>
                <li>
                  <DsLink asChild>
                    <NavLink to='/' end>
                      {t('nav.children')}
                    </NavLink>
                  </DsLink>
                </li>
                <li>
                  <DsLink asChild>
                    <NavLink to='/concerns'>{t('nav.inbox')}</NavLink>
                  </DsLink>
                </li>
                <li>
                  <DsLink asChild>
                    <NavLink to='/meetings'>{t('meetings.nav')}</NavLink>
                  </DsLink>
                </li>
                <li>
                  <DsLink asChild>
                    <NavLink to='/catalogue'>{t('nav.catalogue')}</NavLink>
                  </DsLink>
                </li>
                <li>
                  <DsLink asChild>
                    <NavLink to='/lookup'>{t('nav.lookup')}</NavLink>
                  </DsLink>
                </li>
                <li>
                  <DsLink asChild>
                    <NavLink to='/emergency'>{t('nav.emergency')}</NavLink>
                  </DsLink>
                </li>
                {(isLogReviewer(user) || isManager(user)) && (
                  <li>
                    <DsLink asChild>
                      <NavLink to='/review'>{t('nav.review')}</NavLink>
                    </DsLink>
                  </li>
                )}
              </ul>
            </nav>
          )}
          <div className='app-header__tools'>
            {user && (
              <Button asChild data-color='accent' className='raise-concern-button'>
                <Link to={raiseConcernHref(pathname)}>{t('nav.raiseConcern')}</Link>
              </Button>
            )}
            <LanguageSwitch />
            {user && <UserMenu me={user} />}
          </div>
        </div>
      </header>
      <main id='main-content' ref={main} tabIndex={-1} className='app-main'>
        <Outlet />
      </main>
    </>
  );
}
