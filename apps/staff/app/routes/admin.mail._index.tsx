import { MailMessagesDocument } from '@crm/staff-graphql';
import { Anchor, Card, Stack, Table, Text } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { DateTime } from '../components/date-time';
import { EmptyRow, ListTable } from '../components/list-table';
import { MailStatusBadge } from '../components/mail-status-badge';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { ApiError, gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { requireUserWithPermission } from '../utils/session.server';
import { safeRedirect } from '../utils/safe-redirect';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'mailbox.title');

const pageSize = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'MailMessage');
  const after = new URL(request.url).searchParams.get('after') || undefined;
  try {
    const { mailMessages } = await gql(MailMessagesDocument, { first: pageSize, after }, { request });
    return { messages: mailMessages };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && after) throw safeRedirect('/admin/mail');
    throw error;
  }
}

export default function Mailbox() {
  const t = useT();
  const { messages } = useLoaderData<typeof loader>();

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader title={t('mailbox.title')} description={t('mailbox.intro')} />
      <Card withBorder padding={0}>
        <ListTable
          minWidth={720}
          highlightOnHover
          data-testid="mail-table"
          items={messages.nodes}
          columns={[
            { key: 'when', label: t('mailbox.column.when'), fixed: true, w: 150 },
            { key: 'to', label: t('mailbox.column.to'), fixed: true, w: 260 },
            { key: 'subject', label: t('mailbox.column.subject'), fixed: true },
            { key: 'status', label: t('mailbox.column.status'), fixed: true, w: 120 },
          ]}
          empty={<EmptyRow columns={4}>{t('mailbox.empty')}</EmptyRow>}
        >
          {(message) => (
            <Table.Tr key={message.id} data-testid="mail-row" data-to={message.toAddress}>
              <Table.Td>
                <DateTime value={message.createdAt} stacked />
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate="end" title={message.toAddress}>
                  {message.toAddress}
                </Text>
              </Table.Td>
              <Table.Td>
                {/* The subject is in the recipient's language, not the reader's: lang says so to screen readers. */}
                <Anchor component={Link} to={`/admin/mail/${message.id}`} size="sm" fw={500} lang={message.language} data-testid="mail-open">
                  {message.subject}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <MailStatusBadge status={message.status} />
              </Table.Td>
            </Table.Tr>
          )}
        </ListTable>
      </Card>
      <Pager endCursor={messages.pageInfo.endCursor} hasNextPage={messages.pageInfo.hasNextPage} />
    </Stack>
  );
}
