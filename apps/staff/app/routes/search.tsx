import { SearchCountsDocument, SearchDirectoryDocument } from '@crm/staff-graphql';
import { Anchor, Button, Card, Grid, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { PageHeader } from '../components/page-header';
import { StageBadge } from '../components/records/record-badges';
import { gql } from '../utils/graphql.server';
import { formatCount, useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { kindKey, organizationName, personName } from '../utils/records';
import { abilityFor } from '../utils/viewer';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'search.title');

// `/search?q=`: people and organizations by name, typos and accents forgiven
// (the API's searchDirectory: pg_trgm + unaccent, scoped like every list).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Person');
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100);
  if (q.length < 2) return { q, tooShort: q.length > 0, people: [], organizations: [], counts: null };
  // Organizations only for those who may read them (the API scopes them anyway).
  const withOrganizations = abilityFor(viewer).can('read', 'Organization');
  // The best 20 of each kind here; every match, page by page, in the list ("see all").
  const [{ searchDirectory }, counts] = await Promise.all([
    gql(SearchDirectoryDocument, { text: q, first: shown }, { request }),
    gql(SearchCountsDocument, { text: q, withOrganizations }, { request }),
  ]);
  return {
    q,
    tooShort: false,
    people: searchDirectory.people,
    organizations: withOrganizations ? searchDirectory.organizations : [],
    counts: { people: counts.people.totalCount, organizations: counts.organizations?.totalCount ?? 0 },
  };
}

const shown = 20;

export default function Search() {
  const t = useT();
  const lang = useLanguage();
  const { q, tooShort, people, organizations, counts } = useLoaderData<typeof loader>();
  const number = (value: number) => formatCount(lang, value);
  const seeAll = (path: string) => `${path}?${new URLSearchParams({ search: q })}`;
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader title={t('search.title')} description={t('search.intro')} />
      <Card withBorder padding="md">
        <Form method="get" role="search">
          <Group align="flex-end" gap="sm">
            <TextInput
              name="q"
              type="search"
              label={t('search.label')}
              placeholder={t('search.placeholder')}
              defaultValue={q}
              w={{ base: '100%', sm: 420 }}
              autoFocus
              error={tooShort ? t('search.tooShort') : undefined}
              data-testid="search-input"
            />
            <Button type="submit" data-testid="search-submit">
              {t('search.submit')}
            </Button>
          </Group>
        </Form>
      </Card>
      {q.length >= 2 ? (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder padding="lg" component="section" data-testid="search-people">
              <Title order={2} size="h4" mb="sm" data-testid="search-people-count" data-count={counts?.people ?? 0}>
                {t('search.peopleCount', { count: number(counts?.people ?? 0) })}
              </Title>
              {people.length ? (
                <Stack gap="sm">
                  {people.map((person) => (
                    <Group key={person.id} justify="space-between" wrap="nowrap" data-testid="search-person">
                      <Stack gap={0}>
                        <Anchor component={Link} to={`/people/${person.id}`} fw={600} size="sm">
                          {personName(person)}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {[person.affiliations[0] ? organizationName(lang, person.affiliations[0].organization) : null, person.city, person.provinceCode]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Stack>
                      <StageBadge stage={person.engagementStage} />
                    </Group>
                  ))}
                  {counts && counts.people > people.length ? (
                    <Anchor component={Link} to={seeAll('/people')} size="sm" fw={600} data-testid="search-see-all-people">
                      {t('search.seeAllPeople', { count: number(counts.people) })}
                    </Anchor>
                  ) : null}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('search.noPeople')}
                </Text>
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder padding="lg" component="section" data-testid="search-organizations">
              <Title order={2} size="h4" mb="sm" data-testid="search-organizations-count" data-count={counts?.organizations ?? 0}>
                {t('search.organizationsCount', { count: number(counts?.organizations ?? 0) })}
              </Title>
              {organizations.length ? (
                <Stack gap="sm">
                  {organizations.map((organization) => (
                    <Stack key={organization.id} gap={0} data-testid="search-organization">
                      <Anchor component={Link} to={`/organizations/${organization.id}`} fw={600} size="sm">
                        {organizationName(lang, organization)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[t(kindKey(organization.kind)), organization.city, organization.provinceCode].filter(Boolean).join(' · ')}
                      </Text>
                    </Stack>
                  ))}
                  {counts && counts.organizations > organizations.length ? (
                    <Anchor component={Link} to={seeAll('/organizations')} size="sm" fw={600} data-testid="search-see-all-organizations">
                      {t('search.seeAllOrganizations', { count: number(counts.organizations) })}
                    </Anchor>
                  ) : null}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('search.noOrganizations')}
                </Text>
              )}
            </Card>
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}
