import { ToolkitPackingBatchDocument, type ToolkitRequestFieldsFragment } from '@crm/staff-graphql';
import { gql } from './graphql.server';
import type { PackingRequest } from './packing.server';
import { organizationName } from './records';

/** The requests ready to pack, as the viewer may see them: assigned first, then approved (100 of each, set in the query). */
export async function packableRequests(request: Request): Promise<ToolkitRequestFieldsFragment[]> {
  const [approved, assigned] = await Promise.all(
    (['approved', 'assigned'] as const).map((status) => gql(ToolkitPackingBatchDocument, { status }, { request })),
  );
  return [...assigned.toolkitRequests.nodes, ...approved.toolkitRequests.nodes];
}

/** A request as its slip and label print it, in its recipient's language. */
export function forPacking(request: ToolkitRequestFieldsFragment): PackingRequest {
  return {
    id: request.id,
    reference: request.reference,
    language: request.language,
    recipient: request.requesterName,
    organization: request.organization ? organizationName(request.language, request.organization) : request.requesterOrganization,
    addressLine: request.addressLine,
    city: request.city,
    provinceCode: request.provinceCode,
    postalCode: request.postalCode,
    lines: request.lines.map((line) => ({
      quantity: line.quantity,
      titleEn: line.item.titleEn,
      titleFr: line.item.titleFr,
      digital: line.item.kind === 'digital_file',
    })),
  };
}

/** The requests a packing form chose (`request` = `<id>:<version>`), malformed values left out. */
export function chosenRequests(formData: FormData): Map<string, number> {
  return new Map(
    formData
      .getAll('request')
      .map(String)
      .map((value) => value.split(':'))
      .filter(([id, version]) => /^[0-9a-f-]{36}$/i.test(id) && /^\d+$/.test(version ?? ''))
      .map(([id, version]) => [id, Number(version)] as const),
  );
}
