import { defineAbilityFor, type Actor, type AppAbility } from '@crm/authz';
import type { ViewerFieldsFragment, ViewerQuery } from '@crm/staff-graphql';

// The signed-in user as every screen knows them (root loader data), with the
// provinces of their regions: what @crm/authz needs to scope a coordinator.
export type Viewer = ViewerFieldsFragment & { provinceCodes: string[] };

export function viewerFrom({ me, regions }: ViewerQuery): Viewer {
  const mine = new Set(me.regionIds);
  const provinceCodes = regions.filter((region) => mine.has(region.id)).flatMap((region) => region.provinces.map((p) => p.code));
  return { ...me, provinceCodes: [...new Set(provinceCodes)].sort() };
}

export function actorOf(viewer: Viewer): Actor {
  return { id: viewer.id, role: viewer.role, provinceCodes: viewer.provinceCodes, organizationId: viewer.organizationId };
}

// The same ability the API enforces (decision 015): the server checks it in
// loaders and actions, the browser uses it only to hide what would be refused.
export function abilityFor(viewer: Viewer | null): AppAbility {
  return defineAbilityFor(viewer ? actorOf(viewer) : null);
}
