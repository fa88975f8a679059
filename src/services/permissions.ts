/**
 * Roles and what they may do (least privilege). Reading public data needs no role at all.
 * Focal points may change only actions whose responsible bodies they act for.
 */
export const ROLES = ['admin', 'coordinator', 'focal_point', 'contributor', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'document.upload': ['admin', 'coordinator'],
  'document.delete': ['admin'],
  'action.create': ['admin', 'coordinator'],
  'action.update': ['admin', 'coordinator', 'focal_point'],
  'progress.add': ['admin', 'coordinator', 'focal_point'],
  'attachment.add': ['admin', 'coordinator', 'focal_point', 'contributor'],
  'link.decide': ['admin', 'coordinator'],
  'contribution.submit': ['admin', 'coordinator', 'focal_point', 'contributor'],
  'contribution.moderate': ['admin', 'coordinator'],
  'review.write': ['admin', 'coordinator'],
  'user.manage': ['admin'],
  'audit.read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function allowed(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
