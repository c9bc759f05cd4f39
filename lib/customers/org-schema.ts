// The one way a request schema meets the org's rules, for registration (registration-schema.ts) and the
// changes after it (care-schema.ts): the wire shape (zod) transformed by a normaliser that reads the
// org's configuration; the normaliser's problems become zod issues carrying the catalogue code.
import { z } from 'zod';
import type { OrgConfig } from '@/lib/config/types';
import { ApiError } from '@/lib/errors';
import { issuesToErrors } from './issues';
import type { Report } from './normalise';

/** `schema` with the org's rules on top (`normalise`), built once per configuration object. */
export function withOrgRules<In, Wire, Out>(
  schema: z.ZodType<Wire, In>,
  normalise: (req: Wire, config: OrgConfig, report: Report) => Out | null,
): (config: OrgConfig) => z.ZodType<Out, In> {
  const built = new WeakMap<OrgConfig, z.ZodType<Out, In>>();
  return (config) => {
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

/** Validates with a schema of withOrgRules; throws ApiError with every problem at once. */
export function parseWith<T, In>(schema: z.ZodType<T, In>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(issuesToErrors(parsed.error.issues));
  return parsed.data;
}
