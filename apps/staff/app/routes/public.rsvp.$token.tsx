import { RsvpAnswer } from '@crm/contracts';
import { AnswerInvitationDocument, PublicInvitationDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { EventTime } from '../components/events/event-time';
import { PublicPage } from '../components/public-page';
import { assertCsrf } from '../utils/csrf.server';
import { rsvpKey } from '../utils/events';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'publicRsvp.title');

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

// GET /public/rsvp/<token>?lang=fr: the answer page an invitation e-mail links to (decision 117).
// No sign-in: the secret token opens that one invitation until the event ends; anything
// else (a wrong token, a past event) says the link is not valid, and nothing more.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  if (!tokenShape.test(token)) return { token, invitation: null };
  try {
    const { publicInvitation } = await gql(PublicInvitationDocument, { token }, { request });
    return { token, invitation: publicInvitation };
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) return { token, invitation: null };
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const token = params.token ?? '';
  const given = String(formData.get('response') ?? '');
  if (!tokenShape.test(token) || !RsvpAnswer.safeParse(given).success) return { saved: null, problem: 'publicRsvp.invalid' as const };
  try {
    const { answerInvitation } = await gql(AnswerInvitationDocument, { token, response: RsvpAnswer.parse(given) }, { request });
    return { saved: answerInvitation, problem: null };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') return { saved: null, problem: 'publicRsvp.closed' as const };
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return { saved: null, problem: 'publicRsvp.invalid' as const };
    throw error;
  }
}

const savedKey = {
  yes: 'publicRsvp.saved.yes',
  waitlisted: 'publicRsvp.saved.waitlisted',
  maybe: 'publicRsvp.saved.maybe',
  no: 'publicRsvp.saved.no',
} as const;

export default function PublicRsvp() {
  const t = useT();
  const lang = useLanguage();
  const navigation = useNavigation();
  const { token, invitation } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const path = `/public/rsvp/${token}`;

  if (!invitation) {
    return (
      <PublicPage path={path} languageLabel={t('publicToolkit.language')}>
        <Alert color="gray" variant="light" data-testid="public-rsvp-invalid">
          {t('publicRsvp.invalid')}
        </Alert>
      </PublicPage>
    );
  }
  const title = lang === 'fr' ? (invitation.titleFr ?? invitation.titleEn) : invitation.titleEn;
  const current = answer?.saved ?? invitation.response;
  const saved = answer?.saved && answer.saved in savedKey ? savedKey[answer.saved as keyof typeof savedKey] : null;

  return (
    <PublicPage path={path} languageLabel={t('publicToolkit.language')}>
      <Card withBorder padding="xl" data-testid="public-rsvp">
        <Stack gap="md">
          <Text c="dimmed" size="sm">
            {t('publicRsvp.title')}
          </Text>
          <Title order={1}>{title}</Title>
          <EventTime event={invitation} size="md" />
          {invitation.place ? <Text>{invitation.place}</Text> : null}
          {invitation.onlineUrl ? (
            <Anchor href={invitation.onlineUrl} target="_blank" rel="noreferrer">
              {t('mail.event.online')}
            </Anchor>
          ) : null}
          {saved ? (
            <Alert color="teal" variant="light" data-testid="public-rsvp-saved" data-response={answer?.saved}>
              {t(saved)}
            </Alert>
          ) : null}
          {answer?.problem ? (
            <Alert color="red" variant="light" data-testid="public-rsvp-problem">
              {t(answer.problem)}
            </Alert>
          ) : null}
          {current !== 'invited' ? (
            <Text data-testid="public-rsvp-current" data-response={current}>
              {t('publicRsvp.current', { answer: t(rsvpKey(current)) })}
            </Text>
          ) : null}
          {invitation.open ? (
            <ActionForm>
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('publicRsvp.question')}
                </Title>
                <Group gap="sm">
                  {RsvpAnswer.options.map((value) => (
                    <Button
                      key={value}
                      type="submit"
                      name="response"
                      value={value}
                      variant={value === 'yes' ? 'filled' : 'default'}
                      loading={navigation.state === 'submitting' && navigation.formData?.get('response') === value}
                      data-testid={`public-rsvp-${value}`}
                    >
                      {t(`publicRsvp.answer.${value}`)}
                    </Button>
                  ))}
                </Group>
              </Stack>
            </ActionForm>
          ) : (
            <Text data-testid="public-rsvp-closed">{t('publicRsvp.closed')}</Text>
          )}
        </Stack>
      </Card>
    </PublicPage>
  );
}
