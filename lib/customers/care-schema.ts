// The bodies of PUT /v2/customers/{id} and POST /v2/customers/{id}/changeIdentifier (docs/api.md,
// "After registration"): wire shapes built from the registration's zod pieces, and the org's rules on
// top (lib/customers/normalise-care.ts), as for a registration.
import { z } from 'zod';
import type { OrgConfig } from '@/lib/config/types';
import { CustomerUpdateRequestSchema, IdentifierChangeRequestSchema } from './care-request-schema';
import { issuesToErrors } from './issues';
import { ApiError } from '@/lib/errors';
import { normaliseCustomerUpdate, normaliseIdentifierChange } from './normalise-care';

// The wire shapes live in care-request-schema.ts (normalise-care.ts reads their types); named here too.
export { CustomerUpdateRequestSchema, IdentifierChangeRequestSchema } from './care-request-schema';

type Reporter = Parameters<typeof normaliseCustomerUpdate>[2];

/** A wire schema with the org's rules on top: zod issues carry the catalogue code, as for registration. */
function withRules<In, Wire, Out>(
  schema: z.ZodType<Wire, In>,
  normalise: (req: Wire, config: OrgConfig, report: Reporter) => Out | null,
) {
  const built = new WeakMap<OrgConfig, z.ZodType<Out, In>>();
  return (config: OrgConfig): z.ZodType<Out, In> => {
    let ruled = built.get(config);
    if (!ruled) {
      ruled = schema.transform((req, ctx) => {
        const out = normalise(req, config, (code, message, path) => {
          ctx.issues.push({ code: 'custom', message, path, params: { code }, input: undefined });
        });
        return out ?? z.NEVER;
      });
      built.set(config, ruled);
    }
    return ruled;
  };
}

export const buildCustomerUpdateSchema = withRules(CustomerUpdateRequestSchema, normaliseCustomerUpdate);
export const buildIdentifierChangeSchema = withRules(IdentifierChangeRequestSchema, normaliseIdentifierChange);

/** Validates against the org's configuration; throws ApiError with every problem at once. */
export function parseWith<T>(schema: z.ZodType<T, unknown>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(issuesToErrors(parsed.error.issues));
  return parsed.data;
}
