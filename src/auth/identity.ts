/** What the service may grant; a token's other roles are ignored. */
export const ROLES = ['member', 'signatory', 'coordinator', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** A person as a verified token describes them. */
export interface Identity {
  userId: string;
  displayName: string;
  /** The organisation they work for; null for people outside any party (auditors, admins). */
  organisationId: string | null;
  roles: Role[];
}

/** Who is asking: an identity, or null for an anonymous caller (the public view). */
export type Viewer = Identity | null;

export const hasRole = (viewer: Viewer, ...roles: Role[]): boolean => !!viewer && viewer.roles.some((r) => roles.includes(r));

/** Works for one of these organisations (any role: member, signatory, coordinator ...). */
export const belongsTo = (viewer: Viewer, organisationIds: readonly string[]): boolean =>
  !!viewer?.organisationId && organisationIds.includes(viewer.organisationId);
