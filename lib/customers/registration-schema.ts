// The registration schema of one org: the wire shape (request-schema.ts) transformed by the org's
// rules (normalise.ts) into a normalised registration. The API and the form's resolver share it.
import { z } from 'zod';
import type { OrgConfig } from '@/lib/config/types';
import { normaliseRegistration } from './normalise';
import { RegistrationRequestSchema, type RegistrationRequest } from './request-schema';
import type { NormalisedRegistration } from './types';

const built = new WeakMap<OrgConfig, z.ZodType<NormalisedRegistration, RegistrationRequest>>();

/** The request schema with the org's rules; cached per configuration object. */
export function buildRegistrationSchema(config: OrgConfig): z.ZodType<NormalisedRegistration, RegistrationRequest> {
  let schema = built.get(config);
  if (!schema) {
    schema = RegistrationRequestSchema.transform((req, ctx) => {
      const out = normaliseRegistration(req, config, (code, message, path) => {
        ctx.issues.push({ code: 'custom', message, path, params: { code }, input: undefined });
      });
      return out ?? z.NEVER;
    });
    built.set(config, schema);
  }
  return schema;
}
