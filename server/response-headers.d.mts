export type HeaderRule = { source: string; headers: { key: string; value: string }[] };
export function responseHeaderRules(nodeEnv: string | undefined): HeaderRule[];
export function apiResponseHeaders(nodeEnv: string | undefined): Record<string, string>;
