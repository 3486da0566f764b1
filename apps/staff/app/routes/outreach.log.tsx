import { outreachChannelValues, outreachOutcomeValues } from '@crm/contracts';
import { localized, officeTimeZone } from '@crm/i18n';
import { QuickLogOptionsDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigate, useSubmit } from '@remix-run/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ActionForm } from '../components/action-form';
import { errorText } from '../components/form-fields';
import { assertCsrf } from '../utils/csrf.server';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { messageText } from '../utils/messages';
import { pageTitle } from '../utils/meta';
import { keepContact, pendingContacts, sendPending } from '../utils/outreach-queue';
import { logOutreachFrom } from '../utils/outreach.server';
import { personName } from '../utils/records';
import { useCsrfToken } from '../utils/root-data';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outreach.log.title');

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

// The coordinator's today, where they are (their own time zone, else the office's).
function todayIn(timeZone: string | null): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? officeTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'create', 'Outreach');
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const personParam = url.searchParams.get('personId') ?? url.searchParams.get('saved') ?? '';
  const personId = uuid.test(personParam) ? personParam : '';
  const closes = url.searchParams.get('closes') ?? '';
  const closesOn = url.searchParams.get('closesOn') ?? '';
  const options = await gql(
    QuickLogOptionsDocument,
    { search: q, withSearch: q.length >= 2, personId: personId || '00000000-0000-4000-8000-000000000000', withPerson: Boolean(personId) },
    { request },
  ).catch((error) => {
    // A person out of sight (an old link) just leaves the picker empty.
    if (personId && error?.code === 'NOT_FOUND')
      return gql(QuickLogOptionsDocument, { search: q, withSearch: q.length >= 2, personId, withPerson: false }, { request });
    throw error;
  });
  const saved = url.searchParams.has('saved') ? (options.person ?? null) : null;
  return {
    q,
    campaign: options.defaultCampaign,
    matches: options.people?.nodes ?? null,
    person: saved ? null : (options.person ?? null),
    saved,
    closes: uuid.test(closes) ? closes : '',
    closesOn: isoDate.test(closesOn) ? closesOn : '',
    // A fresh id for each entry: a retry of this entry sends it again.
    clientId: crypto.randomUUID(),
    today: todayIn(viewer.timeZone ?? null),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'create', 'Outreach');
  const result = await logOutreachFrom(request, formData);
  if (result.status === 'saved') throw safeRedirect(`/outreach/log?saved=${result.personId}`);
  if (result.status === 'invalid') {
    const fieldErrors = Object.fromEntries(Object.entries(result.reply.error ?? {}).map(([name, list]) => [name, list ?? []]));
    return { fieldErrors, clientId: String(formData.get('clientId') ?? '') };
  }
  return { fieldErrors: result.fieldErrors, clientId: String(formData.get('clientId') ?? '') };
}

type Notice = { kind: 'queued' | 'sent' | 'refused'; text?: string } | null;

export default function QuickLog() {
  const t = useT();
  const lang = useLanguage();
  const csrfToken = useCsrfToken();
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigate = useNavigate();
  const submitSearch = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  // After a refusal the same entry keeps its id: sending it again is the same contact.
  const [clientId, setClientId] = useState(answer?.clientId || data.clientId);
  const [pending, setPending] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>(answer?.fieldErrors ?? {});
  const searchTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => setClientId(answer?.clientId || data.clientId), [answer, data.clientId]);
  useEffect(() => setErrors(answer?.fieldErrors ?? {}), [answer]);

  // With JavaScript: contacts kept on this device are sent when the page opens, when the
  // connection returns, and every 10 s while any wait (the "online" event alone is not reliable).
  const latest = useRef({ csrfToken, t });
  latest.current = { csrfToken, t };
  useEffect(() => {
    const flush = async () => {
      if (!pendingContacts().length) return;
      const result = await sendPending(latest.current.csrfToken);
      setPending(pendingContacts().length);
      if (result.refused.length) setNotice({ kind: 'refused', text: messageText(latest.current.t, result.refused[0].problems[0] ?? 'invalid') });
      else if (result.sent.length) setNotice({ kind: 'sent' });
    };
    setPending(pendingContacts().length);
    void flush();
    window.addEventListener('online', flush);
    const timer = setInterval(() => void flush(), 10_000);
    return () => {
      window.removeEventListener('online', flush);
      clearInterval(timer);
    };
  }, []);

  // With JavaScript the entry is kept on this device first, then sent: a dropped connection loses nothing.
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const personId = String(formData.get('personId') ?? '');
    if (!personId) {
      setErrors({ personId: ['outreach.log.personNeeded'] });
      return;
    }
    const fields = [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    keepContact({ clientId, personId, fields });
    setBusy(true);
    const result = await sendPending(csrfToken);
    setBusy(false);
    setPending(pendingContacts().length);
    const refused = result.refused.find((entry) => entry.contact.clientId === clientId);
    if (result.sent.some((entry) => entry.clientId === clientId)) {
      navigate(`/outreach/log?saved=${personId}`);
    } else if (refused) {
      setNotice({ kind: 'refused', text: messageText(t, refused.problems[0] ?? 'invalid') });
    } else {
      // Kept for later: ready for the next contact.
      setNotice({ kind: 'queued' });
      formRef.current?.reset();
      setClientId(crypto.randomUUID());
    }
  };

  const onSearchInput = (form: HTMLFormElement) => {
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => submitSearch(form, { replace: true, preventScrollReset: true }), 350);
  };

  const asks = [...(data.campaign?.policyAsks ?? [])].sort((a, b) => a.position - b.position);
  const personError = errors.personId ? errorText(t, errors.personId) : undefined;

  return (
    <Stack gap="md" maw={640}>
      <Title order={1} size="h2">
        {t('outreach.log.title')}
      </Title>

      {data.saved ? (
        <Alert color="teal" variant="light" role="status" data-testid="outreach-saved">
          {t('outreach.log.saved', { name: personName(data.saved) })}{' '}
          <Anchor component={Link} to={`/people/${data.saved.id}`}>
            {t('outreach.log.openPerson')}
          </Anchor>
        </Alert>
      ) : null}
      {notice?.kind === 'queued' ? (
        <Alert color="orange" variant="light" role="status" data-testid="outreach-queued">
          {t('outreach.log.queued')}
        </Alert>
      ) : null}
      {notice?.kind === 'sent' ? (
        <Alert color="teal" variant="light" role="status" data-testid="outreach-sent">
          {t('outreach.log.sent')}
        </Alert>
      ) : null}
      {notice?.kind === 'refused' ? (
        <Alert color="red" variant="light" role="alert" data-testid="outreach-refused">
          {t('outreach.log.refused', { reason: notice.text ?? '' })}
        </Alert>
      ) : null}
      {pending > 0 ? (
        <Alert color="orange" variant="outline" data-testid="outreach-pending">
          {t('outreach.log.pending', { count: pending })}
        </Alert>
      ) : null}

      <Card withBorder padding="md" component="section" aria-labelledby="person-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="person-heading">
            {t('outreach.log.person')}
          </Title>
          {data.person ? (
            <Stack gap={4} data-testid="chosen-person">
              <Text fw={600} size="lg">
                {personName(data.person)}
              </Text>
              <Text size="sm" c="dimmed">
                {[data.person.city, data.person.provinceCode].filter(Boolean).join(', ')}
              </Text>
              {data.person.doNotContact ? (
                <Text size="sm" c="red.8" data-testid="do-not-contact">
                  {t('outreach.log.doNotContact')}
                </Text>
              ) : null}
              <Anchor component={Link} to="/outreach/log" size="sm">
                {t('outreach.log.change')}
              </Anchor>
            </Stack>
          ) : (
            <Form method="get" role="search" onChange={(event) => onSearchInput(event.currentTarget)}>
              <Stack gap="xs">
                <TextInput
                  name="q"
                  type="search"
                  defaultValue={data.q}
                  label={t('outreach.log.search')}
                  description={t('outreach.log.search.hint')}
                  autoComplete="off"
                  size="md"
                  data-testid="person-search"
                />
                <Button type="submit" variant="light" size="md" data-testid="person-search-button">
                  {t('outreach.log.search.button')}
                </Button>
              </Stack>
            </Form>
          )}
        </Stack>
      </Card>

      <ActionForm ref={formRef} onSubmit={onSubmit} data-testid="quick-log-form" aria-label={t('outreach.log.title')}>
        <input type="hidden" name="clientId" value={clientId} />
        {data.closes ? <input type="hidden" name="closesFollowUpId" value={data.closes} /> : null}
        <Stack gap="md">
          {data.person ? <input type="hidden" name="personId" value={data.person.id} /> : null}
          {!data.person && data.matches ? (
            data.matches.length ? (
              <Radio.Group name="personId" label={t('outreach.log.search.pick')} error={personError} data-testid="person-matches">
                <Stack gap="xs" mt="xs">
                  {data.matches.map((match) => (
                    <Radio
                      key={match.id}
                      value={match.id}
                      size="md"
                      label={personName(match)}
                      description={[match.city, match.provinceCode].filter(Boolean).join(', ')}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            ) : (
              <Text c="dimmed" data-testid="person-none">
                {t('outreach.log.search.none')}
              </Text>
            )
          ) : null}
          {!data.person && !data.matches && personError ? (
            <Text c="red.8" size="sm" role="alert">
              {personError}
            </Text>
          ) : null}
          {data.closesOn ? <Text size="sm">{t('followUps.closing', { date: data.closesOn })}</Text> : null}

          <Radio.Group name="channel" label={t('outreach.channel')} required error={errorText(t, errors.channel)}>
            <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs" mt="xs">
              {outreachChannelValues.map((value) => (
                <Radio key={value} value={value} size="md" label={t(`outreach.channel.${value}`)} data-testid={`channel-${value}`} />
              ))}
            </SimpleGrid>
          </Radio.Group>

          <Radio.Group name="outcome" label={t('outreach.outcome')} required error={errorText(t, errors.outcome)}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
              {outreachOutcomeValues.map((value) => (
                <Radio key={value} value={value} size="md" label={t(`outreach.outcome.${value}`)} data-testid={`outcome-${value}`} />
              ))}
            </SimpleGrid>
          </Radio.Group>

          <TextInput
            name="followUpOn"
            type="date"
            size="md"
            label={t('outreach.followUpOn')}
            description={t('outreach.followUpOn.hint')}
            error={errorText(t, errors.followUpOn)}
            data-testid="follow-up-on"
          />

          <details>
            <summary style={{ cursor: 'pointer', padding: '8px 0', fontWeight: 600 }}>{t('outreach.more')}</summary>
            <Stack gap="sm" mt="sm">
              <TextInput
                name="occurredOn"
                type="date"
                size="md"
                label={t('outreach.occurredOn')}
                defaultValue={data.today}
                error={errorText(t, errors.occurredOn)}
              />
              {asks.length ? (
                <NativeSelect
                  name="policyAskId"
                  size="md"
                  label={t('outreach.policyAsk')}
                  data={[{ value: '', label: t('outreach.policyAsk.none') }, ...asks.map((ask) => ({ value: ask.id, label: localized(lang, ask, 'title') }))]}
                  error={errorText(t, errors.policyAskId)}
                />
              ) : null}
              <Textarea name="notes" size="md" label={t('outreach.notes')} autosize minRows={3} maxLength={10000} error={errorText(t, errors.notes)} />
            </Stack>
          </details>

          <Button type="submit" size="lg" fullWidth loading={busy} data-testid="save-outreach">
            {t('outreach.log.save')}
          </Button>
        </Stack>
      </ActionForm>
    </Stack>
  );
}
