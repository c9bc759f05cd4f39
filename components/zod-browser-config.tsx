'use client';
// Zod compiles object schemas with `new Function` where the page allows it, and probes for that on
// the first parse. The pages' Content-Security-Policy forbids eval (docs/api.md, "Security headers"),
// so in the browser zod parses without compiling, and never probes. Servers keep compiling: the
// setting lives on globalThis, hence the check for a window.
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });

/** Rendered once by the root layout so this module runs before any page code parses. */
export function ZodBrowserConfig(): null {
  return null;
}
