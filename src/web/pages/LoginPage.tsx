/** Sign in with username and password. */
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../api.ts';
import { markSessionExpired, meQueryKey, useMe, type LoginLocationState } from '../auth.tsx';
import { errorMessage } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const state = useLocation().state as LoginLocationState;
  const from = state?.from && state.from !== '/login' ? state.from : '/';

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const login = useMutation({
    mutationFn: () => api.login({ username: username.trim(), password }),
    onSuccess: async ({ user }) => {
      markSessionExpired(false);
      queryClient.setQueryData(meQueryKey, user);
      await navigate(from, { replace: true });
    },
    onError: () => {
      setPassword('');
      requestAnimationFrame(() => alertRef.current?.focus());
    },
  });

  if (me.data) return <Navigate to={from} replace />;

  const usernameError = showErrors && !username.trim() ? t('login.usernameRequired') : undefined;
  const passwordError = showErrors && !password ? t('login.passwordRequired') : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setShowErrors(true);
    if (!username.trim()) return usernameRef.current?.focus();
    if (!password) return passwordRef.current?.focus();
    login.mutate();
  };

  return (
    <div className='narrow stack'>
      <Heading level={1} data-size='lg'>
        {t('login.title')}
      </Heading>
      <Paragraph>{t('login.intro')}</Paragraph>
      {login.isError && (
        <Alert data-color='danger' ref={alertRef} tabIndex={-1} role='alert'>
          <Heading level={2} data-size='xs'>
            {t('login.failed')}
          </Heading>
          <Paragraph>{errorMessage(login.error, t('common.errorHeading'))}</Paragraph>
        </Alert>
      )}
      {!login.isError && state?.expired && (
        <Alert data-color='info'>
          <Paragraph>{t('common.sessionExpired')}</Paragraph>
        </Alert>
      )}
      <form className='stack' onSubmit={submit} noValidate>
        <Textfield
          ref={usernameRef}
          label={t('login.username')}
          name='username'
          autoComplete='username'
          autoCapitalize='none'
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={usernameError}
          aria-required='true'
        />
        <Textfield
          ref={passwordRef}
          label={t('login.password')}
          name='password'
          type='password'
          autoComplete='current-password'
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={passwordError}
          aria-required='true'
        />
        <div>
          <Button type='submit' loading={login.isPending} aria-disabled={login.isPending || undefined}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
