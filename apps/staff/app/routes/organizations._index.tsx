import { membershipValues, organizationKindValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import { OrganizationsDocument } from '@crm/staff-graphql';
import { Anchor, Badge, Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { DateTime } from '../components/date-time';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { ArchivedBadge } from '../components/records/record-badges';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { exportQuery, kindKey, membershipKey, organizationFilter, organizationFiltersFrom, organizationName } from '../utils/records';
import { useAbility } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'organizations.title');

const pageSize = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Organization');
  const params = new URL(request.url).searchParams;
  const filters = organizationFiltersFrom(params);
  const filter = organizationFilter(filters, viewer.id);
  try {
    const data = await gql(OrganizationsDocument, { filter, first: pageSize, after: params.get('after') || undefined }, { request });
    return { ...data, filters, exportQuery: exportQuery(filter).toString() };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && params.has('after')) {
      params.delete('after');
      throw redirect(`/organizations?${params}`);
    }
    throw error;
  }
}

const membershipColor: Record<string, string> = { member: 'teal', associate: 'blue', ally: 'grape', lapsed: 'gray' };

export default function Organizations() {
  const t = useT();
  const lang = useLanguage();
  const ability = useAbility();
  const { organizations, provinces, regions, tags, filters, exportQuery: query } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.search || filters.province || filters.region || filters.kind || filters.membership || filters.tag || filters.mine || filters.archived);
  const tagLabel = (slug: string) => {
    const tag = tags.find((entry) => entry.slug === slug);
    return tag ? (lang === 'fr' ? tag.labelFr : tag.labelEn) : slug;
  };

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.intro')}
        actions={
          <>
            {ability.can('export', 'Organization') ? (
              <Button component="a" href={`/organizations/export?${query}`} variant="default" data-testid="export-organizations" download>
                {t('records.export')}
              </Button>
            ) : null}
            {ability.can('create', 'Organization') ? (
              <Button component={Link} to="/organizations/new" data-testid="new-organization">
                {t('organizations.new')}
              </Button>
            ) : null}
          </>
        }
      />

      <Card withBorder padding="md">
        <Form method="get" role="search" data-testid="organization-filters">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              name="search"
              type="search"
              label={t('records.filter.search')}
              placeholder={t('organizations.filter.search.placeholder')}
              defaultValue={filters.search}
              w={{ base: '100%', sm: 220 }}
              data-testid="filter-search"
            />
            <NativeSelect
              name="province"
              label={t('records.filter.province')}
              defaultValue={filters.province}
              data={[{ value: '', label: t('records.any') }, ...provinces.map((province) => ({ value: province.code, label: localizedName(lang, province) }))]}
              w={{ base: '100%', sm: 170 }}
              data-testid="filter-province"
            />
            <NativeSelect
              name="region"
              label={t('records.filter.region')}
              defaultValue={filters.region}
              data={[{ value: '', label: t('records.any') }, ...regions.map((region) => ({ value: region.id, label: localizedName(lang, region) }))]}
              w={{ base: '100%', sm: 170 }}
              data-testid="filter-region"
            />
            <NativeSelect
              name="kind"
              label={t('organizations.filter.kind')}
              defaultValue={filters.kind}
              data={[{ value: '', label: t('records.any') }, ...organizationKindValues.map((value) => ({ value, label: t(kindKey(value)) }))]}
              w={{ base: '100%', sm: 200 }}
              data-testid="filter-kind"
            />
            <NativeSelect
              name="membership"
              label={t('organizations.filter.membership')}
              defaultValue={filters.membership}
              data={[{ value: '', label: t('records.any') }, ...membershipValues.map((value) => ({ value, label: t(membershipKey(value)) }))]}
              w={{ base: '100%', sm: 150 }}
              data-testid="filter-membership"
            />
            <NativeSelect
              name="tag"
              label={t('records.filter.tag')}
              defaultValue={filters.tag}
              data={[{ value: '', label: t('records.any') }, ...tags.map((tag) => ({ value: tag.slug, label: tagLabel(tag.slug) }))]}
              w={{ base: '100%', sm: 170 }}
              data-testid="filter-tag"
            />
            <Stack gap={6} pb={4}>
              <Checkbox name="mine" value="1" defaultChecked={filters.mine} label={t('records.filter.owner.mine')} />
              <Checkbox name="archived" value="1" defaultChecked={filters.archived} label={t('records.filter.archived')} />
            </Stack>
            <Button type="submit" variant="default">
              {t('filter.apply')}
            </Button>
            {filtered ? (
              <Button component={Link} to="/organizations" variant="subtle">
                {t('filter.clear')}
              </Button>
            ) : null}
          </Group>
        </Form>
      </Card>

      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="organizations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organizations.column.name')}</Table.Th>
                <Table.Th>{t('organizations.column.kind')}</Table.Th>
                <Table.Th>{t('organizations.column.membership')}</Table.Th>
                <Table.Th>{t('organizations.column.place')}</Table.Th>
                <Table.Th>{t('records.tags')}</Table.Th>
                <Table.Th>{t('records.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organizations.nodes.map((organization) => (
                <Table.Tr key={organization.id} data-testid="organization-row" data-province={organization.provinceCode}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={`/organizations/${organization.id}`} fw={600} size="sm">
                        {organizationName(lang, organization)}
                      </Anchor>
                      {organization.archivedAt ? <ArchivedBadge /> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(kindKey(organization.kind))}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={membershipColor[organization.membership] ?? 'gray'}>
                      {t(membershipKey(organization.membership))}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{[organization.city, organization.provinceCode].filter(Boolean).join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {organization.tags.slice(0, 3).map((tag) => (
                        <Badge key={tag} variant="outline" color="indigo" size="sm">
                          {tagLabel(tag)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={organization.updatedAt} stacked />
                  </Table.Td>
                </Table.Tr>
              ))}
              {organizations.nodes.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center" py="lg" data-testid="organizations-empty">
                      {t('organizations.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <Pager endCursor={organizations.pageInfo.endCursor} hasNextPage={organizations.pageInfo.hasNextPage} />
    </Stack>
  );
}
