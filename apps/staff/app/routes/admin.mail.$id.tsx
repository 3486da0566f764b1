import { translate } from '@crm/i18n';
import { MailMessageDocument } from '@crm/staff-graphql';
import { Anchor, Box, Card, Code, Stack, Table, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { DateTime } from '../components/date-time';
import { MailStatusBadge } from '../components/mail-status-badge';
import { PageHeader } from '../components/page-header';
import { ApiError, gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { languageFromMatches } from '../utils/meta';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = languageFromMatches(matches);
  const mailbox = translate(lang, 'mailbox.title');
  return [{ title: translate(lang, 'app.pageTitle', { page: data ? `${data.message.subject} – ${mailbox}` : mailbox }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'MailMessage');
  try {
    const { mailMessage } = await gql(MailMessageDocument, { id: params.id ?? '' }, { request });
    return { message: mailMessage };
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) throw new Response(null, { status: 404 });
    throw error;
  }
}

export default function MailMessage() {
  const t = useT();
  const { message } = useLoaderData<typeof loader>();

  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        above={
          <Anchor component={Link} to="/admin/mail" size="sm">
            ← {t('mailbox.back')}
          </Anchor>
        }
        // The message is in the recipient's language, which may not be the reader's.
        title={
          <span data-testid="mail-subject" lang={message.language}>
            {message.subject}
          </span>
        }
      />
      <Card withBorder padding="lg">
        <Table withRowBorders={false} verticalSpacing={4} w="auto">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={120} fw={500} c="dimmed">
                {t('mailbox.to')}
              </Table.Th>
              <Table.Td data-testid="mail-to">{message.toAddress}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th fw={500} c="dimmed">
                {t('mailbox.date')}
              </Table.Th>
              <Table.Td>
                <DateTime value={message.createdAt} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th fw={500} c="dimmed">
                {t('mailbox.status')}
              </Table.Th>
              <Table.Td>
                <MailStatusBadge status={message.status} />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="mail-html-title">
        <Title order={2} size="h5" id="mail-html-title" mb="sm">
          {t('mailbox.html')}
        </Title>
        {/* sandbox="": no scripts, no forms, no same-origin access, no navigation
            of this page; the e-mail's HTML can only be looked at. */}
        <Box
          component="iframe"
          sandbox=""
          srcDoc={message.bodyHtml}
          title={t('mailbox.htmlFrame')}
          w="100%"
          h={460}
          bg="white"
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}
          data-testid="mail-html"
        />
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="mail-text-title">
        <Title order={2} size="h5" id="mail-text-title" mb="sm">
          {t('mailbox.text')}
        </Title>
        <Code block lang={message.language} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="mail-text">
          {message.bodyText}
        </Code>
        <Text size="xs" c="dimmed" mt="xs">
          {message.template} · {message.language}
        </Text>
      </Card>
    </Stack>
  );
}
