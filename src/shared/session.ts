import { z } from 'zod';

/** The platform's roles (CONTRACT.md): display name and slug. */
export const ROLE_SLUGS = ['super-admin', 'admin', 'operator', 'technician', 'tenant', 'user'] as const;
export type RoleSlug = (typeof ROLE_SLUGS)[number];

/** Roles the admin RVM endpoints and the private admin-dashboard channel allow. */
export const ADMIN_ROLES: readonly string[] = ['super-admin', 'admin', 'operator', 'technician'];

export function mayOperate(roleSlug: string | null): boolean {
  return roleSlug !== null && ADMIN_ROLES.includes(roleSlug);
}

export const SessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  /** The role's display name as the server gives it ("Admin"). */
  roleName: z.string().nullable(),
  /** Resolved through /users/roles; null when it could not be resolved. */
  roleSlug: z.string().nullable(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** The signed-in session as the renderer may see it: never the token. */
export const SessionInfoSchema = z.object({
  user: SessionUserSchema,
  profileId: z.string(),
  profileName: z.string(),
  timezone: z.string(),
  /** Whether this role may send status commands, and if not, why. */
  canOperate: z.boolean(),
  operateReason: z.string().nullable(),
  /** How the token is kept on this machine, in plain words. */
  tokenStorage: z.object({ encrypted: z.boolean(), description: z.string() }),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
