export const root: string;
export function isBuildStale(): boolean;
export function buildIfStale(): void;
