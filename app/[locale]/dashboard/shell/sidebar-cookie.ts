/**
 * Whether the sidebar was left collapsed, remembered per browser (not personal data) so the server
 * draws it that way without a flash. Its own module: the layout (a server component) cannot read
 * a plain value from a "use client" file.
 */
export const SIDEBAR_COOKIE = "pd_sidebar";
