// The bodies of PUT /v2/customers/{id} and POST /v2/customers/{id}/changeIdentifier (docs/api.md,
// "After registration"): wire shapes built from the registration's zod pieces, and the org's rules on
// top (lib/customers/normalise-care.ts) by the same factory as a registration's (org-schema.ts).
import { CustomerUpdateRequestSchema, IdentifierChangeRequestSchema } from './care-request-schema';
import { withOrgRules } from './org-schema';
import { normaliseCustomerUpdate, normaliseIdentifierChange } from './normalise-care';

// The wire shapes live in care-request-schema.ts (normalise-care.ts reads their types); named here too.
export { CustomerUpdateRequestSchema, IdentifierChangeRequestSchema } from './care-request-schema';

export const buildCustomerUpdateSchema = withOrgRules(CustomerUpdateRequestSchema, normaliseCustomerUpdate);
export const buildIdentifierChangeSchema = withOrgRules(IdentifierChangeRequestSchema, normaliseIdentifierChange);
