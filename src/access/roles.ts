export const USER_ROLES = ['province_officer', 'ministry_reviewer', 'compliance_officer', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
