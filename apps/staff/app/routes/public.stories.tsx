import { languages, type Language } from '@crm/i18n';
import { PublicStoriesDocument } from '@crm/staff-graphql';
import { Anchor, Badge, Box, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { DateTime } from '../components/date-time';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { storyKindKey } from '../utils/stories';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'publicStories.title');

// GET /public/stories (?lang=fr): no sign-in. The API's dedicated public query selects
// only the public fields of published stories in consent; nothing is cached (the root
// answers `no-store`), so a story withdrawn a second ago is not here.
export async function loader({ request }: LoaderFunctionArgs) {
  const { publicStories } = await gql(PublicStoriesDocument, { first: 100 }, { request });
  return { stories: publicStories };
}

export default function PublicStories() {
  const t = useT();
  const lang = useLanguage();
  const { stories } = useLoaderData<typeof loader>();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group
        h={60}
        px="md"
        justify="space-between"
        wrap="nowrap"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        component="header"
      >
        <Text fw={700} c="indigo.8" lineClamp={1}>
          {t('app.name')}
        </Text>
        <Group gap="xs" component="nav" aria-label={t('publicStories.language')}>
          {languages.map((other: Language) => (
            <Anchor
              key={other}
              href={`/public/stories?lang=${other}`}
              lang={other}
              fw={other === lang ? 700 : 400}
              aria-current={other === lang ? 'page' : undefined}
              data-testid={`public-lang-${other}`}
            >
              {t(`language.${other}`)}
            </Anchor>
          ))}
        </Group>
      </Group>
      <Container size="md" py="xl" component="main">
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1}>{t('publicStories.title')}</Title>
            <Text c="dimmed">{t('publicStories.intro')}</Text>
          </Stack>
          {stories.length === 0 ? (
            <Text data-testid="public-stories-empty">{t('publicStories.empty')}</Text>
          ) : (
            stories.map((story) => (
              <Card
                key={story.id}
                withBorder
                padding="lg"
                component="article"
                aria-labelledby={`story-${story.id}`}
                data-testid="public-story"
                data-id={story.id}
              >
                <Stack gap="sm">
                  <Group gap="xs">
                    <Badge variant="light">{t(storyKindKey(story.kind))}</Badge>
                    {story.language !== lang ? (
                      <Badge variant="outline" color="gray">
                        {t('publicStories.storyIn', {
                          // French writes language names in lower case within a sentence.
                          language: lang === 'fr' ? t(`languageName.${story.language}`).toLocaleLowerCase('fr') : t(`languageName.${story.language}`),
                        })}
                      </Badge>
                    ) : null}
                  </Group>
                  <Title order={2} size="h3" id={`story-${story.id}`} lang={story.language}>
                    {story.title}
                  </Title>
                  <Text style={{ whiteSpace: 'pre-wrap' }} lang={story.language} data-testid="public-story-text">
                    {story.text}
                  </Text>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" c="dimmed" data-testid="public-story-by">
                      {story.storytellerName ? t('publicStories.by', { name: story.storytellerName }) : t('publicStories.anonymous')}
                    </Text>
                    <Text size="sm" c="dimmed">
                      <DateTime value={story.publishedAt} />
                    </Text>
                  </Group>
                </Stack>
              </Card>
            ))
          )}
        </Stack>
      </Container>
    </Box>
  );
}
