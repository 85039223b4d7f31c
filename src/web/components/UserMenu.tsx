/** The signed-in user's name and the sign-out button. */
import { Button } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import type { Me } from '../api-types.ts';
import { meQueryKey } from '../auth.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { localized } from '../format.ts';
import { clearPlanDrafts } from '../plans/draft.ts';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => api.logout(),
    onSettled: async () => {
      clearPlanDrafts();
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      await navigate('/login', { replace: true });
    },
  });
  const role = me.roles[0];
  const roleText = me.title ?? (role ? localized(role.roleTitle, currentLanguage()) : '');
  return (
    <div className='user-menu'>
      <p className='user-menu__name'>
        <span className='ds-sr-only'>{t('nav.signedInAs')} </span>
        <strong>
          {me.givenName} {me.familyName}
        </strong>
        {roleText && <span className='user-menu__role'>{role?.unitName ? `${roleText}, ${role.unitName}` : roleText}</span>}
      </p>
      <Button variant='secondary' data-size='sm' onClick={() => logout.mutate()} loading={logout.isPending}>
        {logout.isPending ? t('nav.loggingOut') : t('nav.logout')}
      </Button>
    </div>
  );
}
