import { z } from 'zod';

/** Schemas shared by several routes. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const pageQuery = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((s) => s.toUpperCase());
/** `true`/`false` in a query string. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
