/** The honeypot: a field people never see; bots fill it in. No imports: the browser's forms use it. */
export const HONEYPOT_FIELD = "website";
