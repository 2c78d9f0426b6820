/** The machine statuses of the MyRVM platform, with the labels, colours and groups CONTRACT.md gives. */
export const RVM_STATUSES = ['active', 'full', 'maintenance', 'inactive', 'error', 'unknown'] as const;
export type RvmStatus = (typeof RVM_STATUSES)[number];

export type StatusGroup = 'operational' | 'critical' | 'attention';

export interface StatusInfo {
  status: RvmStatus;
  label: string;
  colour: string;
  priority: number;
  groups: readonly StatusGroup[];
}

export const STATUS_INFO: Readonly<Record<RvmStatus, StatusInfo>> = {
  active: { status: 'active', label: 'Active', colour: '#28a745', priority: 1, groups: ['operational'] },
  full: { status: 'full', label: 'Full', colour: '#dc3545', priority: 2, groups: ['critical', 'attention'] },
  maintenance: {
    status: 'maintenance',
    label: 'Maintenance',
    colour: '#ffc107',
    priority: 3,
    groups: ['operational', 'attention'],
  },
  inactive: { status: 'inactive', label: 'Inactive', colour: '#6c757d', priority: 4, groups: ['attention'] },
  error: { status: 'error', label: 'Error', colour: '#dc3545', priority: 5, groups: ['critical', 'attention'] },
  unknown: { status: 'unknown', label: 'Unknown', colour: '#696cff', priority: 6, groups: [] },
};

const KNOWN = new Set<string>(RVM_STATUSES);

/** A status the app does not know is shown as `unknown`, never dropped. */
export function normaliseStatus(value: unknown): RvmStatus {
  if (typeof value !== 'string') return 'unknown';
  const lower = value.trim().toLowerCase();
  return KNOWN.has(lower) ? (lower as RvmStatus) : 'unknown';
}

export function isCritical(status: RvmStatus): boolean {
  return STATUS_INFO[status].groups.includes('critical');
}
