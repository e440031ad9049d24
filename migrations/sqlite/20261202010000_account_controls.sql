-- Account controls. A token has an expiry (a year by default; tokens made before this
-- migration get a year from their creation) and remembers when it was last used, to the
-- hour. A user can be disabled: their sessions and tokens end, and they cannot sign in.
-- A change made from the command line names its operator, as a user's names the user.

ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;
UPDATE api_tokens SET expires_at = strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+1 year');
CREATE INDEX api_tokens_user ON api_tokens (user_id);

ALTER TABLE users ADD COLUMN disabled_at TEXT;

ALTER TABLE audit_log ADD COLUMN actor_note TEXT;
