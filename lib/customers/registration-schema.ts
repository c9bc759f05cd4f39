// The registration schema of one org: the wire shape (request-schema.ts) with the org's rules
// (normalise.ts) on top (org-schema.ts). The API and the form's resolver share it.
import { normaliseRegistration } from './normalise';
import { withOrgRules } from './org-schema';
import { RegistrationRequestSchema } from './request-schema';

/** The request schema with the org's rules; cached per configuration object. */
export const buildRegistrationSchema = withOrgRules(RegistrationRequestSchema, normaliseRegistration);
