import type { Viewer } from '../../utils/viewer';

/**
 * The coordinator's follow-ups on their home (issue 10): the outreach screens fill
 * this slot (due and overdue follow-ups, each with a link to its person). Until then
 * it shows nothing. It sits beside "My people" in `routes/_index.tsx`; give it its
 * own loader data through the home's loader (`homeData`) or fetch it here.
 */
export function HomeFollowUps(_props: { viewer: Viewer }) {
  return null;
}
