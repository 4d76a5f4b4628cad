/**
 * Runtime permissions (seed 000 §2.5): the prompts the OS shows for an app, and what the user answers. A granted
 * permission is never asked again; a denied one is asked again the next time the app needs it.
 */
export const PERMISSIONS = [
  'auto-launch',
  'camera',
  'read-external-storage',
  'write-external-storage',
  'face-id',
  'photo-library',
  'notifications',
  'sd-card',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface PermissionPrompt {
  readonly permission: Permission;
  readonly at: number;
  readonly granted: boolean;
}

export class PermissionCenter {
  /** What the user answers when asked for a permission: allow unless set here. */
  readonly answers = new Map<Permission, 'allow' | 'deny'>();
  /** Every prompt shown, oldest first. */
  readonly prompts: PermissionPrompt[] = [];
  private readonly granted = new Set<Permission>();

  constructor(private readonly now: () => number) {}

  isGranted(permission: Permission): boolean {
    return this.granted.has(permission);
  }

  /** Asks the user unless the permission is already granted; true when the app may go on. */
  request(permission: Permission): boolean {
    if (this.granted.has(permission)) return true;
    const granted = (this.answers.get(permission) ?? 'allow') === 'allow';
    this.prompts.push({ permission, at: this.now(), granted });
    if (granted) this.granted.add(permission);
    return granted;
  }
}
