-- Numbers for request references (DSR-2026-000123), taken when a request is verified.
CREATE SEQUENCE IF NOT EXISTS "request_reference_seq";
