import type { SessionUser } from '../../../shared/session';
import type { PlatformClient, PlatformFailure, PlatformUser } from '../platform/platform-client';

/**
 * Signs in and learns the role's slug: the login reply names the role by its display name
 * ("Admin"), and only `/users/roles` maps it to the slug the permissions are written in.
 */
export async function signIn(
  client: PlatformClient,
  email: string,
  password: string,
): Promise<{ ok: true; user: SessionUser; token: string } | PlatformFailure> {
  const login = await client.login(email, password);
  if (!login.ok) return login;
  client.setToken(login.value.token);
  const user = await describeUser(client, login.value.user);
  return { ok: true, user, token: login.value.token };
}

/** The user with the role's slug resolved; a role list that cannot be read leaves the slug unknown. */
export async function describeUser(client: PlatformClient, user: PlatformUser): Promise<SessionUser> {
  const roleName = user.role ?? null;
  let roleSlug: string | null = null;
  if (roleName) {
    const roles = await client.roles();
    if (roles.ok) {
      const match = roles.value.find((role) => role.name.toLowerCase() === roleName.toLowerCase() || role.slug === roleName);
      roleSlug = match?.slug ?? null;
    }
  }
  return { id: user.id, name: user.name, email: user.email, roleName, roleSlug };
}
