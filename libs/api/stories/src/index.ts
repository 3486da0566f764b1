export { StoriesModule } from './stories.module';
export { StoriesService, type StoryConsentChange } from './stories.service';
export { StoryObject, StoryConnection } from './dtos/story.object';
export { storyListOrder, storyListWhere, type StoryCountFilter, type PublicStoryRow } from './story.repository';
export { storyColumns, storyScopeColumns, type StoryRow } from './story.row';
