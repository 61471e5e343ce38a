export function contentSecurityPolicy(options: { development: boolean; nonce?: string; scriptHashes?: readonly string[] }): string;
export function inlineScriptHashes(html: string): string[];
